package org.magicnas.analysis;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.magicnas.train.CheckpointStore;

/**
 * Results of independent jobs stored by the content hash of everything that determines them, one
 * JSON file per job, written atomically: a study that stops keeps every finished job, a rerun or a
 * larger study reuses them, and the files could come from jobs run elsewhere.
 */
public final class ResultCache {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();
    private static final String CLAIMS = "claims";
    private static final String TMP = ".tmp";
    /** Test only: milliseconds to sleep between writing a result and moving it into place ({@link CheckpointStore#TEST_DELAY_PROPERTY}). */
    private static final long TEST_DELAY_MS = Long.getLong(CheckpointStore.TEST_DELAY_PROPERTY, 0L);
    private final Path dir;

    /**
     * Opens a cache.
     *
     * @param dir its directory (created on the first write)
     */
    public ResultCache(Path dir) {
        this.dir = dir;
    }

    /**
     * The key of a job description: the first 24 hex digits of its SHA-256.
     *
     * @param description everything that determines the job's result
     * @return the key
     */
    public static String key(String description) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(description.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A stored result.
     *
     * @param key the job's key
     * @param type the result's class
     * @param <T> the result type
     * @return the result, or empty if the job has not been run
     * @throws IllegalStateException naming the file if it is not readable as the type
     */
    public <T> Optional<T> read(String key, Class<T> type) {
        Path file = dir.resolve(key + ".json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), type));
        } catch (IOException | JsonParseException e) {
            throw new IllegalStateException("cached result " + file + " is unreadable (delete it to recompute): " + e.getMessage(), e);
        }
    }

    /**
     * Stores a result atomically and durably: written to a temporary file, flushed to disk and renamed
     * into place, so that a killed process (or a power cut) leaves either no result file or a complete one.
     *
     * @param key the job's key
     * @param result the result
     */
    public void write(String key, Object result) {
        writeJson(key, GSON.toJson(result));
    }

    /**
     * Stores a result already in its JSON form (one that a job elsewhere wrote to its own cache),
     * atomically.
     *
     * @param key the job's key
     * @param json the result's file content
     */
    public void writeJson(String key, String json) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, key, TMP);
            Files.writeString(tmp, json, StandardCharsets.UTF_8);
            try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                c.force(true);
            }
            if (TEST_DELAY_MS > 0) {
                Thread.sleep(TEST_DELAY_MS);
            }
            Files.move(tmp, dir.resolve(key + ".json"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing to the result cache " + dir, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the result cache " + dir, e);
        }
    }

    /**
     * Claims a job for this process, so that workers sharing the cache never run the same job twice: a
     * file under {@code claims/} created atomically.
     *
     * @param key the job's key
     * @return true if this process now holds the job, false if another worker claimed it first
     */
    public boolean claim(String key) {
        try {
            Files.createDirectories(dir.resolve(CLAIMS));
            Files.createFile(dir.resolve(CLAIMS).resolve(key));
            return true;
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot claim a job in the result cache " + dir, e);
        }
    }

    /**
     * Removes every claim and every unfinished result file (those of killed workers too); call only while
     * no worker runs.
     */
    public void clearClaims() {
        Path claims = dir.resolve(CLAIMS);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(TMP)).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the unfinished results of the result cache " + dir, e);
        }
        if (!Files.isDirectory(claims)) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.list(claims)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the claims of the result cache " + dir, e);
        }
    }

    /**
     * The cache's directory.
     *
     * @return the directory
     */
    public Path dir() {
        return dir;
    }
}
