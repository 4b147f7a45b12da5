package org.magicnas.data;

import java.util.Arrays;

/**
 * One masked-language-model batch as plain int arrays.
 *
 * <p>{@link #tokenIds()} is a row-major {@code batchSize x seqLen} matrix of input ids padded
 * with the padding id; {@link #maskedPositions()} are flat indices into it, ascending, and
 * {@link #maskedLabels()} the original ids at those positions. Accessors return copies.
 */
public final class MlmBatch {

    private final int batchSize;
    private final int seqLen;
    private final int[] tokenIds;
    private final int[] lengths;
    private final int[] maskedPositions;
    private final int[] maskedLabels;

    /**
     * Creates a batch.
     *
     * @param batchSize the number of rows B
     * @param seqLen the row width T
     * @param tokenIds B*T input ids, row-major
     * @param lengths the unpadded length of each row
     * @param maskedPositions ascending flat indices of the masked positions
     * @param maskedLabels the original ids at those positions
     * @throws IllegalArgumentException if the array sizes are inconsistent
     */
    public MlmBatch(int batchSize, int seqLen, int[] tokenIds, int[] lengths,
            int[] maskedPositions, int[] maskedLabels) {
        if (tokenIds.length != batchSize * seqLen || lengths.length != batchSize
                || maskedPositions.length != maskedLabels.length) {
            throw new IllegalArgumentException(
                    "inconsistent batch: B=" + batchSize + " T=" + seqLen + " tokenIds="
                            + tokenIds.length + " lengths=" + lengths.length + " positions="
                            + maskedPositions.length + " labels=" + maskedLabels.length);
        }
        this.batchSize = batchSize;
        this.seqLen = seqLen;
        this.tokenIds = tokenIds.clone();
        this.lengths = lengths.clone();
        this.maskedPositions = maskedPositions.clone();
        this.maskedLabels = maskedLabels.clone();
    }

    /**
     * Returns the number of rows.
     *
     * @return B
     */
    public int batchSize() {
        return batchSize;
    }

    /**
     * Returns the padded row width.
     *
     * @return T
     */
    public int seqLen() {
        return seqLen;
    }

    /**
     * Returns the input ids, row-major, padded.
     *
     * @return a copy of the B*T ids
     */
    public int[] tokenIds() {
        return tokenIds.clone();
    }

    /**
     * Returns the unpadded length of each row.
     *
     * @return a copy of the B lengths
     */
    public int[] lengths() {
        return lengths.clone();
    }

    /**
     * Returns the flat indices (row * T + column) of the masked positions, ascending.
     *
     * @return a copy of the positions
     */
    public int[] maskedPositions() {
        return maskedPositions.clone();
    }

    /**
     * Returns the original ids at the masked positions.
     *
     * @return a copy of the labels
     */
    public int[] maskedLabels() {
        return maskedLabels.clone();
    }

    /**
     * Returns the number of masked positions.
     *
     * @return the count
     */
    public int maskedCount() {
        return maskedPositions.length;
    }

    /** Two batches are equal when all their arrays are equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof MlmBatch b && batchSize == b.batchSize && seqLen == b.seqLen
                && Arrays.equals(tokenIds, b.tokenIds)
                && Arrays.equals(lengths, b.lengths)
                && Arrays.equals(maskedPositions, b.maskedPositions)
                && Arrays.equals(maskedLabels, b.maskedLabels);
    }

    @Override
    public int hashCode() {
        int h = Arrays.hashCode(tokenIds);
        h = 31 * h + Arrays.hashCode(maskedPositions);
        return 31 * h + Arrays.hashCode(maskedLabels);
    }

    @Override
    public String toString() {
        return "MlmBatch(" + batchSize + "x" + seqLen + ", " + maskedPositions.length + " masked)";
    }
}
