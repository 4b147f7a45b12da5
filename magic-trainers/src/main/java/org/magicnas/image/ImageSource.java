package org.magicnas.image;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.magicnas.supernet.BatchContext;

/**
 * Labelled square images read in batches: held in memory ({@link ImageData}) or decoded from files
 * on demand ({@link StreamedImages}). Values are in [0, 1], channel-major ({@code C x side x side}
 * per image); labels are in {@code [0, classes)}.
 *
 * <p>A batch names its images and the epoch in which each is read, so a source with augmentation
 * can draw a fresh crop and flip per epoch; what it returns must be a pure function of the images
 * and epochs asked for.
 */
public interface ImageSource {

    /**
     * The number of images.
     *
     * @return the count
     */
    int size();

    /**
     * Channels per image.
     *
     * @return C
     */
    int channels();

    /**
     * The side of the images.
     *
     * @return the side
     */
    int side();

    /**
     * The number of classes.
     *
     * @return the count
     */
    int classes();

    /**
     * The values of the images at the given indices, in that order.
     *
     * @param indices the images
     * @param epochs the epoch in which each is read (ignored by images without augmentation)
     * @return {@code indices.length * channels * side * side} values in [0, 1]
     */
    float[] pixels(int[] indices, int[] epochs);

    /**
     * The labels of the images at the given indices.
     *
     * @param indices the images
     * @return one label each
     */
    int[] labelsOf(int[] indices);

    /**
     * Says that this batch will be asked for soon; a streaming source starts decoding it. The
     * default does nothing.
     *
     * @param indices the images
     * @param epochs the epoch in which each is read
     */
    default void prefetch(int[] indices, int[] epochs) {}

    /**
     * Whether reading a batch costs decoding (so callers should prefetch and keep the few batches
     * they reuse).
     *
     * @return true for a source that decodes on demand
     */
    default boolean streamed() {
        return false;
    }

    /**
     * The per-channel mean and standard deviation, which normalise every split.
     *
     * @return the statistics
     */
    ImageData.Normalisation statistics();

    /**
     * A batch as a normalised (B, C, H, W) context.
     *
     * @param manager the step's manager
     * @param indices the images
     * @param epochs the epoch in which each is read
     * @param norm the normalisation
     * @param dropoutSeed the seed of the batch's dropout masks
     * @return the batch
     */
    default BatchContext context(NDManager manager, int[] indices, int[] epochs,
            ImageData.Normalisation norm, long dropoutSeed) {
        return normalisedContext(manager, pixels(indices, epochs), indices.length, channels(), side(),
                norm, dropoutSeed);
    }

    /**
     * The labels of a batch as int64.
     *
     * @param manager the manager
     * @param indices the images
     * @return (B)
     */
    default NDArray labels(NDManager manager, int[] indices) {
        int[] l = labelsOf(indices);
        long[] out = new long[l.length];
        for (int i = 0; i < l.length; i++) {
            out[i] = l[i];
        }
        return BatchContext.owned(manager, manager.create(out));
    }

    /**
     * Normalises raw values in place, {@code (x - mean[c]) * (1 / std[c])}, and wraps them as a
     * (B, C, H, W) image batch.
     *
     * @param manager the step's manager
     * @param x {@code count * channels * side * side} values, overwritten
     * @param count images
     * @param channels C
     * @param side H = W
     * @param norm the normalisation
     * @param dropoutSeed the seed of the batch's dropout masks
     * @return the batch
     */
    static BatchContext normalisedContext(NDManager manager, float[] x, int count, int channels, int side,
            ImageData.Normalisation norm, long dropoutSeed) {
        int plane = side * side;
        for (int i = 0; i < count; i++) {
            for (int c = 0; c < channels; c++) {
                float m = norm.mean()[c];
                float inv = 1f / norm.std()[c];
                int base = (i * channels + c) * plane;
                for (int k = 0; k < plane; k++) {
                    x[base + k] = (x[base + k] - m) * inv;
                }
            }
        }
        NDArray images = BatchContext.owned(manager, manager.create(x, new Shape(count, channels, side, side)));
        return BatchContext.ofImages(manager, images, dropoutSeed);
    }
}
