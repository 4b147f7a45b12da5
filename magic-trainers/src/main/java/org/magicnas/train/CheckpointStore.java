package org.magicnas.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.commons.io.file.PathUtils;

/**
 * A directory of checkpoints, {@code step-<n>/}, each written into a temporary directory, marked
 * complete, flushed to disk and renamed into place, so that neither a crash nor a power cut leaves a
 * half-written checkpoint in use; the file {@code latest} names the newest one and only the newest
 * few are kept.
 *
 * <p>A checkpoint is complete when its marker file {@value #COMPLETE} (written last, listing every
 * file with its size) matches its files. If {@code latest} is missing or names a missing or
 * incomplete checkpoint, {@link #latest()} falls back to the newest complete one and logs a warning.
 * Leftovers of a writer that was killed (temporary directories and pointers) are removed by the next
 * {@link #save} (the next writer); {@link #latest()} only reads, so it is safe while another process
 * writes.
 */
public final class CheckpointStore {
    /**
     * Test only: a system property, read once, giving milliseconds to sleep inside every checkpoint
     * write (after the files are written, before the checkpoint is marked complete), and in every write
     * of a study's result cache (before the result is moved into place), so that a test can kill a
     * process in the middle of a write.
     */
    public static final String TEST_DELAY_PROPERTY = "magic.checkpoint.testDelayMs";
    /** The marker file of a complete checkpoint. */
    public static final String COMPLETE = "COMPLETE";

    private static final Logger LOG = Logger.getLogger(CheckpointStore.class.getName());
    private static final long TEST_DELAY_MS = Long.getLong(TEST_DELAY_PROPERTY, 0L);
    private static final String LATEST = "latest";
    private static final String STEP = "step-";
    private static final String TMP = ".tmp-";
    private static final String LATEST_TMP = ".latest-";
    private static final String ASIDE = ".old-";

    private final Path dir;
    private final int keep;
    private boolean cleaned;

    /**
     * Opens a store; the directory is created by the first {@link #save}.
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
     * Writes a checkpoint atomically and durably. Saving a step that exists replaces it, and the old
     * one stays in place until the new one is.
     *
     * @param step the number of steps done
     * @param writer what to write
     * @return the checkpoint's directory
     * @throws IOException if writing fails (nothing is left behind)
     */
    public Path save(long step, Writer writer) throws IOException {
        Files.createDirectories(dir);
        removeLeftovers();
        String name = String.format(Locale.ROOT, "%s%09d", STEP, step);
        Path target = dir.resolve(name);
        Path tmp = Files.createTempDirectory(dir, TMP + name + "-");
        try {
            writer.write(tmp);
            testDelay();
            markComplete(tmp);
            syncDirectory(tmp);
            Path aside = dir.resolve(ASIDE + name);
            if (Files.exists(target)) {
                deleteTree(aside);
                move(target, aside);
            }
            move(tmp, target);
            syncDirectory(dir);
            deleteTree(aside);
        } catch (IOException | RuntimeException e) {
            deleteTree(tmp);
            throw e;
        }
        Path latestTmp = Files.createTempFile(dir, LATEST_TMP, "");
        Files.writeString(latestTmp, name + "\n", StandardCharsets.UTF_8);
        syncFile(latestTmp);
        move(latestTmp, dir.resolve(LATEST));
        syncDirectory(dir);
        prune(target);
        return target;
    }

    /**
     * The newest complete checkpoint, if any: the one {@code latest} names or, if that is missing or
     * incomplete, the newest complete one (with a warning in the log).
     *
     * @return its directory; empty if there is none (nothing saved yet, or only unfinished writes)
     * @throws IOException if the directory cannot be read, or every checkpoint that was once complete has been damaged since
     */
    public Optional<Path> latest() throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        Path pointer = dir.resolve(LATEST);
        String named = Files.isRegularFile(pointer) ? Files.readString(pointer, StandardCharsets.UTF_8).trim() : null;
        List<Path> all = candidates();
        if (named != null && !named.isEmpty()) {
            Path target = dir.resolve(named);
            // A store written before checkpoints had markers: its pointer is trusted.
            boolean legacy = Files.isDirectory(target) && all.stream().noneMatch(p -> Files.exists(p.resolve(COMPLETE)));
            if (legacy || isComplete(target)) {
                return Optional.of(target);
            }
        }
        Optional<Path> newest = all.stream().filter(CheckpointStore::isComplete).reduce((a, b) -> b);
        // A marked checkpoint that is not complete was damaged after it was written; with nothing to fall back to, refuse.
        Optional<Path> damaged = all.stream().filter(p -> Files.isRegularFile(p.resolve(COMPLETE))).findFirst();
        if (newest.isEmpty() && damaged.isPresent()) {
            List<String> listed = Files.readAllLines(damaged.get().resolve(COMPLETE), StandardCharsets.UTF_8);
            String found = listing(damaged.get()).lines().filter(l -> !listed.contains(l)).findFirst()
                    .map(l -> l + " bytes").orElse("a file missing");
            throw new IOException("checkpoint " + damaged.get() + " is damaged (" + found + ", not as its " + COMPLETE
                    + " lists) and no complete checkpoint is left");
        }
        if (named != null || newest.isPresent()) {
            String pointed = named == null ? "there is no " + pointer : pointer + " names " + named + ", which is missing or incomplete";
            String fallback = newest.map(p -> "resuming from " + p.getFileName() + ", the newest complete checkpoint")
                    .orElse("no complete checkpoint is left, starting from the beginning");
            LOG.warning(pointed + "; " + fallback);
        }
        return newest;
    }

    /**
     * Whether a directory is a complete checkpoint: its marker exists and lists its files with their
     * sizes.
     *
     * @param checkpoint the directory
     * @return true if complete
     */
    public static boolean isComplete(Path checkpoint) {
        Path marker = checkpoint.resolve(COMPLETE);
        if (!Files.isRegularFile(marker)) {
            return false;
        }
        try {
            return Files.readString(marker, StandardCharsets.UTF_8).equals(listing(checkpoint));
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    private static void markComplete(Path tmp) throws IOException {
        String listing = listing(tmp);
        try (Stream<Path> s = Files.walk(tmp)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                syncFile(p);
            }
        }
        Path marker = tmp.resolve(COMPLETE);
        Files.writeString(marker, listing, StandardCharsets.UTF_8);
        syncFile(marker);
    }

    /** Every file but the marker, as {@code <relative path> <size>} lines in name order. */
    private static String listing(Path root) throws IOException {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).filter(p -> !p.equals(root.resolve(COMPLETE))).sorted().toList()) {
                b.append(root.relativize(p).toString().replace('\\', '/')).append(' ').append(Files.size(p)).append('\n');
            }
        }
        return b.toString();
    }

    private static void testDelay() throws IOException {
        if (TEST_DELAY_MS > 0) {
            try {
                Thread.sleep(TEST_DELAY_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while writing a checkpoint", e);
            }
        }
    }

    /**
     * Removes what a killed writer left (temporary checkpoints and pointers) and puts back a step it
     * moved aside; only the writer does this, so that a reader never disturbs a write under way.
     */
    private void removeLeftovers() throws IOException {
        if (cleaned) {
            return;
        }
        cleaned = true;
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = s.toList();
        }
        for (Path p : entries) {
            String n = p.getFileName().toString();
            if (n.startsWith(TMP) || n.startsWith(LATEST_TMP)) {
                deleteTree(p);
            } else if (n.startsWith(ASIDE)) {
                Path original = dir.resolve(n.substring(ASIDE.length()));
                if (Files.exists(original)) {
                    deleteTree(p);
                } else {
                    move(p, original);
                }
            }
        }
        syncDirectory(dir);
    }

    private List<Path> checkpoints() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(STEP)).sorted().toList();
        }
    }

    /**
     * The checkpoints in step order, with a checkpoint that a killed writer moved aside (to replace it)
     * standing in for its missing original; the next {@link #save} moves it back.
     */
    private List<Path> candidates() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(STEP) || n.startsWith(ASIDE) && !Files.exists(dir.resolve(n.substring(ASIDE.length())));
            }).sorted(Comparator.comparing(p -> p.getFileName().toString().replace(ASIDE, ""))).toList();
        }
    }

    private void prune(Path saved) throws IOException {
        List<Path> all = new ArrayList<>(checkpoints());
        all.remove(saved);
        for (int i = 0; i < all.size() - (keep - 1); i++) {
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

    private static void syncFile(Path file) throws IOException {
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
            c.force(true);
        }
    }

    /** Flushes a directory's entries to disk where the system allows it (some refuse to open directories). */
    private static void syncDirectory(Path directory) {
        try (FileChannel c = FileChannel.open(directory, StandardOpenOption.READ)) {
            c.force(true);
        } catch (IOException e) {
            // Not supported on this system: the renames are still atomic, only not yet durable.
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
        PathUtils.deleteDirectory(root);
    }
}
