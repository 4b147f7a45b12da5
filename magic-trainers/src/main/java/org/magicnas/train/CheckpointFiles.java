package org.magicnas.train;

import ai.djl.nn.Parameter;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.magicnas.supernet.ParameterIO;

/**
 * The files of a checkpoint (weights, optimizer moments), written and read through buffered data
 * streams; a file that cannot be read is named in the error, as damaged or incomplete. A single-path
 * training (a stand-alone child, a distilled student) saves and restores its whole state here.
 */
public final class CheckpointFiles {
    private CheckpointFiles() {}

    /** Writes a file's content. */
    @FunctionalInterface
    public interface Content {
        /**
         * Writes.
         *
         * @param out the stream
         * @throws IOException if writing fails
         */
        void write(DataOutputStream out) throws IOException;
    }

    /** Reads a file's content. */
    @FunctionalInterface
    public interface Reading {
        /**
         * Reads.
         *
         * @param in the stream
         * @throws IOException if reading fails
         */
        void read(DataInputStream in) throws IOException;
    }

    /**
     * Writes one file.
     *
     * @param file the file
     * @param content what it holds
     * @throws IOException if writing fails
     */
    public static void write(Path file, Content content) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            content.write(out);
        }
    }

    /**
     * Reads one file.
     *
     * @param file the file
     * @param reading what to do with its content
     * @throws IOException naming the file if it is missing, ends early or holds something else
     */
    public static void read(Path file, Reading reading) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            reading.read(in);
        } catch (IOException e) {
            throw new IOException("checkpoint file " + file + " is damaged or incomplete: " + (endsEarly(e) ? "it ends early" : e.getMessage()), e);
        }
    }

    /**
     * Writes the state of a single-path training into a checkpoint directory: {@code weights.params},
     * {@code optimizer.bin} and {@code state.txt} (what is trained, in its text form, and the steps done).
     *
     * @param dir the directory (existing)
     * @param parameters the trained parameters, in a fixed order
     * @param optimizer their optimizer
     * @param trained what is trained (its text form is checked on restore)
     * @param step the steps done
     * @throws IOException if writing fails
     */
    public static void saveTraining(Path dir, List<Parameter> parameters, SinglePathAdam optimizer, Object trained, long step) throws IOException {
        write(dir.resolve("weights.params"), out -> ParameterIO.save(parameters, out));
        write(dir.resolve("optimizer.bin"), out -> optimizer.save(parameters, out));
        Files.writeString(dir.resolve("state.txt"), trained + "\n" + step + "\n", StandardCharsets.UTF_8);
    }

    /**
     * Restores the state written by {@link #saveTraining}.
     *
     * @param dir the checkpoint directory
     * @param parameters the trained parameters, in the order they were saved in
     * @param optimizer their optimizer
     * @param kind what is trained, in words, for the error ("child", "student")
     * @param trained what is trained: the checkpoint must hold the same
     * @return the steps done
     * @throws IOException if reading fails or the checkpoint holds another {@code kind}
     */
    public static long restoreTraining(Path dir, List<Parameter> parameters, SinglePathAdam optimizer, String kind, Object trained) throws IOException {
        List<String> state = Files.readAllLines(dir.resolve("state.txt"), StandardCharsets.UTF_8);
        if (state.size() < 2 || !state.get(0).equals(trained.toString())) {
            throw new IOException("checkpoint " + dir + " holds " + kind + " " + (state.isEmpty() ? "?" : state.get(0)) + ", not " + trained);
        }
        read(dir.resolve("weights.params"), in -> ParameterIO.load(parameters, in));
        read(dir.resolve("optimizer.bin"), in -> optimizer.load(parameters, in));
        return Long.parseLong(state.get(1).trim());
    }

    private static boolean endsEarly(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EOFException) {
                return true;
            }
        }
        return false;
    }
}
