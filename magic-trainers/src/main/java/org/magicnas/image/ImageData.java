package org.magicnas.image;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.magicnas.sampling.SplitMix64;
import org.magicnas.supernet.BatchContext;

/**
 * Labelled square images held in memory as floats in [0, 1], channel-major ({@code C x side x side}
 * per image), with labels in {@code [0, classes)}. Fixed images: the epoch of a read changes
 * nothing.
 */
public final class ImageData implements ImageSource {
    private final int channels;
    private final int side;
    private final int classes;
    private final float[] pixels;
    private final int[] labels;

    /**
     * Wraps images.
     *
     * @param channels channels per image
     * @param side the side of each image
     * @param classes the number of classes
     * @param pixels {@code labels.length * channels * side * side} values in [0, 1]
     * @param labels the label of each image
     */
    public ImageData(int channels, int side, int classes, float[] pixels, int[] labels) {
        if (channels < 1 || side < 1 || classes < 2) {
            throw new IllegalArgumentException("images need channels >= 1, side >= 1 and classes >= 2, got " + channels + ", " + side + ", "
                    + classes);
        }
        long expected = (long) labels.length * channels * side * side;
        if (pixels.length != expected) {
            throw new IllegalArgumentException("expected " + expected + " pixel values for " + labels.length + " images of " + channels + "x"
                    + side + "x" + side + ", got " + pixels.length);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("image " + i + ": label " + labels[i] + " outside [0, " + classes + ")");
            }
        }
        this.channels = channels;
        this.side = side;
        this.classes = classes;
        this.pixels = pixels;
        this.labels = labels;
    }

    /**
     * The number of images.
     *
     * @return the count
     */
    @Override
    public int size() {
        return labels.length;
    }

    /**
     * Channels per image.
     *
     * @return C
     */
    @Override
    public int channels() {
        return channels;
    }

    /**
     * The side of the images.
     *
     * @return the side
     */
    @Override
    public int side() {
        return side;
    }

    /**
     * The number of classes.
     *
     * @return the count
     */
    @Override
    public int classes() {
        return classes;
    }

    private int imageSize() {
        return channels * side * side;
    }

    /**
     * The images at the given indices, in that order.
     *
     * @param indices the images
     * @return a copy
     */
    public ImageData subset(int[] indices) {
        int n = imageSize();
        float[] p = new float[indices.length * n];
        int[] l = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(pixels, indices[i] * n, p, i * n, n);
            l[i] = labels[indices[i]];
        }
        return new ImageData(channels, side, classes, p, l);
    }

    /**
     * The images {@code [from, to)}.
     *
     * @param from the first
     * @param to one past the last
     * @return a copy
     */
    public ImageData range(int from, int to) {
        int n = imageSize();
        return new ImageData(channels, side, classes, Arrays.copyOfRange(pixels, from * n, to * n), Arrays.copyOfRange(labels, from, to));
    }

    /**
     * The per-channel mean and standard deviation of the pixels, which normalise every split.
     *
     * @return the statistics
     */
    @Override
    public Normalisation statistics() {
        float[] mean = new float[channels];
        float[] std = new float[channels];
        int plane = side * side;
        for (int c = 0; c < channels; c++) {
            double sum = 0;
            double sq = 0;
            long count = 0;
            for (int i = 0; i < size(); i++) {
                int base = i * imageSize() + c * plane;
                for (int k = 0; k < plane; k++) {
                    double v = pixels[base + k];
                    sum += v;
                    sq += v * v;
                }
                count += plane;
            }
            double m = sum / count;
            mean[c] = (float) m;
            std[c] = (float) Math.sqrt(Math.max(1e-12, sq / count - m * m));
        }
        return new Normalisation(mean, std);
    }

    /**
     * A batch of images {@code [from, to)} as a normalised (B, C, H, W) context.
     *
     * @param manager the step's manager
     * @param from the first image
     * @param to one past the last
     * @param norm the normalisation
     * @param dropoutSeed the seed of the batch's dropout masks
     * @return the batch
     */
    public BatchContext context(NDManager manager, int from, int to, Normalisation norm, long dropoutSeed) {
        return context(manager, IntStream.range(from, to).toArray(), norm, dropoutSeed);
    }

    /**
     * A batch of the images at the given indices, in that order, as a normalised (B, C, H, W)
     * context: the pixels are copied once, straight into the batch.
     *
     * @param manager the step's manager
     * @param indices the images
     * @param norm the normalisation
     * @param dropoutSeed the seed of the batch's dropout masks
     * @return the batch
     */
    public BatchContext context(NDManager manager, int[] indices, Normalisation norm, long dropoutSeed) {
        int n = imageSize();
        int plane = side * side;
        float[] x = new float[indices.length * n];
        for (int i = 0; i < indices.length; i++) {
            for (int c = 0; c < channels; c++) {
                float m = norm.mean()[c];
                float inv = 1f / norm.std()[c];
                int src = indices[i] * n + c * plane;
                int dst = i * n + c * plane;
                for (int k = 0; k < plane; k++) {
                    x[dst + k] = (pixels[src + k] - m) * inv;
                }
            }
        }
        NDArray images = BatchContext.owned(manager, manager.create(x, new Shape(indices.length, channels, side, side)));
        return BatchContext.ofImages(manager, images, dropoutSeed);
    }

    @Override
    public float[] pixels(int[] indices, int[] epochs) {
        int n = imageSize();
        float[] p = new float[indices.length * n];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(pixels, indices[i] * n, p, i * n, n);
        }
        return p;
    }

    @Override
    public int[] labelsOf(int[] indices) {
        int[] l = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            l[i] = labels[indices[i]];
        }
        return l;
    }

    /** The pixels are copied once, straight into the batch; the epochs change nothing. */
    @Override
    public BatchContext context(NDManager manager, int[] indices, int[] epochs, Normalisation norm, long dropoutSeed) {
        return context(manager, indices, norm, dropoutSeed);
    }

    /**
     * Labels {@code [from, to)} as int64.
     *
     * @param manager the manager
     * @param from the first image
     * @param to one past the last
     * @return (B)
     */
    public NDArray labels(NDManager manager, int from, int to) {
        return labels(manager, IntStream.range(from, to).toArray());
    }

    /**
     * The labels of the images at the given indices as int64.
     *
     * @param manager the manager
     * @param indices the images
     * @return (B)
     */
    @Override
    public NDArray labels(NDManager manager, int[] indices) {
        long[] l = new long[indices.length];
        for (int i = 0; i < indices.length; i++) {
            l[i] = labels[indices[i]];
        }
        return BatchContext.owned(manager, manager.create(l));
    }

    /**
     * Splits the images by a seeded permutation: the first {@code validCount} are held out, the next
     * {@code trainCount} are for training.
     *
     * @param validCount images held out
     * @param trainCount training images (at most the rest)
     * @param seed the seed of the permutation
     * @return the two parts
     * @throws IllegalArgumentException if the counts do not fit
     */
    public HeldOut holdOut(int validCount, int trainCount, long seed) {
        if (validCount < 1 || trainCount < 1 || validCount + trainCount > size()) {
            throw new IllegalArgumentException("cannot hold out " + validCount + " and train on " + trainCount + " of " + size() + " images");
        }
        int[] perm = new SplitMix64(seed).permutation(size());
        return new HeldOut(subset(Arrays.copyOfRange(perm, validCount, validCount + trainCount)), subset(Arrays.copyOfRange(perm, 0, validCount)));
    }

    /**
     * Training images and the images held out from them.
     *
     * @param train the training images
     * @param valid the held-out images
     */
    public record HeldOut(ImageData train, ImageData valid) {}

    /**
     * Per-channel normalisation {@code (x - mean) / std}.
     *
     * @param mean per channel
     * @param std per channel, positive
     */
    public record Normalisation(float[] mean, float[] std) {}
}
