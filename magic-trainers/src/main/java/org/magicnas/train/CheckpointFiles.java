package org.magicnas.train;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The binary files of a checkpoint (weights, optimizer moments), written and read through buffered
 * data streams; a file that cannot be read is named in the error, as damaged or incomplete.
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

    private static boolean endsEarly(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EOFException) {
                return true;
            }
        }
        return false;
    }
}
