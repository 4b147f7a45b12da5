package org.magicnas.cli.chart;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;

/**
 * Renders charts to images and writes them as PNG files, atomically.
 *
 * <p>Rendering is headless ({@code java.awt.headless} is set to true when this class loads, unless
 * the JVM was started with another value). Encoding uses ImageIO's PNG writer without metadata
 * (no time stamp), so the same chart gives the same bytes. {@link #write} encodes in memory, writes
 * a hidden temporary file in the target's directory and moves it over the target with {@link
 * StandardCopyOption#ATOMIC_MOVE} (a plain replacing move where the file system cannot move
 * atomically): readers see the old file or the complete new one, and a failure leaves no
 * temporary file behind.
 */
public final class ChartFiles {
    /** Width of the written PNGs in pixels. */
    public static final int WIDTH = 800;
    /** Height of the written PNGs in pixels. */
    public static final int HEIGHT = 600;

    static {
        ChartStyle.headless();
    }

    private ChartFiles() {}

    /**
     * Renders a chart on a white RGB image.
     *
     * @param chart the chart
     * @param width the width in pixels, at least 100
     * @param height the height in pixels, at least 100
     * @param info receives the plot's data area and entities (legend items, ...), or null
     * @return the image
     * @throws IllegalArgumentException if a size is below 100 px or above 10000 px
     */
    public static BufferedImage render(JFreeChart chart, int width, int height, ChartRenderingInfo info) {
        Objects.requireNonNull(chart, "chart");
        if (width < 100 || height < 100 || width > 10_000 || height > 10_000) {
            throw new IllegalArgumentException("chart size must be in [100, 10000] px: " + width + " x " + height);
        }
        return chart.createBufferedImage(width, height, BufferedImage.TYPE_INT_RGB, info);
    }

    /**
     * Encodes an image as PNG without metadata.
     *
     * @param image the image
     * @return the PNG bytes
     * @throws IOException if no PNG writer is available or encoding fails
     */
    public static byte[] encode(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        if (!ImageIO.write(Objects.requireNonNull(image, "image"), "png", out)) {
            throw new IOException("no ImageIO writer for PNG");
        }
        return out.toByteArray();
    }

    /**
     * Writes a chart as a {@value #WIDTH} x {@value #HEIGHT} PNG file, atomically.
     *
     * @param chart the chart
     * @param png the file to create or replace; missing parent directories are created
     * @throws IllegalArgumentException if the path is an existing directory or has no file name
     * @throws IOException if writing or moving fails; the temporary file is then deleted
     */
    public static void write(JFreeChart chart, Path png) throws IOException {
        write(render(chart, WIDTH, HEIGHT, null), png);
    }

    /**
     * Writes an image as a PNG file, atomically.
     *
     * @param image the image
     * @param png the file to create or replace; missing parent directories are created
     * @throws IllegalArgumentException if the path is an existing directory or has no file name
     * @throws IOException if writing or moving fails; the temporary file is then deleted
     */
    public static void write(BufferedImage image, Path png) throws IOException {
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
            Files.write(tmp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
