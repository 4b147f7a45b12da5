package org.magicnas.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.io.file.PathUtils;

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
        try {
            PathUtils.deleteDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the task's directory " + dir, e);
        }
    }
}
