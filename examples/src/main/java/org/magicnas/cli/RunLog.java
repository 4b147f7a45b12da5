package org.magicnas.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/** Progress lines shown to the user and appended to the run's {@code train.log}. */
final class RunLog implements AutoCloseable {
    private final PrintStream console;
    private final BufferedWriter file;

    RunLog(PrintStream console, Path logFile) throws IOException {
        this.console = console;
        this.file = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    void line(String format, Object... args) {
        String s = String.format(Locale.ROOT, format, args);
        console.println(s);
        try {
            file.write(s);
            file.newLine();
            file.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
