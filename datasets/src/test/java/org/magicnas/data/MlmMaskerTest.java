package org.magicnas.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MlmMaskerTest {

    static final int VOCAB = 1000;
    static final int SEQ_LEN = 64;

    /** Rows of 7..62 regular tokens between [CLS] and [SEP]. */
    static int[][] rows(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[][] rows = new int[count][];
        for (int r = 0; r < count; r++) {
            int n = 7 + random.nextInt(56);
            int[] row = new int[n + 2];
            row[0] = SpecialTokens.CLS_ID;
            for (int j = 1; j <= n; j++) {
                row[j] = 5 + random.nextInt(VOCAB - 5);
            }
            row[n + 1] = SpecialTokens.SEP_ID;
            rows[r] = row;
        }
        return rows;
    }

    @Test
    void rateAndProportionsAndSpecials() {
        MlmMasker masker = MlmMasker.bert(VOCAB);
        int[][] rows = rows(4000, 11);
        MlmBatch batch = masker.mask(rows, SEQ_LEN, 123);
        int[] tokens = batch.tokenIds();
        int[] positions = batch.maskedPositions();
        int[] labels = batch.maskedLabels();
        long regular = 0;
        for (int[] row : rows) {
            regular += row.length - 2;
        }
        double rate = (double) batch.maskedCount() / regular;
        // Expected exactly 0.15 (stochastic rounding, no clamping since n >= 7); ~19k draws.
        assertEquals(0.15, rate, 0.005, "masking rate");
        int masked = 0;
        int kept = 0;
        int random = 0;
        for (int i = 0; i < positions.length; i++) {
            if (i > 0) {
                assertTrue(positions[i] > positions[i - 1], "positions not ascending");
            }
            int row = positions[i] / SEQ_LEN;
            int col = positions[i] % SEQ_LEN;
            assertTrue(col >= 1 && col < rows[row].length - 1, "special or padding masked");
            assertEquals(rows[row][col], labels[i], "label is not the original id");
            if (tokens[positions[i]] == SpecialTokens.MASK_ID) {
                masked++;
            } else if (tokens[positions[i]] == labels[i]) {
                kept++;
            } else {
                assertTrue(tokens[positions[i]] >= 5 && tokens[positions[i]] < VOCAB);
                random++;
            }
        }
        double total = positions.length;
        // Tolerance 0.02 is more than 5 standard deviations at ~19k masked positions.
        assertEquals(0.8, masked / total, 0.02, "[MASK] share");
        assertEquals(0.1, random / total, 0.02, "random-token share");
        assertEquals(0.1, kept / total, 0.02, "unchanged share");
        // Padding and unmasked positions are untouched.
        int p = 0;
        for (int r = 0; r < rows.length; r++) {
            assertEquals(rows[r].length, batch.lengths()[r]);
            for (int c = 0; c < SEQ_LEN; c++) {
                int flat = r * SEQ_LEN + c;
                if (p < positions.length && positions[p] == flat) {
                    p++;
                } else {
                    int expected = c < rows[r].length ? rows[r][c] : SpecialTokens.PAD_ID;
                    assertEquals(expected, tokens[flat]);
                }
            }
        }
    }

    @Test
    void everyRowGetsAtLeastOneMaskAndShortRowsWork() {
        MlmMasker masker = MlmMasker.bert(VOCAB);
        int[][] rows = {{2, 7, 3}, {2, 8, 9, 3}, {2, 3}};
        MlmBatch batch = masker.mask(rows, 8, 5);
        assertEquals(2, batch.maskedCount());
        assertEquals(1, batch.maskedPositions()[0]);
        assertEquals(7, batch.maskedLabels()[0]);
        assertTrue(batch.maskedPositions()[1] == 9 || batch.maskedPositions()[1] == 10);
    }

    @Test
    void deterministicPerSeed() {
        MlmMasker masker = MlmMasker.bert(VOCAB);
        int[][] rows = rows(64, 3);
        assertEquals(masker.mask(rows, SEQ_LEN, 77), masker.mask(rows, SEQ_LEN, 77));
        assertNotEquals(masker.mask(rows, SEQ_LEN, 77), masker.mask(rows, SEQ_LEN, 78));
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class,
                () -> new MlmMasker(100, 5, 1.5, 0.8, 0.1, 4, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new MlmMasker(100, 5, 0.15, 0.8, 0.3, 4, 0));
        assertThrows(IllegalArgumentException.class,
                () -> MlmMasker.bert(100).mask(new int[][] {new int[10]}, 8, 1));
    }
}
