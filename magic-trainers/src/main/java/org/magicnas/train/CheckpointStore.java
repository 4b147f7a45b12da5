package org.magicnas.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A directory of checkpoints, {@code step-<n>/}, each written into a temporary directory and renamed
 * into place, so that a crash never leaves a half-written checkpoint; the file {@code latest} names
 * the newest one and only the newest few are kept.
 */
public final class CheckpointStore {
    private static final String LATEST = "latest";

    private final Path dir;
    private final int keep;

    /**
     * Opens (and creates) a store.
     *
     * @param dir the directory
     * @param keep how many checkpoints to keep, at least 1
     */
    public CheckpointStore(Path dir, int keep) {
        this.dir = dir;
        this.keep = Math.max(1, keep);
    }

    /** Writes the files of one checkpoint into a directory. */
    @FunctionalInterface
    public interface Writer {
        /**
         * Writes the checkpoint.
         *
         * @param target the (temporary) directory to fill
         * @throws IOException if writing fails
         */
        void write(Path target) throws IOException;
    }

    /**
     * Writes a checkpoint atomically.
     *
     * @param step the number of steps done
     * @param writer what to write
     * @return the checkpoint's directory
     * @throws IOException if writing fails (nothing is left behind)
     */
    public Path save(long step, Writer writer) throws IOException {
        Files.createDirectories(dir);
        String name = String.format("step-%09d", step);
        Path target = dir.resolve(name);
        Path tmp = Files.createTempDirectory(dir, ".tmp-" + name + "-");
        try {
            writer.write(tmp);
            if (Files.exists(target)) {
                deleteTree(target);
            }
            move(tmp, target);
        } catch (IOException | RuntimeException e) {
            deleteTree(tmp);
            throw e;
        }
        Path latestTmp = Files.createTempFile(dir, ".latest-", "");
        Files.writeString(latestTmp, name + "\n", StandardCharsets.UTF_8);
        move(latestTmp, dir.resolve(LATEST));
        prune();
        return target;
    }

    /**
     * The newest checkpoint, if any.
     *
     * @return its directory
     * @throws IOException if the pointer cannot be read
     */
    public Optional<Path> latest() throws IOException {
        Path pointer = dir.resolve(LATEST);
        if (!Files.exists(pointer)) {
            return Optional.empty();
        }
        Path target = dir.resolve(Files.readString(pointer, StandardCharsets.UTF_8).trim());
        if (!Files.isDirectory(target)) {
            throw new IOException("checkpoint pointer " + pointer + " names " + target + ", which does not exist");
        }
        return Optional.of(target);
    }

    private List<Path> checkpoints() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("step-")).sorted().toList();
        }
    }

    private void prune() throws IOException {
        List<Path> all = checkpoints();
        for (int i = 0; i < all.size() - keep; i++) {
            deleteTree(all.get(i));
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Deletes a directory tree.
     *
     * @param root the directory
     * @throws IOException if deletion fails
     */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
