package org.magicnas.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Stateless, deterministic masked-language-model batches over packed rows.
 *
 * <p>Training batches are addressed by step: batch {@code s} holds the rows at global positions
 * {@code s*B .. s*B+B-1}; global position {@code g} lies in epoch {@code e = g / n} (so the batch
 * starts in epoch {@code s*B / n}) and maps to row {@code perm_e[g mod n]}, where {@code perm_e}
 * is a permutation seeded from (seed, e). Batches wrap around into the next epoch's permutation.
 * The masking seed mixes (seed, s). A trainer can therefore resume at any step and see identical
 * batches, in any call order.
 *
 * <p>{@link #fixedBatches(int)} gives validation batches: the rows in stored order, without
 * shuffling, masked with seeds mixing (seed, batch index).
 */
public final class MlmDataset {

    private static final int CACHED_PERMUTATIONS = 4;

    private final int[][] rows;
    private final int seqLen;
    private final int batchSize;
    private final MlmMasker masker;
    private final long seed;
    private final Map<Long, int[]> permutations =
            new LinkedHashMap<>(8, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, int[]> eldest) {
                    return size() > CACHED_PERMUTATIONS;
                }
            };

    /**
     * Creates a dataset.
     *
     * @param seqs the packed rows
     * @param batchSize the rows per batch
     * @param masker the masker
     * @param seed the base seed for shuffling and masking
     * @throws CorpusException if there are no rows
     * @throws IllegalArgumentException if {@code batchSize < 1}
     */
    public MlmDataset(TokenSequences seqs, int batchSize, MlmMasker masker, long seed) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize " + batchSize + " is below the minimum 1");
        }
        if (seqs.size() == 0) {
            throw new CorpusException(
                    "no token rows to batch (seqLen " + seqs.seqLen()
                            + "): expected at least one packed row; is the corpus empty?");
        }
        this.rows = seqs.ids();
        this.seqLen = seqs.seqLen();
        this.batchSize = batchSize;
        this.masker = masker;
        this.seed = seed;
    }

    /**
     * Returns the training batch of a step. Pure: the same step always gives the same batch.
     *
     * @param step the step, {@code >= 0}
     * @return the batch
     * @throws IllegalArgumentException if {@code step < 0}
     */
    public MlmBatch batchAt(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step " + step + " is below the minimum 0");
        }
        int n = rows.length;
        int[][] batch = new int[batchSize][];
        long start = Math.multiplyExact(step, (long) batchSize);
        for (int i = 0; i < batchSize; i++) {
            long global = start + i;
            int[] permutation = permutation(global / n);
            batch[i] = rows[permutation[(int) (global % n)]];
        }
        return masker.mask(batch, seqLen, Seeds.mix(seed, Seeds.TRAIN_MASK, step));
    }

    /**
     * Returns validation batches: batch {@code i} holds rows {@code i*B .. i*B+B-1} (modulo the row
     * count) in stored order, masked with a seed mixing (seed, i). Identical on every call.
     *
     * @param count the number of batches
     * @return the batches
     */
    public List<MlmBatch> fixedBatches(int count) {
        List<MlmBatch> batches = new ArrayList<>(count);
        for (int b = 0; b < count; b++) {
            int[][] batch = new int[batchSize][];
            for (int i = 0; i < batchSize; i++) {
                batch[i] = rows[(int) (((long) b * batchSize + i) % rows.length)];
            }
            batches.add(masker.mask(batch, seqLen, Seeds.mix(seed, Seeds.FIXED_MASK, b)));
        }
        return batches;
    }

    /**
     * Returns the number of rows.
     *
     * @return the row count
     */
    public int size() {
        return rows.length;
    }

    /**
     * Returns the rows per batch.
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
     * Returns the number of steps that cover every row once, {@code ceil(size / batchSize)}.
     *
     * @return steps per epoch
     */
    public long stepsPerEpoch() {
        return (rows.length + (long) batchSize - 1) / batchSize;
    }

    /** Returns the row permutation of an epoch (cached; a pure function of seed and epoch). */
    private synchronized int[] permutation(long epoch) {
        int[] cached = permutations.get(epoch);
        if (cached != null) {
            return cached;
        }
        int n = rows.length;
        int[] permutation = new int[n];
        for (int i = 0; i < n; i++) {
            permutation[i] = i;
        }
        SplittableRandom random = new SplittableRandom(Seeds.mix(seed, Seeds.PERMUTATION, epoch));
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = permutation[i];
            permutation[i] = permutation[j];
            permutation[j] = swap;
        }
        permutations.put(epoch, permutation);
        return permutation;
    }
}
