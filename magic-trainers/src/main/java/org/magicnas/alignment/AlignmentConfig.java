package org.magicnas.alignment;

import org.magicnas.space.SearchSpace;

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
 *     (with a percentile policy: how often the children are ranked, the paper's "epoch")
 * @param evalBatches how many fixed validation batches that comparison uses
 * @param anchorPercentile 0 for the paper's default policy (the anchor is replaced by any sampled child
 *     that beats it), else p in (0, 100): the anchor is kept within the top p +/- 10% of ranked children
 *     (section 5.2, Figure 3b)
 * @param rankedChildren how many random children are ranked each time under a percentile policy
 */
public record AlignmentConfig(double lambda, int blockSize, long warmupSteps, AlignmentTargetKind target, int averageChildren,
        int evalEvery, int evalBatches, double anchorPercentile, int rankedChildren) {

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
        if (!(anchorPercentile >= 0 && anchorPercentile < 100)) {
            throw new IllegalArgumentException("anchor percentile must be in [0, 100), got " + anchorPercentile);
        }
        if (anchorPercentile > 0 && rankedChildren < 2) {
            throw new IllegalArgumentException("a percentile anchor needs at least 2 ranked children, got " + rankedChildren);
        }
    }

    /**
     * The paper's default anchor policy (replaced by any sampled child that beats it).
     *
     * @param lambda the weight of the alignment loss
     * @param blockSize align every b layers
     * @param warmupSteps steps without alignment at the start
     * @param target the alignment target
     * @param averageChildren C for the average target
     * @param evalEvery steps between anchor comparisons
     * @param evalBatches validation batches per comparison
     */
    public AlignmentConfig(double lambda, int blockSize, long warmupSteps, AlignmentTargetKind target, int averageChildren, int evalEvery,
            int evalBatches) {
        this(lambda, blockSize, warmupSteps, target, averageChildren, evalEvery, evalBatches, 0, 0);
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
     * The layers (from 0) whose outputs are aligned: b-1, 2b-1, ... below N in a text space, the stage
     * ends in an image space.
     *
     * @param space the space
     * @return the boundary layers, ascending
     */
    public int[] boundaries(SearchSpace space) {
        return space.boundaries(blockSize);
    }
}
