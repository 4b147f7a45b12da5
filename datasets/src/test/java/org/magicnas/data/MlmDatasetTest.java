package org.magicnas.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MlmDatasetTest {

    static final int SEQ_LEN = 64;

    /** Rows whose first regular token encodes the row index, so rows can be identified. */
    static TokenSequences sequences(int n) {
        int[][] rows = MlmMaskerTest.rows(n, 21);
        for (int r = 0; r < n; r++) {
            rows[r][1] = 5 + r;
        }
        return new TokenSequences(rows, SEQ_LEN);
    }

    static MlmDataset dataset(int n, int batchSize, long seed) {
        return new MlmDataset(sequences(n), batchSize, MlmMasker.bert(MlmMaskerTest.VOCAB), seed);
    }

    /** Recovers the row index of each row of a batch from its lengths and unmasked tokens. */
    static int[] rowIds(MlmBatch batch, TokenSequences seqs) {
        int[] ids = new int[batch.batchSize()];
        int[] lengths = batch.lengths();
        int[] labels = batch.maskedLabels();
        int[] positions = batch.maskedPositions();
        int[] tokens = batch.tokenIds();
        for (int p = 0; p < positions.length; p++) {
            tokens[positions[p]] = labels[p];
        }
        for (int r = 0; r < ids.length; r++) {
            ids[r] = tokens[r * SEQ_LEN + 1] - 5;
            assertEquals(seqs.ids()[ids[r]].length, lengths[r]);
        }
        return ids;
    }

    @Test
    void batchAtIsIdenticalAcrossInstancesAndCallOrder() {
        MlmDataset a = dataset(100, 8, 3);
        MlmDataset b = dataset(100, 8, 3);
        MlmBatch later = b.batchAt(57);
        for (long step = 0; step < 60; step++) {
            assertEquals(a.batchAt(step), b.batchAt(step), "step " + step);
        }
        assertEquals(later, a.batchAt(57));
        assertEquals(a.batchAt(1_000_000_000L), b.batchAt(1_000_000_000L));
        assertNotEquals(a.batchAt(0), a.batchAt(1));
        assertNotEquals(a.batchAt(0), dataset(100, 8, 4).batchAt(0));
    }

    @Test
    void eachEpochVisitsEveryRowOnceAndEpochsDiffer() {
        int n = 96;
        int batchSize = 8;
        MlmDataset data = dataset(n, batchSize, 9);
        TokenSequences seqs = sequences(n);
        int[] firstEpoch = new int[n];
        int[] secondEpoch = new int[n];
        for (int step = 0; step < 2 * n / batchSize; step++) {
            int[] ids = rowIds(data.batchAt(step), seqs);
            for (int i = 0; i < batchSize; i++) {
                int global = step * batchSize + i;
                (global < n ? firstEpoch : secondEpoch)[global % n] = ids[i];
            }
        }
        assertArrayEquals(IntStream.range(0, n).toArray(),
                Arrays.stream(firstEpoch).sorted().toArray());
        assertArrayEquals(IntStream.range(0, n).toArray(),
                Arrays.stream(secondEpoch).sorted().toArray());
        assertNotEquals(Arrays.toString(firstEpoch),
                Arrays.toString(secondEpoch), "epochs use the same order");
        assertEquals(12, data.stepsPerEpoch());
    }

    @Test
    void fixedBatchesAreInOrderAndStable() {
        MlmDataset data = dataset(20, 8, 5);
        List<MlmBatch> first = data.fixedBatches(3);
        assertEquals(first, data.fixedBatches(3));
        assertEquals(first, dataset(20, 8, 5).fixedBatches(3));
        TokenSequences seqs = sequences(20);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, rowIds(first.get(0), seqs));
        assertArrayEquals(new int[] {16, 17, 18, 19, 0, 1, 2, 3}, rowIds(first.get(2), seqs));
        assertTrue(first.get(0).maskedCount() >= 8, "every row has a masked position");
        assertEquals(20, data.size());
    }

    @Test
    void rejectsEmptyAndNegative() {
        assertThrows(CorpusException.class, () -> new MlmDataset(
                new TokenSequences(new int[0][], 8), 4, MlmMasker.bert(100), 1));
        assertThrows(IllegalArgumentException.class, () -> dataset(10, 4, 1).batchAt(-1));
    }
}
