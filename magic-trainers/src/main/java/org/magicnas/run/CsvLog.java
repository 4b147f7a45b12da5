package org.magicnas.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * An append-only CSV file whose first column is the step. When a run resumes from a checkpoint the
 * rows at or after the checkpoint's step are dropped first, so the file never holds a step twice; a
 * line cut short by a killed process (no comma yet) is dropped too.
 */
public final class CsvLog implements AutoCloseable {
    private final BufferedWriter out;

    private CsvLog(BufferedWriter out) {
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
     * @throws IOException if the file cannot be read or written
     */
    public static CsvLog open(Path file, List<String> header, long fromStep) throws IOException {
        List<String> keep = new ArrayList<>();
        if (Files.exists(file)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                int comma = line.indexOf(',');
                if (i == 0 || comma > 0 && Long.parseLong(line.substring(0, comma)) < fromStep) {
                    keep.add(line);
                }
            }
        } else {
            keep.add(String.join(",", header));
        }
        Files.write(file, keep, StandardCharsets.UTF_8);
        return new CsvLog(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND));
    }

    /**
     * Appends a row; text values with commas or quotes are quoted.
     *
     * @param values the values
     */
    public void row(Object... values) {
        StringJoiner j = new StringJoiner(",");
        for (Object v : values) {
            String s = v instanceof Double d ? (d.isNaN() ? "" : String.format(Locale.ROOT, "%.6g", d)) : String.valueOf(v);
            j.add(s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s);
        }
        try {
            out.write(j.toString());
            out.newLine();
        } catch (IOException e) {
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
