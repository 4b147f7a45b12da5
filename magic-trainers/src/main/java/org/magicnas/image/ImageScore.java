package org.magicnas.image;

/**
 * A child's score on labelled images.
 *
 * @param loss mean cross entropy
 * @param top1Error the fraction whose most likely class is wrong
 * @param top5Error the fraction whose true class is not among the five most likely
 * @param count the number of images
 */
public record ImageScore(double loss, double top1Error, double top5Error, int count) {

    /**
     * Top-1 accuracy.
     *
     * @return 1 - top-1 error
     */
    public double accuracy() {
        return 1 - top1Error;
    }
}
