package org.magicnas.data.image;

/**
 * Separable triangle-filter (bilinear) resampling of float planes, antialiased when shrinking.
 *
 * <p>Output pixel {@code i} of an axis scaled from {@code in} to {@code out} samples is centred at
 * {@code (i + 0.5) * in / out} in input coordinates; input pixel {@code x} (centred at {@code x +
 * 0.5}) gets the weight {@code max(0, 1 - |x + 0.5 - centre| / f)} with {@code f = max(1, in /
 * out)}, and the weights are normalised to sum to 1. Enlarging is therefore plain bilinear
 * interpolation with half-pixel centres and edge clamping; shrinking averages over the input
 * footprint (as PIL's bilinear filter does). Same size is the identity.
 */
final class Resampler {

    private Resampler() {}

    /** The input range and weights of each output sample of one axis. */
    private record Kernel(int[] first, float[][] weights) {}

    private static Kernel kernel(int in, int out) {
        double scale = (double) in / out;
        double filterScale = Math.max(scale, 1.0);
        int[] first = new int[out];
        float[][] weights = new float[out][];
        for (int i = 0; i < out; i++) {
            double centre = (i + 0.5) * scale;
            int lo = Math.max(0, (int) Math.floor(centre - filterScale));
            int hi = Math.min(in, (int) Math.ceil(centre + filterScale));
            double[] w = new double[hi - lo];
            double sum = 0;
            for (int x = lo; x < hi; x++) {
                double v = Math.max(0.0, 1.0 - Math.abs(x + 0.5 - centre) / filterScale);
                w[x - lo] = v;
                sum += v;
            }
            float[] normalised = new float[w.length];
            for (int k = 0; k < w.length; k++) {
                normalised[k] = (float) (w[k] / sum);
            }
            first[i] = lo;
            weights[i] = normalised;
        }
        return new Kernel(first, weights);
    }

    /**
     * Resizes each plane from {@code width x height} to {@code newWidth x newHeight}.
     *
     * @param planes row-major planes of {@code width * height} values
     * @param width the input width
     * @param height the input height
     * @param newWidth the output width
     * @param newHeight the output height
     * @return new row-major planes of {@code newWidth * newHeight} values
     */
    static float[][] resize(float[][] planes, int width, int height, int newWidth,
            int newHeight) {
        Kernel horizontal = kernel(width, newWidth);
        Kernel vertical = kernel(height, newHeight);
        float[][] out = new float[planes.length][];
        for (int p = 0; p < planes.length; p++) {
            float[] rows = new float[height * newWidth];
            for (int y = 0; y < height; y++) {
                int in = y * width;
                int o = y * newWidth;
                for (int x = 0; x < newWidth; x++) {
                    float[] w = horizontal.weights()[x];
                    int base = in + horizontal.first()[x];
                    float sum = 0f;
                    for (int k = 0; k < w.length; k++) {
                        sum += w[k] * planes[p][base + k];
                    }
                    rows[o + x] = sum;
                }
            }
            float[] result = new float[newHeight * newWidth];
            for (int y = 0; y < newHeight; y++) {
                float[] w = vertical.weights()[y];
                int firstRow = vertical.first()[y];
                int o = y * newWidth;
                for (int k = 0; k < w.length; k++) {
                    int in = (firstRow + k) * newWidth;
                    float wk = w[k];
                    for (int x = 0; x < newWidth; x++) {
                        result[o + x] += wk * rows[in + x];
                    }
                }
            }
            out[p] = result;
        }
        return out;
    }
}
