package org.magicnas.data.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionBenchmarksTest {
    @TempDir
    Path dir;

    @Test
    void readsTheAccuracyColumnOfTheSubmittedBenchmarksTable() throws Exception {
        String readme = "# Fashion-MNIST\n\n| Classifier | Preprocessing | Fashion test accuracy | MNIST test accuracy | Submitter| Code |\n"
                + "| --- | --- | --- | --- | --- |--- |\n"
                + "|2 Conv+pooling | None | 0.916| - |[doc](x) | [:link:](y)|\n"
                + "|MobileNet | augmentation (horizontal flips)| 0.950|- | [a](b)| [:link:](c)|\n"
                + "|Human Performance| Crowd-sourced | 0.835| - | [a](b) | - |\n"
                + "|Broken | None | n/a | - | - | - |\n\n### After the table\n|not | a row | 0.1 |\n";
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("README.md.gz")))) {
            out.write(readme.getBytes(StandardCharsets.UTF_8));
        }
        List<FashionBenchmarks.Entry> rows = FashionBenchmarks.read(dir);
        assertEquals(List.of(new FashionBenchmarks.Entry("2 Conv+pooling", "None", 0.916),
                new FashionBenchmarks.Entry("MobileNet", "augmentation (horizontal flips)", 0.950),
                new FashionBenchmarks.Entry("Human Performance", "Crowd-sourced", 0.835)), rows);
        assertTrue(FashionBenchmarks.read(dir.resolve("absent")).isEmpty());
    }
}
