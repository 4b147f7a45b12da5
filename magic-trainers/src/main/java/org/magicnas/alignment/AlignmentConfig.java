package org.magicnas.alignment;

/**
 * How MAGIC-A aligns.
 *
 * @param lambda the weight of the alignment loss (the paper uses 0.5)
 * @param blockSize align every b layers (the paper uses 4)
 * @param warmupSteps steps trained without alignment at the start (the paper's warm start)
 * @param target what the sampled child is aligned with
 * @param averageChildren C, the number of random children averaged when the target is {@link
 *     AlignmentTargetKind#AVERAGE}
 * @param evalEvery how often (in steps) the sampled child is compared with the anchor on validation
 * @param evalBatches how many fixed validation batches that comparison uses
 */
public record AlignmentConfig(double lambda, int blockSize, long warmupSteps, AlignmentTargetKind target, int averageChildren,
        int evalEvery, int evalBatches) {

    /** Validates the values. */
    public AlignmentConfig {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda (alignment weight) must be a finite number >= 0, got " + lambda);
        }
        if (blockSize < 1) {
            throw new IllegalArgumentException("alignment block size must be >= 1, got " + blockSize);
        }
        if (warmupSteps < 0) {
            throw new IllegalArgumentException("alignment warm-up must be >= 0 steps, got " + warmupSteps);
        }
        if (averageChildren < 1) {
            throw new IllegalArgumentException("children to average must be >= 1, got " + averageChildren);
        }
        if (evalEvery < 1) {
            throw new IllegalArgumentException("anchor evaluation interval must be >= 1 step, got " + evalEvery);
        }
        if (evalBatches < 1) {
            throw new IllegalArgumentException("anchor evaluation batches must be >= 1, got " + evalBatches);
        }
    }

    /**
     * The paper's defaults: lambda 0.5, every 4 layers, anchor target.
     *
     * @param warmupSteps the warm start
     * @return the configuration
     */
    public static AlignmentConfig defaults(long warmupSteps) {
        return new AlignmentConfig(0.5, 4, warmupSteps, AlignmentTargetKind.ANCHOR, 4, 100, 4);
    }

    /**
     * The layers (from 0) whose outputs are aligned: b-1, 2b-1, ... below N.
     *
     * @param layers N
     * @return the boundary layers, ascending
     */
    public int[] boundaries(int layers) {
        int count = layers / blockSize;
        if (count == 0) {
            return new int[] {layers - 1};
        }
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = (i + 1) * blockSize - 1;
        }
        return out;
    }
}
