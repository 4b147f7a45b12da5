package org.magicnas.data.image;

import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * JPEG files made byte by byte for the decoder tests: an Adobe CMYK JPEG (APP14 marker, four
 * components, inverted values as Adobe writes them) and a lossless JPEG (SOF3), which the JDK's
 * own reader rejects ("Unsupported JPEG process: SOF type 0xc3").
 */
final class JpegFixtures {

    private JpegFixtures() {}

    /** The JDK's built-in JPEG reader or writer class names start with this. */
    static final String JDK_PLUGIN_PACKAGE = "com.sun.imageio.plugins.jpeg.";

    /**
     * An Adobe CMYK JPEG of {@code width x height} whose left half is red ink (C 0, M 1, Y 1, K 0)
     * and right half green ink (C 1, M 0, Y 1, K 0), written as a raw 4-band raster by the JDK's
     * writer (quality 1) with an APP14 "Adobe" segment (transform 0: CMYK) inserted after SOI.
     */
    static byte[] adobeCmyk(int width, int height) {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height,
                4, null);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int[] ink = x < width / 2 ? new int[] {0, 255, 255, 0} : new int[] {255, 0, 255, 0};
                for (int c = 0; c < 4; c++) {
                    raster.setSample(x, y, c, 255 - ink[c]);
                }
            }
        }
        byte[] plain = writeRaster(raster);
        byte[] app14 = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0,
            0, 0};
        byte[] out = new byte[plain.length + app14.length];
        System.arraycopy(plain, 0, out, 0, 2);
        System.arraycopy(app14, 0, out, 2, app14.length);
        System.arraycopy(plain, 2, out, 2 + app14.length, plain.length - 2);
        return out;
    }

    private static byte[] writeRaster(Raster raster) {
        ImageWriter writer = null;
        for (Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg");
                it.hasNext();) {
            ImageWriter w = it.next();
            if (w.getClass().getName().startsWith(JDK_PLUGIN_PACKAGE)) {
                writer = w;
            }
        }
        if (writer == null) {
            throw new IllegalStateException("the JDK's JPEG writer is not registered");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(1f);
            writer.write(null, new IIOImage(raster, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /**
     * A lossless JPEG (SOF3, 8 bits, predictor 1: the left neighbour; the row above in the first
     * column; 128 for the first sample) with one Huffman table in which difference category s has
     * the 5-bit code s.
     *
     * @param width the width
     * @param height the height
     * @param components row-major 8-bit samples of each component (3 for RGB)
     * @return the file's bytes
     */
    static byte[] lossless(int width, int height, int[][] components) {
        int n = components.length;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream d = new DataOutputStream(bytes)) {
            d.writeShort(0xFFD8);
            d.writeShort(0xFFC4);
            d.writeShort(2 + 1 + 16 + 17);
            d.writeByte(0x00);
            for (int length = 1; length <= 16; length++) {
                d.writeByte(length == 5 ? 17 : 0);
            }
            for (int s = 0; s <= 16; s++) {
                d.writeByte(s);
            }
            d.writeShort(0xFFC3);
            d.writeShort(8 + 3 * n);
            d.writeByte(8);
            d.writeShort(height);
            d.writeShort(width);
            d.writeByte(n);
            for (int c = 0; c < n; c++) {
                d.writeByte(c + 1);
                d.writeByte(0x11);
                d.writeByte(0);
            }
            d.writeShort(0xFFDA);
            d.writeShort(6 + 2 * n);
            d.writeByte(n);
            for (int c = 0; c < n; c++) {
                d.writeByte(c + 1);
                d.writeByte(0x00);
            }
            d.writeByte(1);
            d.writeByte(0);
            d.writeByte(0);
            BitWriter bits = new BitWriter();
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    for (int[] p : components) {
                        int predicted = x == 0 && y == 0 ? 128
                                : y == 0 ? p[x - 1]
                                : x == 0 ? p[(y - 1) * width]
                                : p[y * width + x - 1];
                        int diff = p[y * width + x] - predicted;
                        int s = diff == 0 ? 0 : 32 - Integer.numberOfLeadingZeros(Math.abs(diff));
                        bits.put(s, 5);
                        bits.put(diff < 0 ? diff - 1 : diff, s);
                    }
                }
            }
            d.write(bits.finish());
            d.writeShort(0xFFD9);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Entropy-coded bits, most significant first, with 0xFF byte stuffing and 1-bit padding. */
    private static final class BitWriter {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private long acc;
        private int count;

        void put(int value, int length) {
            acc = (acc << length) | (value & ((1L << length) - 1));
            count += length;
            while (count >= 8) {
                emit((int) (acc >>> (count - 8)) & 0xFF);
                count -= 8;
            }
        }

        byte[] finish() {
            if (count > 0) {
                emit((int) ((acc << (8 - count)) | ((1 << (8 - count)) - 1)) & 0xFF);
                count = 0;
            }
            return out.toByteArray();
        }

        private void emit(int b) {
            out.write(b);
            if (b == 0xFF) {
                out.write(0);
            }
        }
    }

    /**
     * Decodes with the JDK's built-in JPEG reader only, bypassing any plugin.
     *
     * @param bytes the file
     * @return the image
     * @throws IOException if that reader rejects the file
     */
    static java.awt.image.BufferedImage readWithJdkOnly(byte[] bytes) throws IOException {
        for (Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("jpeg");
                it.hasNext();) {
            ImageReader reader = it.next();
            if (reader.getClass().getName().startsWith(JDK_PLUGIN_PACKAGE)) {
                try (var in = ImageIO.createImageInputStream(
                        new java.io.ByteArrayInputStream(bytes))) {
                    reader.setInput(in);
                    return reader.read(0);
                } finally {
                    reader.dispose();
                }
            }
        }
        throw new IllegalStateException("the JDK's JPEG reader is not registered");
    }
}
