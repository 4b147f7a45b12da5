package org.magicnas.data.image;

/**
 * A block of equally sized greyscale images stored as unsigned bytes (0 = black, 255 = white
 * after {@code & 0xFF}), image after image, each row-major.
 *
 * <p>This is what an IDX file with dimensions {@code count x rows x cols} holds, e.g. the
 * Fashion-MNIST image files.
 */
public final class GreyImages {

    private final int count;
    private final int rows;
    private final int cols;
    private final byte[] pixels;

    /**
     * Wraps pixel bytes (not copied).
     *
     * @param count the number of images
     * @param rows the number of rows of each image
     * @param cols the number of columns of each image
     * @param pixels {@code count * rows * cols} bytes, image after image, row-major
     * @throws IllegalArgumentException if a size is negative or the array length does not match
     */
    public GreyImages(int count, int rows, int cols, byte[] pixels) {
        if (count < 0 || rows < 0 || cols < 0) {
            throw new IllegalArgumentException(
                    "negative size: count=" + count + ", rows=" + rows + ", cols=" + cols);
        }
        long expected = (long) count * rows * cols;
        if (pixels.length != expected) {
            throw new IllegalArgumentException("pixel array has " + pixels.length
                    + " bytes, expected count*rows*cols = " + expected);
        }
        this.count = count;
        this.rows = rows;
        this.cols = cols;
        this.pixels = pixels;
    }

    /**
     * Returns the number of images.
     *
     * @return the count
     */
    public int count() {
        return count;
    }

    /**
     * Returns the height of each image.
     *
     * @return the number of rows
     */
    public int rows() {
        return rows;
    }

    /**
     * Returns the width of each image.
     *
     * @return the number of columns
     */
    public int cols() {
        return cols;
    }

    /**
     * Returns the number of pixels of one image.
     *
     * @return {@code rows * cols}
     */
    public int pixelsPerImage() {
        return rows * cols;
    }

    /**
     * Returns one pixel.
     *
     * @param image the image index, from 0
     * @param row the row, from 0
     * @param col the column, from 0
     * @return the unsigned value, 0..255
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public int pixel(int image, int row, int col) {
        checkImage(image);
        if (row < 0 || row >= rows || col < 0 || col >= cols) {
            throw new IndexOutOfBoundsException(
                    "pixel (" + row + ", " + col + ") outside " + rows + "x" + cols);
        }
        return pixels[(image * rows + row) * cols + col] & 0xFF;
    }

    /**
     * Returns a copy of one image's bytes, row-major.
     *
     * @param image the image index, from 0
     * @return {@code rows * cols} bytes (read them with {@code & 0xFF})
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public byte[] image(int image) {
        checkImage(image);
        int size = pixelsPerImage();
        byte[] out = new byte[size];
        System.arraycopy(pixels, image * size, out, 0, size);
        return out;
    }

    /**
     * Returns one image scaled to [0, 1] (value / 255), row-major.
     *
     * @param image the image index, from 0
     * @return {@code rows * cols} floats
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public float[] unitFloats(int image) {
        checkImage(image);
        int size = pixelsPerImage();
        float[] out = new float[size];
        int base = image * size;
        for (int i = 0; i < size; i++) {
            out[i] = (pixels[base + i] & 0xFF) / 255f;
        }
        return out;
    }

    private void checkImage(int image) {
        if (image < 0 || image >= count) {
            throw new IndexOutOfBoundsException("image " + image + " outside 0.." + (count - 1));
        }
    }

    @Override
    public String toString() {
        return "GreyImages(" + count + "x" + rows + "x" + cols + ")";
    }
}
