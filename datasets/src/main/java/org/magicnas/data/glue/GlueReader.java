package org.magicnas.data.glue;

import com.opencsv.CSVParserBuilder;
import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.ICSVParser;
import com.opencsv.exceptions.CsvValidationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.magicnas.data.CorpusException;
import org.magicnas.data.tribuo.Split;

/**
 * Reads and validates one GLUE TSV file into {@link GlueRecord}s.
 *
 * <p><b>Parsing.</b> Files are read with OpenCSV ({@link CSVReaderBuilder} over a {@link
 * CSVParserBuilder} parser with tab as separator, quoting and escaping switched off). GLUE files
 * are not quote-escaped: a {@code "} inside a sentence is text, and no field contains a tab or a
 * line break, so each physical line is exactly one record (OpenCSV's default parser would treat
 * {@code "} as a quote and {@code \} as an escape, silently merging rows). GLUE's own reference
 * loader does the same ({@code csv.reader} with {@code quotechar=None}). Lines end at {@code \n},
 * {@code \r\n} or {@code \r}, a leading UTF-8 byte order mark is dropped, completely empty lines
 * are ignored, and undecodable bytes fail the read.
 *
 * <p>Columns are found by header name, so the files may carry any extra columns (MNLI's parses
 * and annotator labels). A row is malformed when its field count differs from the header's, a
 * text column is blank, the label is not one of the task's labels (STS-B: not a number in [0,
 * 5]), or a test row's index is blank. A malformed row fails the read with a one-line {@link
 * CorpusException} naming the file, the line and what was expected, unless bad rows are skipped,
 * in which case they are counted and the first few are logged.
 */
public final class GlueReader {

    /** How many skipped rows are described in the log. */
    static final int LOGGED_BAD_ROWS = 5;

    private static final Logger LOG = Logger.getLogger(GlueReader.class.getName());

    /**
     * The rows of a file and how many were skipped.
     *
     * @param records the valid rows, in file order
     * @param skipped the number of malformed rows skipped
     */
    public record Result(List<GlueRecord> records, int skipped) {

        /**
         * Creates a result, copying the records.
         *
         * @param records the rows
         * @param skipped the skipped count
         */
        public Result {
            records = List.copyOf(records);
        }
    }

    private final GlueTask task;
    private final Split split;
    private final Path file;
    private final boolean skipBadRows;
    private int skipped;

    private GlueReader(GlueTask task, Split split, Path file, boolean skipBadRows) {
        this.task = task;
        this.split = split;
        this.file = file.toAbsolutePath();
        this.skipBadRows = skipBadRows;
    }

    /**
     * Reads a split of a task from a file in the task's official layout.
     *
     * @param task the task
     * @param split the split; test files have no labels
     * @param file the file
     * @param skipBadRows whether to skip (and count) malformed rows instead of failing
     * @return the valid rows and the skipped count
     * @throws CorpusException if the file is missing or unreadable, the header lacks a needed
     *     column, no valid row remains, or (unless skipping) a row is malformed
     */
    public static Result read(GlueTask task, Split split, Path file, boolean skipBadRows) {
        if (!Files.isRegularFile(file)) {
            throw new CorpusException(
                    "GLUE " + task.submissionName() + " " + split.name().toLowerCase(Locale.ROOT)
                            + " file " + file.toAbsolutePath() + " is missing: expected the"
                            + " layout of GLUE's download_glue_data.py (<dataDir>/"
                            + task.relativeFile(split) + ")");
        }
        return new GlueReader(task, split, file, skipBadRows).read();
    }

    private Result read() {
        List<GlueRecord> records = new ArrayList<>();
        // A strict decoder: undecodable bytes fail instead of becoming U+FFFD.
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        long lineNumber = 0;
        try (CSVReader reader = tsvReader(new BufferedReader(
                new InputStreamReader(Files.newInputStream(file), decoder)))) {
            Layout layout = null;
            String[] fields;
            while ((fields = reader.readNext()) != null) {
                lineNumber = reader.getLinesRead();
                if (lineNumber == 1 && !fields[0].isEmpty() && fields[0].charAt(0) == '\uFEFF') {
                    fields[0] = fields[0].substring(1);
                }
                if (layout == null) {
                    if (task.hasHeader(split)) {
                        layout = layout(List.of(fields));
                        continue;
                    }
                    layout = layout(task.headerlessColumns());
                }
                if (fields.length == 1 && fields[0].isEmpty()) {
                    continue;
                }
                GlueRecord record = parse(layout, Math.toIntExact(lineNumber), fields);
                if (record != null) {
                    records.add(record);
                }
            }
        } catch (IOException | CsvValidationException e) {
            throw new CorpusException(
                    "cannot read GLUE file " + file + " near line " + (lineNumber + 1) + ": " + e
                            + " (expected UTF-8 text)", e);
        }
        if (records.isEmpty()) {
            throw new CorpusException(
                    "GLUE file " + file + " has no valid rows (" + skipped + " skipped, "
                            + lineNumber + " lines): expected at least one");
        }
        final int count = records.size();
        LOG.log(skipped > 0 ? Level.WARNING : Level.INFO, () -> "Read " + count
                + " rows of GLUE " + task.submissionName() + " " + split.name().toLowerCase(Locale.ROOT)
                + " from " + file
                + (skipped > 0 ? " (skipped " + skipped + " malformed rows)" : ""));
        return new Result(records, skipped);
    }

    /**
     * Opens an OpenCSV reader for GLUE's tab-separated layout: no quote or escape character, so
     * every physical line is one record and every character is text.
     *
     * @param in the text
     * @return the reader; {@link CSVReader#getLinesRead()} is the line number of the last record
     */
    static CSVReader tsvReader(java.io.Reader in) {
        return new CSVReaderBuilder(in)
                .withCSVParser(new CSVParserBuilder()
                        .withSeparator('\t')
                        .withQuoteChar(ICSVParser.NULL_CHARACTER)
                        .withEscapeChar(ICSVParser.NULL_CHARACTER)
                        .withIgnoreQuotations(true)
                        .withIgnoreLeadingWhiteSpace(false)
                        .withStrictQuotes(false)
                        .build())
                .withKeepCarriageReturn(false)
                .build();
    }

    /** Validates one row; returns null if it is malformed and skipped. */
    private GlueRecord parse(Layout layout, int line, String[] fields) {
        if (fields.length != layout.columns.size()) {
            return bad(line, "has " + fields.length + " tab-separated fields, expected "
                    + layout.columns.size() + " (" + String.join(", ", layout.columns) + ")");
        }
        String[] texts = new String[layout.text.length];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = fields[layout.text[i]];
            if (texts[i].isBlank()) {
                return bad(line, "column '" + task.textColumns().get(i)
                        + "' is empty, expected text");
            }
        }
        String label = null;
        if (layout.label >= 0) {
            label = fields[layout.label].strip();
            String problem = checkLabel(label);
            if (problem != null) {
                return bad(line, problem);
            }
        }
        String index = layout.index >= 0 ? fields[layout.index].strip() : null;
        if (split == Split.TEST && index.isEmpty()) {
            return bad(line, "column '" + task.indexColumn()
                    + "' is empty, expected the row's index");
        }
        return new GlueRecord(line, texts[0], texts.length > 1 ? texts[1] : null, label, index);
    }

    /** Returns null if the label is valid for the task, else what was expected. */
    private String checkLabel(String label) {
        if (task.isRegression()) {
            double score;
            try {
                score = Double.parseDouble(label);
            } catch (NumberFormatException e) {
                score = Double.NaN;
            }
            if (score >= GlueTask.MIN_SCORE && score <= GlueTask.MAX_SCORE) {
                return null;
            }
            return "score '" + label + "' in column '" + task.labelColumn()
                    + "', expected a number in [" + GlueTask.MIN_SCORE + ", "
                    + GlueTask.MAX_SCORE + "]";
        }
        if (task.labels().contains(label)) {
            return null;
        }
        return "label '" + label + "' in column '" + task.labelColumn() + "', expected one of "
                + String.join(", ", task.labels());
    }

    private GlueRecord bad(int line, String what) {
        String message = file + " line " + line + ": " + what;
        if (!skipBadRows) {
            throw new CorpusException(message);
        }
        skipped++;
        if (skipped <= LOGGED_BAD_ROWS) {
            LOG.warning(() -> "Skipping malformed GLUE row: " + message);
        }
        return null;
    }

    /** Finds the needed columns; a missing one is never skippable. */
    private Layout layout(List<String> columns) {
        List<String> names = columns.stream().map(String::strip).toList();
        int[] text = new int[task.textColumns().size()];
        for (int i = 0; i < text.length; i++) {
            text[i] = require(names, task.textColumns().get(i));
        }
        int label = split == Split.TEST ? -1 : require(names, task.labelColumn());
        int index = split == Split.TEST
                ? require(names, task.indexColumn())
                : names.indexOf(task.indexColumn());
        return new Layout(names, text, label, index);
    }

    private int require(List<String> names, String column) {
        int at = names.indexOf(column);
        if (at < 0) {
            throw new CorpusException(
                    file + " line 1: header (" + String.join(", ", names) + ") lacks column '"
                            + column + "': expected the GLUE " + task.submissionName() + " "
                            + split.name().toLowerCase(Locale.ROOT) + " layout");
        }
        return at;
    }

    /** Column positions of one file. */
    private record Layout(List<String> columns, int[] text, int label, int index) {}
}
