package org.magicnas.data.image;

/** The random changes an {@link ImageTransform} makes to training images. */
public enum Augmentation {
    /** None: resize the shorter side, then take the centre crop (evaluation). */
    NONE,
    /**
     * Resize the shorter side, take a crop at a uniformly drawn position, and mirror it left to
     * right with probability 1/2. A simpler, documented stand-in for the random-resized crop of
     * ImageNet training recipes: the scale and aspect ratio are not varied.
     */
    RANDOM_CROP_FLIP
}
