package org.magicnas.data.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * An image as three row-major float planes (red, green, blue) with values in [0, 1].
 *
 * <p>Grey images (one or two bands, e.g. grey PNGs) are read from their raster samples and
 * copied to all three planes, so a stored grey value {@code v} becomes {@code v / max} exactly;
 * this avoids the linear-to-sRGB conversion Java2D applies to {@code TYPE_BYTE_GRAY} in {@code
 * getRGB}. Everything else goes through {@link BufferedImage#getRGB}, i.e. sRGB; alpha is
 * ignored.
 */
final class RgbImage {

    private final int width;
    private final int height;
    private final float[][] planes;

    private RgbImage(int width, int height, float[][] planes) {
        this.width = width;
        this.height = height;
        this.planes = planes;
    }

    /**
     * Converts a decoded image.
     *
     * @param image the image
     * @return its RGB planes in [0, 1]
     */
    static RgbImage of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        float[][] planes = new float[3][w * h];
        Raster raster = image.getRaster();
        boolean grey = raster.getNumBands() <= 2
                && !(image.getColorModel() instanceof IndexColorModel)
                && image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY;
        if (grey) {
            float max = (1 << image.getColorModel().getComponentSize(0)) - 1;
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) {
                    float v = row[x] / max;
                    planes[0][y * w + x] = v;
                    planes[1][y * w + x] = v;
                    planes[2][y * w + x] = v;
                }
            }
        } else {
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                image.getRGB(0, y, w, 1, row, 0, w);
                for (int x = 0; x < w; x++) {
                    int argb = row[x];
                    planes[0][y * w + x] = ((argb >>> 16) & 0xFF) / 255f;
                    planes[1][y * w + x] = ((argb >>> 8) & 0xFF) / 255f;
                    planes[2][y * w + x] = (argb & 0xFF) / 255f;
                }
            }
        }
        return new RgbImage(w, h, planes);
    }

    /**
     * Resizes so that the shorter side becomes {@code side}; the longer side becomes {@code
     * floor(longer * side / shorter)} (at least {@code side}).
     *
     * @param side the new length of the shorter side
     * @return the resized image, or this one if nothing changes
     */
    RgbImage resizeShorterSide(int side) {
        int newWidth;
        int newHeight;
        if (width <= height) {
            newWidth = side;
            newHeight = Math.max(side, (int) ((long) height * side / width));
        } else {
            newHeight = side;
            newWidth = Math.max(side, (int) ((long) width * side / height));
        }
        if (newWidth == width && newHeight == height) {
            return this;
        }
        return new RgbImage(newWidth, newHeight,
                Resampler.resize(planes, width, height, newWidth, newHeight));
    }

    /**
     * Cuts a square and lays it out channel-major, optionally mirrored left to right, mapping
     * each value {@code v} of channel {@code c} to {@code (v - mean[c]) / std[c]}.
     *
     * @param top the first row
     * @param left the first column
     * @param size the side of the square
     * @param flip whether to mirror horizontally
     * @param mean per-channel mean
     * @param std per-channel standard deviation
     * @return {@code 3 * size * size} values, index {@code (c * size + y) * size + x}
     */
    float[] cropChw(int top, int left, int size, boolean flip, float[] mean, float[] std) {
        float[] out = new float[3 * size * size];
        for (int c = 0; c < 3; c++) {
            float[] plane = planes[c];
            float m = mean[c];
            float s = std[c];
            for (int y = 0; y < size; y++) {
                int in = (top + y) * width + left;
                int o = (c * size + y) * size;
                for (int x = 0; x < size; x++) {
                    int sx = flip ? size - 1 - x : x;
                    out[o + x] = (plane[in + sx] - m) / s;
                }
            }
        }
        return out;
    }

    /**
     * Returns the width.
     *
     * @return the number of columns
     */
    int width() {
        return width;
    }

    /**
     * Returns the height.
     *
     * @return the number of rows
     */
    int height() {
        return height;
    }
}
