package org.magicnas.data;

import java.nio.file.Path;

/**
 * What masked-LM data to prepare.
 *
 * @param corpus a Brown corpus directory (NLTK layout), a plain-text file (one document per line), or
 *     null for the Brown corpus found by {@link CorpusLocator}
 * @param vocabSize the WordPiece vocabulary size
 * @param seqLen the sequence length T
 * @param batchSize the batch size B
 * @param validFraction the share of documents for validation
 * @param testFraction the share of documents for test
 * @param seed the seed of the split, shuffling and masking
 */
public record MlmDataSpec(Path corpus, int vocabSize, int seqLen, int batchSize, double validFraction, double testFraction, long seed) {

    /** Validates what can be checked before reading anything. */
    public MlmDataSpec {
        if (vocabSize <= SpecialTokens.ALL.size()) {
            throw new IllegalArgumentException("vocabulary size " + vocabSize + " must exceed the " + SpecialTokens.ALL.size()
                    + " special tokens " + SpecialTokens.ALL);
        }
        if (seqLen < TokenSequences.MIN_SEQ_LEN) {
            throw new IllegalArgumentException("sequence length " + seqLen + " is below the minimum " + TokenSequences.MIN_SEQ_LEN);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
    }
}
