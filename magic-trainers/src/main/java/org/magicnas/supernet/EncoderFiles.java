package org.magicnas.supernet;

import ai.djl.ndarray.NDManager;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A saved encoder: {@code encoder.json} (the space, the architecture, vocabulary size, positions and
 * dropout) and {@code encoder.params} (the child's weights in DJL's format). The structure is rebuilt
 * from the JSON before the weights are read, as DJL's format stores no classes.
 */
public final class EncoderFiles {
    /** The description file. */
    public static final String DESCRIPTION = "encoder.json";
    /** The weights file. */
    public static final String WEIGHTS = "encoder.params";

    private EncoderFiles() {}

    /**
     * Saves a child.
     *
     * @param dir the directory (created)
     * @param config the super-net configuration the child belongs to
     * @param child the child
     * @throws IOException if writing fails
     */
    public static void save(Path dir, SuperNetConfig config, ChildModel child) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(DESCRIPTION), new EncoderSpec(config, child.architecture()).toJson(), StandardCharsets.UTF_8);
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(dir.resolve(WEIGHTS))))) {
            ParameterIO.save(child.trainableParameters(), out);
        }
    }

    /**
     * The encoder directory a path names: the path itself, or its {@code encoder/} (as in a run
     * directory).
     *
     * @param path an encoder directory or a directory holding {@code encoder/}
     * @return the directory that holds {@value #DESCRIPTION}, or the path itself if neither does
     */
    public static Path locate(Path path) {
        Path inner = path.resolve("encoder");
        return Files.isRegularFile(inner.resolve(DESCRIPTION)) ? inner : path;
    }

    /**
     * The description of a saved encoder.
     *
     * @param dir the directory
     * @return the configuration and architecture
     * @throws IOException if the description is missing or unreadable
     */
    public static EncoderSpec spec(Path dir) throws IOException {
        Path file = dir.resolve(DESCRIPTION);
        if (!Files.isRegularFile(file)) {
            throw new IOException("no encoder in " + dir + ": " + DESCRIPTION + " is missing");
        }
        try {
            return EncoderSpec.fromJson(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads a saved encoder.
     *
     * @param dir the directory
     * @param manager the manager that owns the weights
     * @return the child with its weights
     * @throws IOException if reading fails or the files do not match
     */
    public static ChildModel load(Path dir, NDManager manager) throws IOException {
        ChildModel child = spec(dir).newChild();
        child.initialize(manager);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(dir.resolve(WEIGHTS))))) {
            ParameterIO.load(child.trainableParameters(), in);
        } catch (IOException e) {
            throw new IOException("encoder weights in " + dir + " do not match " + DESCRIPTION + ": " + e.getMessage(), e);
        }
        return child;
    }

}
