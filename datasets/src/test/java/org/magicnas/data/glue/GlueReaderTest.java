package org.magicnas.data.glue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvValidationException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.magicnas.data.CorpusException;
import org.magicnas.data.tribuo.Split;

/** Line ends, byte order marks and line numbers of the OpenCSV-based GLUE reader. */
class GlueReaderTest {

    @TempDir Path glue;

    private static final String BOM = "\uFEFF";

    private Path writeRaw(String relative, String text) throws IOException {
        Path file = glue.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        return file;
    }

    private static List<String> firsts(GlueReader.Result result) {
        return result.records().stream().map(GlueRecord::first).toList();
    }

    @Test
    void byteOrderMarkAndCrlfLineEndsAreHandled() throws IOException {
        // A header file: the BOM sits before the first column name, which must still be found.
        Path sst = writeRaw("SST-2/train.tsv", BOM + "sentence\tlabel\r\n"
                + "a \"quoted film is it?\t1\r\n"
                + "\r\n"
                + "dull\t0\r\n");
        GlueReader.Result r = GlueReader.read(GlueTask.SST2, Split.TRAIN, sst, false);
        assertEquals(List.of("a \"quoted film is it?", "dull"), firsts(r));
        assertEquals(List.of("1", "0"), r.records().stream().map(GlueRecord::label).toList(),
                "no carriage return left on the last column");
        assertEquals(List.of(2, 4), r.records().stream().map(GlueRecord::line).toList());

        // A header-less file (CoLA train): the BOM sits before the first value of the first row.
        Path cola = writeRaw("CoLA/train.tsv", BOM + String.join("\r\n", GlueFiles.COLA_TRAIN)
                + "\r\n");
        GlueReader.Result c = GlueReader.read(GlueTask.COLA, Split.TRAIN, cola, false);
        assertEquals(4, c.records().size());
        assertEquals(GlueFiles.COLA_QUOTE, c.records().get(2).first());
        assertEquals("1", c.records().get(3).label());
    }

    @Test
    void bareCarriageReturnsEndLinesToo() throws IOException {
        Path rte = writeRaw("RTE/dev.tsv", "index\tsentence1\tsentence2\tlabel\r"
                + "0\tA dog barks.\tA dog makes noise.\tentailment\r"
                + "1\tA cat sleeps.\tThe cat runs.\tnot_entailment\r");
        GlueReader.Result r = GlueReader.read(GlueTask.RTE, Split.DEV, rte, false);
        assertEquals(List.of("entailment", "not_entailment"),
                r.records().stream().map(GlueRecord::label).toList());
        assertEquals("The cat runs.", r.records().get(1).second());
    }

    @Test
    void malformedRowInACrlfFileNamesTheFileAndTheLine() throws IOException {
        Path mrpc = writeRaw("MRPC/dev.tsv", BOM + String.join("\r\n", GlueFiles.MRPC_TRAIN)
                + "\r\n\r\n2\t1\t2\tonly four fields\r\n");
        CorpusException e = assertThrows(CorpusException.class,
                () -> GlueReader.read(GlueTask.MRPC, Split.DEV, mrpc, false));
        assertTrue(e.getMessage().startsWith(mrpc.toAbsolutePath() + " line 5: has 4"
                + " tab-separated fields, expected 5"), e.getMessage());
        assertTrue(!e.getMessage().contains("\r") && !e.getMessage().contains("\n"));

        Path bad = writeRaw("QNLI/dev.tsv", "index\tquestion\tsentence\tlabel\n"
                + "0\tWhy?\tBecause.\tentailment\n"
                + "1\tHow?\tSomehow.\tyes\n");
        CorpusException label = assertThrows(CorpusException.class,
                () -> GlueReader.read(GlueTask.QNLI, Split.DEV, bad, false));
        assertTrue(label.getMessage().startsWith(bad.toAbsolutePath() + " line 3: label 'yes'"),
                label.getMessage());
    }

    @Test
    void undecodableBytesFailWithTheFile() throws IOException {
        Path file = glue.resolve("SST-2/dev.tsv");
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[] {'s', 'e', 'n', 't', 'e', 'n', 'c', 'e', '\t', 'l', 'a',
            'b', 'e', 'l', '\n', (byte) 0xC3, (byte) 0x28, '\t', '1', '\n'});
        CorpusException e = assertThrows(CorpusException.class,
                () -> GlueReader.read(GlueTask.SST2, Split.DEV, file, false));
        assertTrue(e.getMessage().contains(file.toAbsolutePath().toString())
                && e.getMessage().contains("expected UTF-8 text"), e.getMessage());
    }

    @Test
    void theTsvReaderKeepsQuotesBackslashesAndEmptyColumnsAsText()
            throws IOException, CsvValidationException {
        List<String[]> rows = new ArrayList<>();
        try (CSVReader reader = GlueReader.tsvReader(
                new StringReader("a \"b\tc\\\t\t\"\nnext\\\tline\n"))) {
            String[] row;
            while ((row = reader.readNext()) != null) {
                rows.add(row);
            }
        }
        assertEquals(2, rows.size(), "an unbalanced quote or a backslash must not merge lines");
        assertEquals(List.of("a \"b", "c\\", "", "\""), List.of(rows.get(0)));
        assertEquals(List.of("next\\", "line"), List.of(rows.get(1)));
    }

    @Test
    void theDiagnosticFileReadsAsATestSplit() throws IOException {
        Path ax = writeRaw("diagnostic/diagnostic.tsv", "index\tsentence1\tsentence2\r\n"
                + "0\tThe cat sat on the mat.\tThe cat did not sit on the mat.\r\n"
                + "1\tWhen you've got no snow, it's really hard to learn a snow sport.\tWhen you've"
                + " got snow, it's really hard to learn a snow sport.\r\n");
        assertEquals(ax, GlueTask.AX.file(glue, Split.TEST));
        GlueReader.Result r = GlueReader.read(GlueTask.AX, Split.TEST, ax, false);
        assertEquals(List.of("0", "1"), r.records().stream().map(GlueRecord::index).toList());
        assertEquals("The cat did not sit on the mat.", r.records().get(0).second());
    }
}
