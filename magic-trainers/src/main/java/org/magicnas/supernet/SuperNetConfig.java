package org.magicnas.supernet;

import org.magicnas.space.SearchSpace;

/**
 * What a super-net is built from.
 *
 * @param space the search space
 * @param vocabSize the vocabulary size V
 * @param maxPositions the number of position embeddings (the longest sequence)
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
}
