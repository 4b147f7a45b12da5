package org.magicnas.data.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;

/** Writes small IDX files, fake Fashion-MNIST directories and PNG image folders for tests. */
final class ImageFixtures {

    private ImageFixtures() {}

    /** The IDX encoding of unsigned bytes with the given dimensions and data. */
    static byte[] idx(int[] dims, byte[] data) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        buffer.put((byte) 0).put((byte) 0).put((byte) 0x08).put((byte) dims.length);
        for (int d : dims) {
            buffer.putInt(d);
        }
        buffer.put(data);
        return buffer.array();
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path writeIdx(Path file, int[] dims, byte[] data, boolean gzipped) {
        byte[] bytes = idx(dims, data);
        return write(file, gzipped ? gzip(bytes) : bytes);
    }

    /** Deterministic pseudo-random 28x28 images; pixel (0, 0) is 0 in every image. */
    static byte[] fashionPixels(int count, long seed) {
        byte[] pixels = new byte[count * 28 * 28];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = i % 784 == 0 ? 0 : (byte) random.nextInt(256);
        }
        return pixels;
    }

    /**
     * Writes the four Fashion-MNIST files: training images raw with gzipped labels, test files
     * gzipped, so both name forms are exercised.
     */
    static void fashionMnist(Path dir, byte[] trainPixels, byte[] trainLabels, byte[] testPixels,
            byte[] testLabels) {
        writeIdx(dir.resolve(FashionMnist.TRAIN_IMAGES),
                new int[] {trainPixels.length / 784, 28, 28}, trainPixels, false);
        writeIdx(dir.resolve(FashionMnist.TRAIN_LABELS + ".gz"),
                new int[] {trainLabels.length}, trainLabels, true);
        writeIdx(dir.resolve(FashionMnist.TEST_IMAGES + ".gz"),
                new int[] {testPixels.length / 784, 28, 28}, testPixels, true);
        writeIdx(dir.resolve(FashionMnist.TEST_LABELS + ".gz"),
                new int[] {testLabels.length}, testLabels, true);
    }

    /** An RGB image whose pixel (x, y) has red 10x+y, green 100+x, blue 200+y (small images). */
    static BufferedImage coded(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgb(10 * x + y, 100 + x, 200 + y));
            }
        }
        return image;
    }

    /** A random RGB image; the top-left quarter is black. */
    static BufferedImage random(int width, int height, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean black = x < width / 2 && y < height / 2;
                image.setRGB(x, y, black ? 0 : rng.nextInt(1 << 24));
            }
        }
        return image;
    }

    static int rgb(int r, int g, int b) {
        return (r << 16) | (g << 8) | b;
    }

    static Path png(Path file, BufferedImage image) {
        try {
            Files.createDirectories(file.getParent());
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IllegalStateException("no PNG writer");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes 8x8 random images under root: train/dog/b.png, train/dog/a.PNG, train/cat/b.png,
     * train/cat/a.PNG with seeds 1, 2, 3, 4.
     */
    static void twoClassFolder(Path root) {
        int seed = 1;
        for (String cls : new String[] {"dog", "cat"}) {
            for (String name : new String[] {"b.png", "a.PNG"}) {
                png(root.resolve("train").resolve(cls).resolve(name), random(8, 8, seed++));
            }
        }
    }
}
