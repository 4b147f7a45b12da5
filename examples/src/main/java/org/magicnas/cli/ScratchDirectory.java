package org.magicnas.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A task's temporary directory on an executor, removed with everything in it when closed. */
final class ScratchDirectory implements AutoCloseable {
    private final Path dir;

    /**
     * Creates one in the temporary directory.
     *
     * @param prefix the start of its name
     * @throws IOException if it cannot be created
     */
    ScratchDirectory(String prefix) throws IOException {
        this.dir = Files.createTempDirectory(prefix);
    }

    /**
     * The directory.
     *
     * @return its path
     */
    Path path() {
        return dir;
    }

    @Override
    public void close() {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the task's directory " + dir, e);
        }
    }
}
