package org.magicnas.image;

import java.util.Arrays;
import org.magicnas.data.image.ImageStream;
import org.magicnas.data.image.ImageTransform;
import org.magicnas.sampling.SplitMix64;

/**
 * Images of a folder decoded batch by batch through an {@link ImageStream} (RGB, the transform's
 * crop size), for data sets too large to hold in memory. Image {@code i} read in epoch {@code e}
 * gets the crop and flip drawn from (seed, e, i), so a training set sees a fresh augmentation every
 * epoch and the same seed gives the same batches. Closing it closes the stream.
 */
public final class StreamedImages implements ImageSource, AutoCloseable {

    /** The most images the normalisation statistics are estimated from. */
    public static final int STATISTICS_SAMPLE = 1024;

    private final ImageStream stream;
    private final int classes;
    private final long seed;
    private ImageData.Normalisation statistics;

    /**
     * Wraps a stream.
     *
     * @param stream the stream (its entries' class indices are the labels)
     * @param classes the number of classes
     * @param seed the seed of the sample the statistics are estimated from
     * @throws IllegalArgumentException if a class index is outside {@code [0, classes)}
     */
    public StreamedImages(ImageStream stream, int classes, long seed) {
        if (classes < 2) {
            throw new IllegalArgumentException("classification needs at least 2 classes, got " + classes);
        }
        for (int i = 0; i < stream.size(); i++) {
            int c = stream.entry(i).classIndex();
            if (c < 0 || c >= classes) {
                throw new IllegalArgumentException("image " + stream.entry(i).file() + ": class " + c + " outside [0, " + classes + ")");
            }
        }
        this.stream = stream;
        this.classes = classes;
        this.seed = seed;
    }

    @Override
    public int size() {
        return stream.size();
    }

    @Override
    public int channels() {
        return ImageTransform.CHANNELS;
    }

    @Override
    public int side() {
        return stream.transform().crop();
    }

    @Override
    public int classes() {
        return classes;
    }

    @Override
    public float[] pixels(int[] indices, int[] epochs) {
        return stream.read(indices, epochs);
    }

    @Override
    public int[] labelsOf(int[] indices) {
        int[] out = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            out[i] = stream.entry(indices[i]).classIndex();
        }
        return out;
    }

    @Override
    public void prefetch(int[] indices, int[] epochs) {
        stream.prefetch(indices, epochs);
    }

    @Override
    public boolean streamed() {
        return true;
    }

    /**
     * Estimated from at most {@value #STATISTICS_SAMPLE} images drawn by a seeded permutation and read
     * in epoch 0, computed once.
     */
    @Override
    public synchronized ImageData.Normalisation statistics() {
        if (statistics == null) {
            int[] perm = new SplitMix64(SplitMix64.mix(seed, 70)).permutation(size());
            int[] sample = Arrays.copyOf(perm, Math.min(STATISTICS_SAMPLE, size()));
            float[] px = pixels(sample, new int[sample.length]);
            statistics = new ImageData(channels(), side(), Math.max(2, classes), px, labelsOf(sample)).statistics();
        }
        return statistics;
    }

    /**
     * Reads every image in epoch 0 into memory (e.g. a small held-out set).
     *
     * @return the images and labels
     */
    public ImageData load() {
        int[] all = new int[size()];
        Arrays.setAll(all, i -> i);
        return new ImageData(channels(), side(), classes, pixels(all, new int[all.length]), labelsOf(all));
    }

    /** Stops the decoding threads. */
    @Override
    public void close() {
        stream.close();
    }

    @Override
    public String toString() {
        return "StreamedImages(" + stream + ", " + classes + " classes)";
    }
}
