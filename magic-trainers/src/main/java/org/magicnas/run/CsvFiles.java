package org.magicnas.run;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import com.opencsv.exceptions.CsvException;
import com.opencsv.exceptions.CsvMalformedLineException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The project's comma-separated files, written and read with OpenCSV: comma separator, {@code "}
 * quotes doubled inside quoted fields, {@code \n} line ends, UTF-8. A field is quoted when it
 * holds a comma, a quote or a line break, or when its column is one the caller always quotes (the
 * architecture and claim columns of the reports, which have always been quoted, so that the files
 * keep their exact bytes). Numbers are formatted by the caller in {@link Locale#ROOT}.
 */
public final class CsvFiles {
    private CsvFiles() {}

    /**
     * Opens a writer.
     *
     * @param out where the text goes
     * @param alwaysQuoted the columns (0-based) quoted whatever they hold
     * @return the writer; {@link ICSVWriter#writeNext(String[], boolean)} with {@code false}
     *     quotes only what needs quoting besides these columns
     */
    public static ICSVWriter writer(Writer out, int... alwaysQuoted) {
        return new ColumnQuotingWriter(out, alwaysQuoted);
    }

    /**
     * Formats rows as CSV text, quoting only what needs quoting.
     *
     * @param rows the rows, the header first
     * @return the text, every row ending in {@code \n}
     */
    public static String text(List<String[]> rows) {
        StringWriter text = new StringWriter();
        write(text, rows);
        return text.toString();
    }

    /**
     * Formats a header and rows as CSV text.
     *
     * @param header the column names, quoted only where needed
     * @param rows the rows
     * @param alwaysQuoted the columns (0-based) whose values are quoted whatever they hold
     * @return the text, every row ending in {@code \n}
     */
    public static String text(List<String> header, List<String[]> rows, int... alwaysQuoted) {
        StringWriter text = new StringWriter();
        write(text, List.<String[]>of(header.toArray(String[]::new)));
        write(text, rows, alwaysQuoted);
        return text.toString();
    }

    private static void write(Writer out, List<String[]> rows, int... alwaysQuoted) {
        try (ICSVWriter writer = writer(out, alwaysQuoted)) {
            writer.writeAll(rows, false);
            if (writer.getException() != null) {
                throw writer.getException();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Formats a number with a fixed count of decimals, in {@link Locale#ROOT}.
     *
     * @param value the value
     * @param decimals the number of decimals
     * @return e.g. {@code 0.123457} for 6 decimals
     */
    public static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /**
     * Opens a reader of a CSV file written by this class (or any RFC 4180 file).
     *
     * @param in the text
     * @return the reader
     */
    public static CSVReader reader(Reader in) {
        return new CSVReaderBuilder(in).build();
    }

    /**
     * Reads every row of a CSV file, the header included.
     *
     * @param file the file
     * @return the rows
     * @throws IOException if the file cannot be read or is not valid CSV (the message names the
     *     file and the line)
     */
    public static List<String[]> read(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (CSVReader reader = reader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            try {
                String[] row;
                while ((row = reader.readNext()) != null) {
                    rows.add(row);
                }
            } catch (CsvException | CsvMalformedLineException e) {
                throw new IOException(file + " line " + reader.getLinesRead() + ": " + e.getMessage()
                        + " (expected comma-separated values)", e);
            }
        }
        return rows;
    }

    /** A {@link CSVWriter} that also quotes chosen columns. */
    private static final class ColumnQuotingWriter extends CSVWriter {
        private final boolean[] quoted;

        ColumnQuotingWriter(Writer out, int... alwaysQuoted) {
            super(out, DEFAULT_SEPARATOR, DEFAULT_QUOTE_CHARACTER, DEFAULT_ESCAPE_CHARACTER, "\n");
            int size = Arrays.stream(alwaysQuoted).max().orElse(-1) + 1;
            quoted = new boolean[size];
            for (int c : alwaysQuoted) {
                quoted[c] = true;
            }
        }

        @Override
        protected void writeNext(String[] line, boolean applyQuotesToAll, Appendable out) throws IOException {
            if (line == null) {
                return;
            }
            for (int i = 0; i < line.length; i++) {
                if (i != 0) {
                    out.append(separator);
                }
                String value = line[i];
                if (value == null) {
                    continue;
                }
                boolean special = stringContainsSpecialCharacters(value);
                boolean quote = applyQuotesToAll || special || (i < quoted.length && quoted[i]);
                if (quote) {
                    out.append(quotechar);
                }
                if (special) {
                    processLine(value, out);
                } else {
                    out.append(value);
                }
                if (quote) {
                    out.append(quotechar);
                }
            }
            out.append(getLineEnd());
            getWriter().write(out.toString());
        }
    }
}
