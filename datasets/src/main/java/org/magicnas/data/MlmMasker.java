package org.magicnas.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * BERT-style masking of token rows.
 *
 * <p>In each row, the maskable positions are those holding a regular token (id at least {@code
 * firstRegularId}), so {@code [CLS]}, {@code [SEP]}, {@code [PAD]} and the other special tokens are
 * never chosen. Of the {@code n} maskable positions, {@code floor(maskProb * n + u)} are chosen
 * uniformly without replacement ({@code u} uniform in [0, 1), so the expected count is exactly
 * {@code maskProb * n}; at least 1 when {@code n > 0}). A chosen position becomes {@code [MASK]}
 * with probability {@code maskTokenProb}, a uniformly random regular token with probability
 * {@code randomTokenProb}, and stays unchanged otherwise; its label is the original id.
 */
public final class MlmMasker {

    private final int vocabSize;
    private final int firstRegularId;
    private final double maskProb;
    private final double maskTokenProb;
    private final double randomTokenProb;
    private final int maskId;
    private final int padId;

    /**
     * Creates a masker.
     *
     * @param vocabSize the vocabulary size; random replacements are drawn from {@code
     *     [firstRegularId, vocabSize)}
     * @param firstRegularId the first id that is not a special token (5 for {@link SpecialTokens})
     * @param maskProb the fraction of maskable positions to choose, e.g. 0.15
     * @param maskTokenProb the probability that a chosen position becomes {@code [MASK]}, e.g. 0.8
     * @param randomTokenProb the probability that it becomes a random token, e.g. 0.1
     * @param maskId the id of {@code [MASK]}
     * @param padId the id used to pad rows
     * @throws IllegalArgumentException if a probability is outside [0, 1], {@code maskTokenProb +
     *     randomTokenProb > 1}, or there is no regular id
     */
    public MlmMasker(int vocabSize, int firstRegularId, double maskProb, double maskTokenProb,
            double randomTokenProb, int maskId, int padId) {
        if (firstRegularId < 0 || vocabSize <= firstRegularId) {
            throw new IllegalArgumentException(
                    "vocabSize " + vocabSize + " must exceed firstRegularId " + firstRegularId);
        }
        checkProbability("maskProb", maskProb);
        checkProbability("maskTokenProb", maskTokenProb);
        checkProbability("randomTokenProb", randomTokenProb);
        if (maskTokenProb + randomTokenProb > 1) {
            throw new IllegalArgumentException(
                    "maskTokenProb + randomTokenProb is " + (maskTokenProb + randomTokenProb)
                            + ": expected at most 1");
        }
        this.vocabSize = vocabSize;
        this.firstRegularId = firstRegularId;
        this.maskProb = maskProb;
        this.maskTokenProb = maskTokenProb;
        this.randomTokenProb = randomTokenProb;
        this.maskId = maskId;
        this.padId = padId;
    }

    /**
     * Creates the standard BERT masker (15% of positions; 80% [MASK], 10% random, 10% kept) for a
     * vocabulary with the {@link SpecialTokens} ids.
     *
     * @param vocabSize the vocabulary size
     * @return the masker
     */
    public static MlmMasker bert(int vocabSize) {
        return new MlmMasker(vocabSize, SpecialTokens.FIRST_REGULAR_ID, 0.15, 0.8, 0.1,
                SpecialTokens.MASK_ID, SpecialTokens.PAD_ID);
    }

    /**
     * Masks rows into a padded batch. The result depends only on the rows, {@code seqLen} and
     * {@code seed}.
     *
     * @param rows unpadded rows, each at most {@code seqLen} ids
     * @param seqLen the padded width
     * @param seed the random seed ({@link SplittableRandom})
     * @return the batch
     * @throws IllegalArgumentException if a row is longer than {@code seqLen}
     */
    public MlmBatch mask(int[][] rows, int seqLen, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int batchSize = rows.length;
        int[] tokens = new int[batchSize * seqLen];
        Arrays.fill(tokens, padId);
        int[] lengths = new int[batchSize];
        IntBuffer positions = new IntBuffer(Math.max(16, (int) (tokens.length * maskProb * 1.5)));
        IntBuffer labels = new IntBuffer(positions.capacity());
        int[] candidates = new int[seqLen];
        for (int r = 0; r < batchSize; r++) {
            int[] row = rows[r];
            if (row.length > seqLen) {
                throw new IllegalArgumentException(
                        "row " + r + " has " + row.length + " tokens: expected at most seqLen "
                                + seqLen);
            }
            int offset = r * seqLen;
            System.arraycopy(row, 0, tokens, offset, row.length);
            lengths[r] = row.length;
            int n = 0;
            for (int j = 0; j < row.length; j++) {
                if (row[j] >= firstRegularId) {
                    candidates[n++] = j;
                }
            }
            if (n == 0) {
                continue;
            }
            int k = (int) Math.floor(maskProb * n + random.nextDouble());
            k = Math.max(1, Math.min(n, k));
            for (int i = 0; i < k; i++) {
                int pick = i + random.nextInt(n - i);
                int swap = candidates[i];
                candidates[i] = candidates[pick];
                candidates[pick] = swap;
            }
            Arrays.sort(candidates, 0, k);
            for (int i = 0; i < k; i++) {
                int flat = offset + candidates[i];
                labels.add(tokens[flat]);
                positions.add(flat);
                double u = random.nextDouble();
                if (u < maskTokenProb) {
                    tokens[flat] = maskId;
                } else if (u < maskTokenProb + randomTokenProb) {
                    tokens[flat] = firstRegularId + random.nextInt(vocabSize - firstRegularId);
                }
            }
        }
        return new MlmBatch(batchSize, seqLen, tokens, lengths, positions.toArray(),
                labels.toArray());
    }

    private static void checkProbability(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " is " + value + ": expected a value in [0, 1]");
        }
    }

    /** A growable int array. */
    private static final class IntBuffer {
        private int[] data;
        private int size;

        IntBuffer(int capacity) {
            data = new int[capacity];
        }

        int capacity() {
            return data.length;
        }

        void add(int value) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = value;
        }

        int[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }
}
