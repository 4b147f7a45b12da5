package org.magicnas.tribuo;

import java.util.List;
import org.magicnas.data.image.PixelFeatures;
import org.magicnas.image.ImageData;
import org.tribuo.Example;
import org.tribuo.classification.Label;

/**
 * Tribuo examples of pixel features as images. Pixels are found by feature name ({@code px000000},
 * ...), never by feature id: Tribuo's feature domain omits a pixel that is zero in every training
 * image, so ids do not give positions; a missing pixel is 0.
 */
public final class ImageExamples {
    private ImageExamples() {}

    /**
     * Decodes examples.
     *
     * @param examples the examples
     * @param channels channels per image
     * @param side the image side
     * @param classes the class count
     * @param labels the class of each example, or null (then all 0, for prediction)
     * @return the images
     * @throws IllegalArgumentException naming an example with a pixel outside the image
     */
    public static ImageData of(List<Example<Label>> examples, int channels, int side, int classes, int[] labels) {
        int n = channels * side * side;
        float[] pixels = new float[examples.size() * n];
        for (int i = 0; i < examples.size(); i++) {
            float[] one;
            try {
                one = PixelFeatures.decode(examples.get(i), n);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("example " + i + ": " + e.getMessage() + " (" + channels + "x" + side + "x" + side
                        + " images of the space)", e);
            }
            System.arraycopy(one, 0, pixels, i * n, n);
        }
        return new ImageData(channels, side, classes, pixels, labels != null ? labels : new int[examples.size()]);
    }
}
