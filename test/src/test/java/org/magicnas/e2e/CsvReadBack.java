package org.magicnas.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.magicnas.run.CsvFiles;

/** Reads a CSV file the program wrote back with OpenCSV and checks that it is a table. */
final class CsvReadBack {
    private CsvReadBack() {}

    /**
     * The rows of a file, the header first, after checking the header and that every row has its width.
     *
     * @param file the file
     * @param header the expected column names
     * @return the rows
     */
    static List<String[]> table(Path file, List<String> header) throws IOException {
        List<String[]> rows = CsvFiles.read(file);
        assertEquals(header, List.of(rows.get(0)), file.toString());
        for (int i = 1; i < rows.size(); i++) {
            assertEquals(header.size(), rows.get(i).length, file + " row " + (i + 1) + ": " + String.join("|", rows.get(i)));
        }
        return rows;
    }
}
