package org.magicnas.run;

import com.opencsv.ICSVWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An append-only CSV file whose first column is the step, written with OpenCSV ({@link CsvFiles}):
 * doubles as {@code %.6g} in {@link Locale#ROOT} (NaN as an empty field), other values as their
 * text, quoted only when they hold a comma, a quote or a line break. When a run resumes from a
 * checkpoint the file is read back with OpenCSV and the rows at or after the checkpoint's step are
 * dropped first, so the file never holds a step twice.
 */
public final class CsvLog implements AutoCloseable {
    private final ICSVWriter out;

    private CsvLog(ICSVWriter out) {
        this.out = out;
    }

    /**
     * Opens a log, writing the header if the file is new and dropping rows whose step is at least
     * {@code fromStep}.
     *
     * @param file the file
     * @param header the column names, the first being the step
     * @param fromStep the first step that will be written
     * @return the log
     * @throws IOException if the file cannot be read or written, or an existing row's first field
     *     is not a step (the message names the file and the line)
     */
    public static CsvLog open(Path file, List<String> header, long fromStep) throws IOException {
        List<String[]> keep = new ArrayList<>();
        if (Files.exists(file)) {
            List<String[]> rows = CsvFiles.read(file);
            for (int i = 0; i < rows.size(); i++) {
                if (i == 0 || step(file, i + 1, rows.get(i)) < fromStep) {
                    keep.add(rows.get(i));
                }
            }
        } else {
            keep.add(header.toArray(String[]::new));
        }
        Files.writeString(file, CsvFiles.text(keep), StandardCharsets.UTF_8);
        return new CsvLog(CsvFiles.writer(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND)));
    }

    private static long step(Path file, int row, String[] fields) throws IOException {
        try {
            return Long.parseLong(fields[0]);
        } catch (NumberFormatException e) {
            throw new IOException(file + " row " + row + ": step '" + fields[0] + "' is not an integer (expected a log written by this program)", e);
        }
    }

    /**
     * Appends a row.
     *
     * @param values the values
     */
    public void row(Object... values) {
        String[] fields = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            fields[i] = v instanceof Double d ? (d.isNaN() ? "" : String.format(Locale.ROOT, "%.6g", d)) : String.valueOf(v);
        }
        out.writeNext(fields, false);
        check();
    }

    private void check() {
        IOException e = out.getException();
        if (e != null) {
            out.resetError();
            throw new UncheckedIOException(e);
        }
    }

    /** Writes buffered rows to the file. */
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
