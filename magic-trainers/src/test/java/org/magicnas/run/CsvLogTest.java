package org.magicnas.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvLogTest {
    @TempDir Path dir;

    private static List<List<String>> rows(Path file) throws IOException {
        return CsvFiles.read(file).stream().map(Arrays::asList).toList();
    }

    @Test
    void writesTheSameBytesAsBeforeAndReadsBackWithOpenCsv() throws IOException {
        Path file = dir.resolve("metrics.csv");
        try (CsvLog log = CsvLog.open(file, List.of("step", "child", "loss", "note"), 0)) {
            log.row(0L, "MHA2,FFN", 1234.56789, "plain");
            log.row(1L, "FFN", Double.NaN, "say \"hi\"");
            log.row(2L, "FFN", 1e-7, 3);
        }
        assertEquals("step,child,loss,note\n"
                + "0,\"MHA2,FFN\",1234.57,plain\n"
                + "1,FFN,,\"say \"\"hi\"\"\"\n"
                + "2,FFN,1.00000e-07,3\n", Files.readString(file, StandardCharsets.UTF_8));
        assertEquals(List.of(List.of("step", "child", "loss", "note"), List.of("0", "MHA2,FFN", "1234.57", "plain"),
                List.of("1", "FFN", "", "say \"hi\""), List.of("2", "FFN", "1.00000e-07", "3")), rows(file));
    }

    @Test
    void resumingDropsRowsFromTheCheckpointStepAndKeepsTheRest() throws IOException {
        Path file = dir.resolve("anchors.csv");
        try (CsvLog log = CsvLog.open(file, List.of("step", "child", "gap"), 0)) {
            for (long s = 0; s < 5; s++) {
                log.row(s, "MHA2,FFN", 0.5 * s);
            }
        }
        String firstThree = String.join("", Files.readAllLines(file).subList(0, 4).stream().map(l -> l + "\n").toList());
        try (CsvLog log = CsvLog.open(file, List.of("step", "child", "gap"), 3)) {
            assertEquals(firstThree, Files.readString(file), "rows of steps 0-2 kept byte for byte, 3 and 4 dropped");
            log.row(3L, "FFN", 9.0);
        }
        List<List<String>> rows = rows(file);
        assertEquals(5, rows.size());
        assertEquals(List.of("2", "MHA2,FFN", "1.00000"), rows.get(3));
        assertEquals(List.of("3", "FFN", "9.00000"), rows.get(4));
    }

    @Test
    void aRowWithoutAStepFailsWithTheFileAndRow() throws IOException {
        Path file = dir.resolve("shrink.csv");
        Files.writeString(file, "step,score\n0,1\nx,2\n");
        IOException e = assertThrows(IOException.class, () -> CsvLog.open(file, List.of("step", "score"), 5));
        assertTrue(e.getMessage().startsWith(file + " row 3: step 'x' is not an integer"), e.getMessage());
    }
}
