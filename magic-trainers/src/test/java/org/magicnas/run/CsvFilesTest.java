package org.magicnas.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFilesTest {

    @Test
    void chosenColumnsAreAlwaysQuotedOthersOnlyWhenNeeded(@TempDir Path dir) throws IOException {
        List<String[]> rows = List.of(new String[] {"best", "FFN", CsvFiles.fixed(1.5, 6)}, new String[] {"a,b", "MHA2,FFN", "say \"x\""});
        String text = CsvFiles.text(List.of("role", "architecture", "loss"), rows, 1);
        assertEquals("role,architecture,loss\nbest,\"FFN\",1.500000\n\"a,b\",\"MHA2,FFN\",\"say \"\"x\"\"\"\n", text);
        Path file = Files.writeString(dir.resolve("t.csv"), text);
        assertEquals(List.of(List.of("role", "architecture", "loss"), List.of("best", "FFN", "1.500000"), List.of("a,b", "MHA2,FFN", "say \"x\"")),
                CsvFiles.read(file).stream().map(Arrays::asList).toList());
        assertEquals("a,b,c\n", CsvFiles.text(List.<String[]>of(new String[] {"a", "b", "c"})));
    }

    @Test
    void numbersIgnoreTheDefaultLocale() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            assertEquals("0.123457", CsvFiles.fixed(0.1234567, 6));
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void anUnterminatedQuoteFailsWithTheFileAndLine(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.csv"), "a,b\n1,2\n3,\"open\n");
        IOException e = assertThrows(IOException.class, () -> CsvFiles.read(file));
        assertTrue(e.getMessage().startsWith(file + " line "), e.getMessage());
        assertTrue(e.getMessage().contains("expected comma-separated values"), e.getMessage());
    }
}
