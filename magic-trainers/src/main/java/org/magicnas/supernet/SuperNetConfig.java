package org.magicnas.supernet;

import org.magicnas.space.SearchSpace;

/**
 * What a super-net is built from.
 *
 * @param space the search space
 * @param vocabSize the vocabulary size V (the number of classes for an image space)
 * @param maxPositions the number of position embeddings (the longest sequence; the input
 *     resolution for an image space)
 * @param dropout the dropout rate of embeddings and residual blocks
 */
public record SuperNetConfig(SearchSpace space, int vocabSize, int maxPositions, float dropout) {

    /** Validates the values. */
    public SuperNetConfig {
        if (vocabSize < 1) {
            throw new IllegalArgumentException("vocabulary size must be positive, got " + vocabSize);
        }
        if (maxPositions < 2) {
            throw new IllegalArgumentException("sequence length must be at least 2, got " + maxPositions);
        }
        if (dropout < 0 || dropout >= 1) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
    }

    /**
     * A classifier super-net on an image space.
     *
     * @param space the image space
     * @param classes the number of classes
     * @param dropout the dropout rate before the classifier
     * @return the configuration
     */
    public static SuperNetConfig forImages(SearchSpace space, int classes, float dropout) {
        if (!space.isImage()) {
            throw new IllegalArgumentException("space " + space.name() + " is not an image space");
        }
        return new SuperNetConfig(space, classes, Math.max(2, space.image().resolution()), dropout);
    }

    /**
     * The number of classes of an image super-net (the vocabulary size of a text one).
     *
     * @return the classifier's outputs
     */
    public int classes() {
        return vocabSize;
    }
}
