package org.magicnas.alignment;

import org.magicnas.space.SearchSpace;

/**
 * How MAGIC-A aligns.
 *
 * @param lambda the weight of the alignment loss (the paper uses 0.5)
 * @param blockSize align every b layers, or {@link #AUTO_BLOCK} for the rule of {@link #resolvedBlockSize}
 * @param warmupSteps steps trained without alignment at the start (the paper's warm start)
 * @param target what the sampled child is aligned with
 * @param averageChildren C, the number of random children averaged when the target is {@link
 *     AlignmentTargetKind#AVERAGE}, or 0 for the space's candidates per layer (Appendix A.2)
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

    /** The block size that asks for the rule of {@link #resolvedBlockSize}. */
    public static final int AUTO_BLOCK = 0;
    /** The deepest text space whose every layer is aligned by default (Table 6's analysis space has 12). */
    public static final int SHALLOW_LAYERS = 12;
    /** The block size of deeper text spaces by default (the paper's b=4 for its 26-layer BERT space). */
    public static final int DEEP_BLOCK = 4;
    /** Steps between anchor comparisons by default. */
    public static final int DEFAULT_EVAL_EVERY = 10;
    /** Validation batches per anchor comparison by default. */
    public static final int DEFAULT_EVAL_BATCHES = 4;

    /** Validates the values. */
    public AlignmentConfig {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda (alignment weight) must be a finite number >= 0, got " + lambda);
        }
        if (blockSize < 0) {
            throw new IllegalArgumentException("alignment block size must be >= 1, or 0 for auto, got " + blockSize);
        }
        if (warmupSteps < 0) {
            throw new IllegalArgumentException("alignment warm-up must be >= 0 steps, got " + warmupSteps);
        }
        if (averageChildren < 0) {
            throw new IllegalArgumentException("children to average must be >= 1, or 0 for the candidates per layer, got " + averageChildren);
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
     * The paper's defaults: lambda 0.5, the anchor target, the alignment rule of {@link
     * #resolvedBlockSize}, C = the candidates per layer for the average target, and an anchor comparison
     * every {@value #DEFAULT_EVAL_EVERY} steps on {@value #DEFAULT_EVAL_BATCHES} validation batches.
     *
     * @param warmupSteps the warm start
     * @return the configuration
     */
    public static AlignmentConfig defaults(long warmupSteps) {
        return defaults(warmupSteps, DEFAULT_EVAL_EVERY, DEFAULT_EVAL_BATCHES);
    }

    /**
     * The paper's defaults with another comparison schedule (the image line scores a child on its whole
     * held-out set after BatchNorm recalibration, so it compares less often).
     *
     * @param warmupSteps the warm start
     * @param evalEvery steps between anchor comparisons
     * @param evalBatches validation batches per comparison
     * @return the configuration
     */
    public static AlignmentConfig defaults(long warmupSteps, int evalEvery, int evalBatches) {
        return new AlignmentConfig(0.5, AUTO_BLOCK, warmupSteps, AlignmentTargetKind.ANCHOR, 0, evalEvery, evalBatches);
    }

    /**
     * The block size b used in a text space. Auto: every layer (b=1, the sum over all layers of Eq. 1)
     * up to {@value #SHALLOW_LAYERS} layers, as Appendix A.2 aligns the 12-layer analysis space;
     * b={@value #DEEP_BLOCK} above, the paper's block-wise variant for its 26-layer space.
     *
     * @param space the space
     * @return b
     */
    public int resolvedBlockSize(SearchSpace space) {
        if (blockSize != AUTO_BLOCK) {
            return blockSize;
        }
        return space.layers() <= SHALLOW_LAYERS ? 1 : DEEP_BLOCK;
    }

    /**
     * The layers (from 0) whose outputs are aligned: b-1, 2b-1, ... below N in a text space, the stage
     * ends in an image space.
     *
     * @param space the space
     * @return the boundary layers, ascending
     * @throws IllegalArgumentException if b would align only the final layer of a space of two or more
     *     layers (that is distillation on the final layer, which section 4.2 sets MAGIC-A apart from)
     */
    public int[] boundaries(SearchSpace space) {
        return space.boundaries(resolvedBlockSize(space));
    }

    /**
     * C for the average target.
     *
     * @param space the space
     * @return the children averaged at each step
     */
    public int averageChildren(SearchSpace space) {
        return averageChildren == 0 ? space.choices() : averageChildren;
    }

    /**
     * The rule, its result and the boundaries, for run logs and configs.
     *
     * @param space the space
     * @return e.g. {@code every layer (b=1, auto: N=8 <= 12, Eq. 1): layers 1,2,3,4,5,6,7,8}
     */
    public String describe(SearchSpace space) {
        int[] b = boundaries(space);
        String layers = java.util.Arrays.stream(b).mapToObj(i -> Integer.toString(i + 1)).collect(java.util.stream.Collectors.joining(","));
        String rule;
        if (space.isImage()) {
            rule = "stage ends";
        } else if (blockSize != AUTO_BLOCK) {
            rule = "every " + blockSize + " layers (b=" + blockSize + ", set)";
        } else if (space.layers() <= SHALLOW_LAYERS) {
            rule = "every layer (b=1, auto: N=" + space.layers() + " <= " + SHALLOW_LAYERS + ", Eq. 1)";
        } else {
            rule = "every " + DEEP_BLOCK + " layers (b=" + DEEP_BLOCK + ", auto: N=" + space.layers() + " > " + SHALLOW_LAYERS + ", block-wise)";
        }
        return rule + ": layers " + layers;
    }
}
