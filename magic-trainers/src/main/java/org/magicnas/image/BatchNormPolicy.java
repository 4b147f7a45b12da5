package org.magicnas.image;

/**
 * How a child's BatchNorm statistics are set before it is scored. The running statistics of a
 * super-net are shared by all children and right for none, so SPOS recomputes them for each child
 * on a few training batches; with 0 batches the shared running statistics are used as they are.
 *
 * @param batches training batches of recalibration (0 for none)
 * @param batchSize images per recalibration batch
 */
public record BatchNormPolicy(int batches, int batchSize) {

    /** Validates the values. */
    public BatchNormPolicy {
        if (batches < 0 || batchSize < 1) {
            throw new IllegalArgumentException("BatchNorm recalibration needs batches >= 0 and a positive batch size, got " + batches + " x "
                    + batchSize);
        }
    }

    /**
     * The policy in words, as the run records it.
     *
     * @return e.g. {@code recalibrate on 8 training batches of 128 images}
     */
    public String describe() {
        return batches > 0 ? "recalibrate on " + batches + " training batches of " + batchSize + " images"
                : "shared running statistics (no recalibration)";
    }
}
