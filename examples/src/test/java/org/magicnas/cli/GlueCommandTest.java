package org.magicnas.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.magicnas.data.glue.GlueMetric;
import org.magicnas.data.glue.GlueTask;
import org.magicnas.evaluation.GlueScore;

/** The glue command's table (the two averages) and its submission archive. */
class GlueCommandTest {

    private static GlueScore accuracy(GlueTask task, double value) {
        return new GlueScore(task, GlueMetric.ACCURACY, value);
    }

    @Test
    void theTableAveragesTable2sTasksAndSeparatelyWithWnli() {
        List<GlueScore> scores = List.of(accuracy(GlueTask.MNLI_MATCHED, 0.80), accuracy(GlueTask.MNLI_MISMATCHED, 0.10), accuracy(GlueTask.RTE, 0.60),
                accuracy(GlueTask.WNLI, 0.30));
        String[] lines = GlueCommand.table("enc", scores).split("\n");
        assertEquals(3, lines.length);
        assertEquals(List.of("model", "MNLI-m", "MNLI-mm", "RTE", "WNLI", "AVG", "AVG+WNLI"), List.of(lines[0].strip().split(" +")));
        // AVG: MNLI-m and RTE only (MNLI-mm and WNLI are not in Table 2's average); AVG+WNLI: (80 + 60 + 30) / 3.
        assertEquals(List.of("enc", "80.0", "10.0", "60.0", "30.0", "70.0", "56.7"), List.of(lines[1].strip().split(" +")));
        assertTrue(lines[2].contains("the paper's Table 2 uses") && lines[2].contains("leaves out WNLI and MNLI-mm"), lines[2]);

        String[] noWnli = GlueCommand.table("enc", scores.subList(0, 3)).split("\n");
        assertEquals(List.of("enc", "80.0", "10.0", "60.0", "70.0", "-"), List.of(noWnli[1].strip().split(" +")));
        String[] onlyWnli = GlueCommand.table("enc", List.of(accuracy(GlueTask.WNLI, 0.5))).split("\n");
        assertEquals(List.of("enc", "50.0", "-", "50.0"), List.of(onlyWnli[1].strip().split(" +")));
    }

    @Test
    void theArchiveHoldsThePredictionFilesInTheServersOrderWithFixedTimes(@TempDir Path dir) throws IOException {
        Path predictions = Files.createDirectories(dir.resolve("predictions"));
        assertNull(GlueCommand.zip(predictions, dir.resolve("empty.zip")), "nothing to zip");
        assertTrue(!Files.exists(dir.resolve("empty.zip")));
        for (String name : List.of("WNLI.tsv", "AX.tsv", "CoLA.tsv", "MNLI-mm.tsv")) {
            Files.writeString(predictions.resolve(name), "index\tprediction\n0\t" + name + "\n");
        }
        Files.writeString(predictions.resolve("notes.txt"), "not a submission file");
        Path zip = GlueCommand.zip(predictions, dir.resolve("a.zip"));
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
                assertArrayEquals(Files.readAllBytes(predictions.resolve(e.getName())), in.readAllBytes());
            }
        }
        assertEquals(List.of("CoLA.tsv", "MNLI-mm.tsv", "WNLI.tsv", "AX.tsv"), names);
        assertArrayEquals(Files.readAllBytes(zip), Files.readAllBytes(GlueCommand.zip(predictions, dir.resolve("b.zip"))),
                "the same predictions give the same archive");
        try (var files = Files.list(dir)) {
            assertEquals(List.of("a.zip", "b.zip", "predictions"), files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary files");
        }
    }
}
