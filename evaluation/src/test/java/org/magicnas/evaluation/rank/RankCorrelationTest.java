package org.magicnas.evaluation.rank;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.math3.stat.correlation.KendallsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.junit.jupiter.api.Test;

class RankCorrelationTest {

    private static final double[] ASCENDING = {1, 2, 3, 4, 5, 6};
    private static final double[] SCALED = {-3, 0.5, 7, 8, 100, 1e9};
    private static final double[] REVERSED = {6, 5, 4, 3, 2, 1};

    @Test
    void identicalOrdersGiveOneAndReversedGiveMinusOne() {
        assertEquals(1.0, RankCorrelation.kendallTauB(ASCENDING, SCALED), 1e-15);
        assertEquals(-1.0, RankCorrelation.kendallTauB(ASCENDING, REVERSED), 1e-15);
        assertEquals(1.0, RankCorrelation.spearman(ASCENDING, SCALED), 1e-15);
        assertEquals(-1.0, RankCorrelation.spearman(ASCENDING, REVERSED), 1e-15);
    }

    @Test
    void kendallTauBWithTiesByHand() {
        // x = {1,2,2,3}, y = {1,3,2,4}; the 6 pairs (i,j):
        // (0,1) C, (0,2) C, (0,3) C, (1,2) tied in x, (1,3) C, (2,3) C
        // C = 5, D = 0, n0 = 6, n1 (ties in x) = 1, n2 (ties in y) = 0
        // tau_b = (5 - 0) / sqrt((6 - 1) * (6 - 0)) = 5 / sqrt(30) = 0.91287...
        double[] x = {1, 2, 2, 3};
        double[] y = {1, 3, 2, 4};
        assertEquals(5 / Math.sqrt(30), RankCorrelation.kendallTauB(x, y), 1e-15);
        assertEquals(5 / Math.sqrt(30), RankCorrelation.kendallTauB(y, x), 1e-15);
    }

    @Test
    void kendallTauBCountsPairsTiedInBothVariablesInBothTieCounts() {
        // x = {1,1,2}, y = {5,5,6}: pair (0,1) tied in both, (0,2) C, (1,2) C
        // n0 = 3, n1 = n2 = 1: tau_b = 2 / sqrt(2 * 2) = 1
        assertEquals(1.0, RankCorrelation.kendallTauB(new double[] {1, 1, 2},
                new double[] {5, 5, 6}), 1e-15);
        // x = {1,1,2}, y = {6,5,5}: (0,1) tied in x, (0,2) D, (1,2) tied in y
        // tau_b = -1 / sqrt(2 * 2) = -0.5
        assertEquals(-0.5, RankCorrelation.kendallTauB(new double[] {1, 1, 2},
                new double[] {6, 5, 5}), 1e-15);
    }

    @Test
    void spearmanWithTiesByHand() {
        // ranks(x) = {1, 2.5, 2.5, 4}, ranks(y) = {1, 3, 2, 4}, both with mean 2.5
        // deviations {-1.5, 0, 0, 1.5} and {-1.5, 0.5, -0.5, 1.5}
        // sum dx*dy = 4.5, sum dx^2 = 4.5, sum dy^2 = 5: rho = 4.5 / sqrt(22.5) = sqrt(0.9)
        double[] x = {1, 2, 2, 3};
        double[] y = {1, 3, 2, 4};
        assertEquals(Math.sqrt(0.9), RankCorrelation.spearman(x, y), 1e-15);
    }

    @Test
    void ranksAreOneBasedMidRanks() {
        assertArrayEquals(new double[] {2, 3.5, 3.5, 1},
                RankCorrelation.ranks(new double[] {10, 20, 20, 5}), 0);
        assertArrayEquals(new double[] {2, 2, 2, 4, 5},
                RankCorrelation.ranks(new double[] {0, 0.0, -0.0, 1, Double.POSITIVE_INFINITY}),
                0);
    }

    @Test
    void constantVariableGivesNaN() {
        double[] constant = {2, 2, 2, 2};
        double[] varying = {1, 2, 3, 4};
        assertTrue(Double.isNaN(RankCorrelation.kendallTauB(constant, varying)));
        assertTrue(Double.isNaN(RankCorrelation.kendallTauB(varying, constant)));
        assertTrue(Double.isNaN(RankCorrelation.spearman(constant, varying)));
        assertTrue(Double.isNaN(RankCorrelation.spearman(varying, constant)));
    }

    @Test
    void agreesWithCommonsMathOnRandomDataWithTies() {
        SplittableRandom random = new SplittableRandom(7);
        KendallsCorrelation kendall = new KendallsCorrelation();
        SpearmansCorrelation spearman = new SpearmansCorrelation();
        for (int trial = 0; trial < 200; trial++) {
            int n = 2 + random.nextInt(60);
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = random.nextInt(6); // few levels: many ties
                y[i] = x[i] + random.nextInt(4) - random.nextDouble() * (trial % 3);
            }
            double tau = RankCorrelation.kendallTauB(x, y);
            double rho = RankCorrelation.spearman(x, y);
            if (Double.isNaN(tau)) {
                continue; // a constant draw; commons-math's answer is NaN as well
            }
            assertEquals(kendall.correlation(x, y), tau, 1e-12, "trial " + trial);
            assertEquals(spearman.correlation(x, y), rho, 1e-12, "trial " + trial);
        }
    }

    @Test
    void kendallTauBMatchesBruteForceOnRandomDataWithTies() {
        SplittableRandom random = new SplittableRandom(11);
        double[] levels = {Double.NEGATIVE_INFINITY, -1.5, -0.0, 0.0, 0.25, 3, Double.MAX_VALUE,
            Double.POSITIVE_INFINITY};
        for (int trial = 0; trial < 300; trial++) {
            int n = 2 + random.nextInt(trial < 280 ? 40 : 400);
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = levels[random.nextInt(levels.length)];
                y[i] = trial % 2 == 0 ? levels[random.nextInt(levels.length)]
                        : random.nextInt(1 + trial % 7);
            }
            double expected = bruteForceTauB(x, y);
            double actual = RankCorrelation.kendallTauB(x, y);
            if (Double.isNaN(expected)) {
                assertTrue(Double.isNaN(actual), "trial " + trial);
            } else {
                assertEquals(expected, actual, 1e-12, "trial " + trial);
            }
        }
    }

    @Test
    void spearmanMatchesThePearsonCorrelationOfMidRanksNearZero() {
        SplittableRandom random = new SplittableRandom(5);
        int nearZero = 0;
        for (int trial = 0; trial < 2000; trial++) {
            int n = 3 + random.nextInt(150);
            double[] x = new double[n];
            double[] y = new double[n];
            int levels = 2 + random.nextInt(n);
            for (int i = 0; i < n; i++) {
                x[i] = random.nextInt(levels);
                y[i] = random.nextInt(levels);
            }
            double expected = bruteForcePearson(bruteForceRanks(x), bruteForceRanks(y));
            double actual = RankCorrelation.spearman(x, y);
            if (Double.isNaN(expected)) {
                assertTrue(Double.isNaN(actual), "trial " + trial);
                continue;
            }
            assertEquals(expected, actual, 1e-12, "trial " + trial);
            if (Math.abs(expected) < 1e-3) {
                nearZero++;
            }
        }
        assertTrue(nearZero > 10, "near-zero correlations drawn: " + nearZero);
    }

    @Test
    void ranksMatchBruteForceMidRanks() {
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 100; trial++) {
            double[] values = new double[2 + random.nextInt(50)];
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextInt(5) - 2 + (random.nextBoolean() ? 0.0 : -0.0);
            }
            assertArrayEquals(bruteForceRanks(values), RankCorrelation.ranks(values), 0);
        }
    }

    @Test
    void degenerateInputs() {
        // all ties in both samples: undefined, not an exception
        double[] ties = {3, 3, 3};
        assertTrue(Double.isNaN(RankCorrelation.kendallTauB(ties, ties)));
        assertTrue(Double.isNaN(RankCorrelation.spearman(ties, ties)));
        assertArrayEquals(new double[] {2, 2, 2}, RankCorrelation.ranks(ties), 0);
        // signed zeros are one value
        double[] zeros = {0.0, -0.0};
        assertTrue(Double.isNaN(RankCorrelation.kendallTauB(zeros, new double[] {1, 2})));
        assertTrue(Double.isNaN(RankCorrelation.spearman(new double[] {1, 2}, zeros)));
        assertArrayEquals(new double[] {1.5, 1.5}, RankCorrelation.ranks(zeros), 0);
        // the smallest case: two children
        assertEquals(1.0, RankCorrelation.kendallTauB(new double[] {1, 2}, new double[] {0, 9}));
        assertEquals(-1.0, RankCorrelation.spearman(new double[] {1, 2}, new double[] {9, 0}),
                1e-15);
        // infinities are extreme ranks, not errors
        double[] infinite = {Double.NEGATIVE_INFINITY, 0, Double.POSITIVE_INFINITY};
        assertEquals(1.0, RankCorrelation.kendallTauB(infinite, new double[] {1, 2, 3}));
        assertArrayEquals(new double[] {1, 2, 3}, RankCorrelation.ranks(infinite), 0);
        // NaN is rejected, even where the other sample is constant
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RankCorrelation.ranks(new double[] {1, Double.NaN}));
        assertEquals("values[1] is NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> RankCorrelation.spearman(new double[] {Double.NaN, 1}, new double[2]));
        assertEquals("x[0] is NaN", e.getMessage());
    }

    /** Kendall's tau-b over all n(n-1)/2 pairs, as defined (signed zeros tie). */
    private static double bruteForceTauB(double[] x, double[] y) {
        long score = 0;
        long pairs = 0;
        long tiedX = 0;
        long tiedY = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = i + 1; j < x.length; j++) {
                int cx = x[i] < x[j] ? -1 : (x[i] > x[j] ? 1 : 0);
                int cy = y[i] < y[j] ? -1 : (y[i] > y[j] ? 1 : 0);
                score += (long) cx * cy;
                pairs++;
                tiedX += cx == 0 ? 1 : 0;
                tiedY += cy == 0 ? 1 : 0;
            }
        }
        if (tiedX == pairs || tiedY == pairs) {
            return Double.NaN;
        }
        return score / Math.sqrt((double) (pairs - tiedX) * (pairs - tiedY));
    }

    /** Mid-ranks by counting: 1 + #smaller + (#equal - 1) / 2. */
    private static double[] bruteForceRanks(double[] values) {
        double[] ranks = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            int smaller = 0;
            int equal = 0;
            for (double v : values) {
                smaller += v < values[i] ? 1 : 0;
                equal += v == values[i] ? 1 : 0;
            }
            ranks[i] = 1 + smaller + (equal - 1) / 2.0;
        }
        return ranks;
    }

    /** The textbook two-pass Pearson correlation; NaN for a constant sample. */
    private static double bruteForcePearson(double[] x, double[] y) {
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < x.length; i++) {
            meanX += x[i];
            meanY += y[i];
        }
        meanX /= x.length;
        meanY /= y.length;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - meanX) * (y[i] - meanY);
            sxx += (x[i] - meanX) * (x[i] - meanX);
            syy += (y[i] - meanY) * (y[i] - meanY);
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }

    @Test
    void precisionAtTopKByHand() {
        double[] estimate = {0.9, 0.1, 0.8, 0.3, 0.5};
        double[] truth = {0.7, 0.6, 0.9, 0.1, 0.2};
        // top 2 by estimate {0, 2}, by truth {2, 0}
        assertEquals(1.0, RankCorrelation.precisionAtTopK(estimate, truth, 2));
        // top 3 by estimate {0, 2, 4}, by truth {2, 0, 1}: 2 in common
        assertEquals(2.0 / 3, RankCorrelation.precisionAtTopK(estimate, truth, 3));
        // top 1: child 0 vs child 2
        assertEquals(0.0, RankCorrelation.precisionAtTopK(estimate, truth, 1));
        assertEquals(1.0, RankCorrelation.precisionAtTopK(estimate, truth, 5));
    }

    @Test
    void precisionAtTopKUsesLargestValues() {
        double[] negativeLoss = {-0.1, -3, -0.2, -5};
        double[] accuracy = {0.9, 0.2, 0.8, 0.1};
        assertEquals(1.0, RankCorrelation.precisionAtTopK(negativeLoss, accuracy, 2));
        double[] loss = {0.1, 3, 0.2, 5};
        assertEquals(0.0, RankCorrelation.precisionAtTopK(loss, accuracy, 2));
    }

    @Test
    void precisionAtTopKBreaksTiesByIndex() {
        double[] estimate = {5, 5, 5, 1};
        double[] truth = {1, 9, 8, 7};
        // estimate ties: children 0, 1, 2 rank in index order, so the top 1 is child 0
        assertEquals(0.0, RankCorrelation.precisionAtTopK(estimate, truth, 1));
        // top 2 by estimate {0, 1}, by truth {1, 2}
        assertEquals(0.5, RankCorrelation.precisionAtTopK(estimate, truth, 2));
    }

    @Test
    void invalidArgumentsThrowWithClearMessages() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RankCorrelation.kendallTauB(new double[4], new double[3]));
        assertEquals("x and y must have the same length, got 4 and 3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> RankCorrelation.spearman(new double[1], new double[1]));
        assertEquals("x needs at least 2 items, got 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> RankCorrelation.kendallTauB(new double[] {1, 2}, new double[] {1, Double.NaN}));
        assertEquals("y[1] is NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> RankCorrelation.precisionAtTopK(new double[3], new double[3], 4));
        assertEquals("k must be in [1, 3], got 4", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> RankCorrelation.precisionAtTopK(new double[3], new double[3], 0));
        e = assertThrows(IllegalArgumentException.class,
                () -> RankCorrelation.precisionAtTopK(new double[3], new double[2], 1));
        assertEquals("estimate and truth must have the same length, got 3 and 2", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RankCorrelation.ranks(new double[1]));
        assertThrows(NullPointerException.class,
                () -> RankCorrelation.kendallTauB(null, new double[2]));
    }
}
