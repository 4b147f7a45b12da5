package org.magicnas.evaluation.plot;

import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.UUID;
import javax.imageio.ImageIO;

/**
 * PNG encoding and atomic PNG files.
 *
 * <p>Encoding uses ImageIO's PNG writer without metadata (no time stamp), so equal images give
 * equal bytes. {@link #write} encodes in memory, writes a hidden temporary file in the target's
 * directory and moves it over the target with {@link StandardCopyOption#ATOMIC_MOVE} (falling back
 * to a plain replacing move where the file system cannot move atomically), so readers see the old
 * file or the complete new one, and a failure leaves no temporary file behind.
 */
public final class PngFiles {

    private PngFiles() {}

    /**
     * Encodes an image as PNG.
     *
     * @param image the image
     * @return the PNG bytes
     * @throws UncheckedIOException if no PNG writer is available or encoding fails
     */
    public static byte[] encode(RenderedImage image) {
        Objects.requireNonNull(image, "image");
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no ImageIO writer for PNG");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode PNG", e);
        }
        return out.toByteArray();
    }

    /**
     * Writes an image as a PNG file, atomically.
     *
     * @param image the image
     * @param png the file to create or replace; missing parent directories are created
     * @throws IllegalArgumentException if the path is an existing directory or has no file name
     * @throws IOException if writing or moving fails; the temporary file is then deleted
     */
    public static void write(RenderedImage image, Path png) throws IOException {
        Objects.requireNonNull(png, "png");
        Path target = png.toAbsolutePath().normalize();
        if (target.getFileName() == null || Files.isDirectory(target)) {
            throw new IllegalArgumentException("PNG path is a directory: " + png);
        }
        byte[] bytes = encode(image);
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.write(tmp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    StandardOpenOption.SYNC);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
