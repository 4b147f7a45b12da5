package org.magicnas.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The directory of one run. Files are written whole (temporary file, then rename), so a reader never
 * sees half a file.
 */
public final class RunDirectory {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path root;

    private RunDirectory(Path root) {
        this.root = root;
    }

    /**
     * Creates {@code <parent>/<time>-<name>/} (with a numeric suffix if that exists already).
     *
     * @param parent the runs directory
     * @param name the run's name
     * @return the run directory
     * @throws IOException if it cannot be created
     */
    public static RunDirectory create(Path parent, String name) throws IOException {
        Files.createDirectories(parent);
        String base = LocalDateTime.now().format(STAMP) + "-" + name.replaceAll("[^A-Za-z0-9._-]", "_");
        Path dir = parent.resolve(base);
        for (int i = 2; Files.exists(dir); i++) {
            dir = parent.resolve(base + "-" + i);
        }
        Files.createDirectory(dir);
        return new RunDirectory(dir);
    }

    /**
     * Opens an existing run directory.
     *
     * @param dir the directory
     * @return the run directory
     * @throws IllegalArgumentException if it is not a directory
     */
    public static RunDirectory open(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("run directory " + dir + " does not exist");
        }
        return new RunDirectory(dir);
    }

    /**
     * The directory.
     *
     * @return the path
     */
    public Path root() {
        return root;
    }

    /**
     * A file or directory in the run.
     *
     * @param name the relative name
     * @return the path
     */
    public Path resolve(String name) {
        return root.resolve(name);
    }

    /**
     * Writes a text file whole.
     *
     * @param name the relative name
     * @param text the content
     * @return the file
     * @throws IOException if writing fails
     */
    public Path writeString(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes a file whole, creating the directories above it.
     *
     * @param name the relative name
     * @param bytes the content
     * @return the file
     * @throws IOException if writing fails
     */
    public Path write(String name, byte[] bytes) throws IOException {
        Path target = root.resolve(name);
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), ".tmp-", "");
        Files.write(tmp, bytes);
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
