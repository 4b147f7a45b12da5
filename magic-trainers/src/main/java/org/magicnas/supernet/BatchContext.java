package org.magicnas.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The tensors of one batch that every operator may need: token ids, the padding mask and the
 * additive attention bias derived from it. All arrays live in the manager of the step that made them.
 */
public final class BatchContext {
    private static final float MASKED_SCORE = -1e4f;

    private final NDArray tokens;
    private final NDArray padMask;
    private final NDArray attentionBias;
    private final int batchSize;
    private final int seqLen;
    private final float validTokens;

    /**
     * Builds the tensors of a padded batch.
     *
     * @param manager the step's manager
     * @param tokenIds token ids, B x T row-major
     * @param lengths the number of real tokens of each row; the rest is padding
     * @param seqLen T
     */
    public BatchContext(NDManager manager, int[] tokenIds, int[] lengths, int seqLen) {
        this.batchSize = lengths.length;
        this.seqLen = seqLen;
        long[] ids = new long[tokenIds.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = tokenIds[i];
        }
        float[] mask = new float[batchSize * seqLen];
        long valid = 0;
        for (int b = 0; b < batchSize; b++) {
            for (int t = 0; t < lengths[b]; t++) {
                mask[b * seqLen + t] = 1f;
            }
            valid += lengths[b];
        }
        this.validTokens = valid;
        this.tokens = manager.create(ids, new Shape(batchSize, seqLen));
        this.padMask = manager.create(mask, new Shape(batchSize, seqLen, 1));
        this.attentionBias = padMask.sub(1f).mul(-MASKED_SCORE).reshape(batchSize, 1, 1, seqLen);
    }

    /**
     * Token ids as int64, (B, T).
     *
     * @return the ids
     */
    public NDArray tokens() {
        return tokens;
    }

    /**
     * 1 for real tokens and 0 for padding, (B, T, 1).
     *
     * @return the mask
     */
    public NDArray padMask() {
        return padMask;
    }

    /**
     * 0 for real keys and a large negative score for padded keys, (B, 1, 1, T).
     *
     * @return the bias added to attention scores
     */
    public NDArray attentionBias() {
        return attentionBias;
    }

    /**
     * The batch size B.
     *
     * @return B
     */
    public int batchSize() {
        return batchSize;
    }

    /**
     * The sequence length T.
     *
     * @return T
     */
    public int seqLen() {
        return seqLen;
    }

    /**
     * The number of real (unpadded) tokens in the batch.
     *
     * @return the count
     */
    public float validTokens() {
        return validTokens;
    }
}
