package org.magicnas.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.magicnas.data.MlmBatch;

/** Random masked-LM batches with some padding, for engine tests that need no corpus. */
public final class SyntheticBatches {
    private SyntheticBatches() {}

    /**
     * A random batch.
     *
     * @param vocab the vocabulary size (ids 5.. are drawn)
     * @param batchSize B
     * @param seqLen T
     * @param seed the seed
     * @return the batch
     */
    public static MlmBatch batch(int vocab, int batchSize, int seqLen, long seed) {
        Random r = new Random(seed);
        int[] ids = new int[batchSize * seqLen];
        int[] lengths = new int[batchSize];
        List<Integer> positions = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int b = 0; b < batchSize; b++) {
            lengths[b] = seqLen / 2 + r.nextInt(seqLen / 2 + 1);
            for (int t = 0; t < lengths[b]; t++) {
                int id = 5 + r.nextInt(vocab - 5);
                ids[b * seqLen + t] = id;
                if (r.nextDouble() < 0.15) {
                    positions.add(b * seqLen + t);
                    labels.add(id);
                    ids[b * seqLen + t] = 4;
                }
            }
        }
        return new MlmBatch(batchSize, seqLen, ids, lengths, positions.stream().mapToInt(i -> i).toArray(), labels.stream().mapToInt(i -> i).toArray());
    }

    public static List<MlmBatch> fixed(int vocab, int batchSize, int seqLen, int count) {
        List<MlmBatch> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(batch(vocab, batchSize, seqLen, 1000 + i));
        }
        return out;
    }
}
