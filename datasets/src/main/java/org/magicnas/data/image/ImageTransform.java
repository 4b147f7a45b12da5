package org.magicnas.data.image;

import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * Turns a decoded image into a float tensor in CHW layout (channel, row, column), RGB.
 *
 * <p>Steps: convert to RGB in [0, 1] (grey images are copied to the three channels); resize so
 * that the shorter side is {@code resize} pixels (triangle filter, see {@link Resampler}); take a
 * {@code crop x crop} square, at the centre ({@link Augmentation#NONE}: top {@code (h - crop) /
 * 2}, left {@code (w - crop) / 2}) or at a random position with a random horizontal flip ({@link
 * Augmentation#RANDOM_CROP_FLIP}); map each value of channel {@code c} to {@code (v - mean[c]) /
 * std[c]}. The default mean 0 and standard deviation 1 leave values in [0, 1]; {@link
 * #imagenetNormalized()} uses the usual ImageNet statistics, mean {@code (0.485, 0.456, 0.406)}
 * and standard deviation {@code (0.229, 0.224, 0.225)}.
 *
 * <p>Randomness is drawn from a {@link SplittableRandom} seeded by {@link #random(long, int,
 * long)} from the seed, the epoch and the image's index, in the order: top, left, flip. The
 * output therefore depends only on the image and these three numbers, not on thread scheduling
 * or on which images were transformed before.
 */
public final class ImageTransform {

    private static final float[] IMAGENET_MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] IMAGENET_STD = {0.229f, 0.224f, 0.225f};
    private static final float[] ZERO = {0f, 0f, 0f};
    private static final float[] ONE = {1f, 1f, 1f};

    /** The number of output channels (RGB). */
    public static final int CHANNELS = 3;

    private final int resize;
    private final int crop;
    private final Augmentation augmentation;
    private final float[] mean;
    private final float[] std;

    /**
     * Creates a transform.
     *
     * @param resize the length of the shorter side after resizing
     * @param crop the side of the output square, at most {@code resize}
     * @param augmentation the random changes (NONE for evaluation)
     * @param mean per-channel mean, three values
     * @param std per-channel standard deviation, three positive values
     * @throws IllegalArgumentException if a size or a statistic is invalid
     */
    public ImageTransform(int resize, int crop, Augmentation augmentation, float[] mean,
            float[] std) {
        if (resize < 1 || crop < 1 || crop > resize) {
            throw new IllegalArgumentException("resize " + resize + " and crop " + crop
                    + ": expected 1 <= crop <= resize");
        }
        if (augmentation == null) {
            throw new IllegalArgumentException("augmentation is null: expected NONE or "
                    + "RANDOM_CROP_FLIP");
        }
        if (mean == null || mean.length != CHANNELS || std == null || std.length != CHANNELS) {
            throw new IllegalArgumentException("mean and std must have " + CHANNELS
                    + " values each (R, G, B)");
        }
        for (int c = 0; c < CHANNELS; c++) {
            if (!Float.isFinite(mean[c]) || !(std[c] > 0f) || !Float.isFinite(std[c])) {
                throw new IllegalArgumentException("channel " + c + " has mean " + mean[c]
                        + " and std " + std[c] + ": expected a finite mean and a positive std");
            }
        }
        this.resize = resize;
        this.crop = crop;
        this.augmentation = augmentation;
        this.mean = mean.clone();
        this.std = std.clone();
    }

    /**
     * The evaluation transform: resize the shorter side, centre crop, values in [0, 1].
     *
     * @param resize the length of the shorter side after resizing (e.g. 256)
     * @param crop the side of the output square (e.g. 224)
     * @return the transform
     * @throws IllegalArgumentException unless {@code 1 <= crop <= resize}
     */
    public static ImageTransform evaluation(int resize, int crop) {
        return new ImageTransform(resize, crop, Augmentation.NONE, ZERO, ONE);
    }

    /**
     * The training transform: resize the shorter side, random crop, random flip, values in [0,
     * 1].
     *
     * @param resize the length of the shorter side after resizing
     * @param crop the side of the output square
     * @return the transform
     * @throws IllegalArgumentException unless {@code 1 <= crop <= resize}
     */
    public static ImageTransform training(int resize, int crop) {
        return new ImageTransform(resize, crop, Augmentation.RANDOM_CROP_FLIP, ZERO, ONE);
    }

    /**
     * Returns this transform with other normalisation statistics.
     *
     * @param mean per-channel mean, three values
     * @param std per-channel standard deviation, three positive values
     * @return a new transform
     * @throws IllegalArgumentException if a statistic is invalid
     */
    public ImageTransform normalized(float[] mean, float[] std) {
        return new ImageTransform(resize, crop, augmentation, mean, std);
    }

    /**
     * Returns this transform normalised with the ImageNet statistics ({@link #imagenetMean()},
     * {@link #imagenetStd()}).
     *
     * @return a new transform
     */
    public ImageTransform imagenetNormalized() {
        return normalized(IMAGENET_MEAN, IMAGENET_STD);
    }

    /**
     * Returns the ImageNet per-channel mean.
     *
     * @return {@code {0.485, 0.456, 0.406}} (a copy)
     */
    public static float[] imagenetMean() {
        return IMAGENET_MEAN.clone();
    }

    /**
     * Returns the ImageNet per-channel standard deviation.
     *
     * @return {@code {0.229, 0.224, 0.225}} (a copy)
     */
    public static float[] imagenetStd() {
        return IMAGENET_STD.clone();
    }

    /**
     * Creates the random source of one image in one epoch.
     *
     * @param seed the base seed
     * @param epoch the epoch
     * @param index the image's index in its data set
     * @return a generator seeded by a SplitMix64 mix of the three numbers
     */
    public static SplittableRandom random(long seed, int epoch, long index) {
        long h = mix64(seed + 0x9E3779B97F4A7C15L);
        h = mix64(h ^ (epoch * 0xC2B2AE3D27D4EB4FL + 0x165667B19E3779F9L));
        h = mix64(h ^ (index * 0xD1B54A32D192ED03L + 0x632BE59BD9B4E019L));
        return new SplittableRandom(h);
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Transforms one image.
     *
     * @param image the decoded image
     * @param seed the base seed (unused without augmentation)
     * @param epoch the epoch (unused without augmentation)
     * @param index the image's index in its data set (unused without augmentation)
     * @return {@link #outputLength()} values, index {@code (c * crop + y) * crop + x}
     */
    public float[] apply(BufferedImage image, long seed, int epoch, long index) {
        RgbImage resized = RgbImage.of(image).resizeShorterSide(resize);
        int h = resized.height();
        int w = resized.width();
        if (augmentation == Augmentation.NONE) {
            return resized.cropChw((h - crop) / 2, (w - crop) / 2, crop, false, mean, std);
        }
        SplittableRandom rng = random(seed, epoch, index);
        int top = rng.nextInt(h - crop + 1);
        int left = rng.nextInt(w - crop + 1);
        boolean flip = rng.nextBoolean();
        return resized.cropChw(top, left, crop, flip, mean, std);
    }

    /**
     * Returns the length of the shorter side after resizing.
     *
     * @return the resize target
     */
    public int resize() {
        return resize;
    }

    /**
     * Returns the side of the output square.
     *
     * @return the crop size
     */
    public int crop() {
        return crop;
    }

    /**
     * Returns the augmentation.
     *
     * @return NONE or RANDOM_CROP_FLIP
     */
    public Augmentation augmentation() {
        return augmentation;
    }

    /**
     * Returns the per-channel mean subtracted.
     *
     * @return a copy of the three values
     */
    public float[] mean() {
        return mean.clone();
    }

    /**
     * Returns the per-channel standard deviation divided by.
     *
     * @return a copy of the three values
     */
    public float[] std() {
        return std.clone();
    }

    /**
     * Returns the number of values {@link #apply} produces.
     *
     * @return {@code 3 * crop * crop}
     */
    public int outputLength() {
        return CHANNELS * crop * crop;
    }

    @Override
    public String toString() {
        return "ImageTransform(resize=" + resize + ", crop=" + crop + ", " + augmentation + ")";
    }
}
