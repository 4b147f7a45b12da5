package org.magicnas.evaluation.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    /** {@code truth[i] + noise * N(0,1)} for a fixed seed. */
    static double[] noisy(double[] truth, double noise, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] out = new double[truth.length];
        for (int i = 0; i < truth.length; i++) {
            out[i] = truth[i] + noise * gaussian(random);
        }
        return out;
    }

    static double[] gaussians(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = gaussian(random);
        }
        return out;
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    @Test
    void defaults() {
        Bootstrap b = Bootstrap.withSeed(3);
        assertEquals(2000, b.resamples());
        assertEquals(0.95, b.level());
        assertEquals(3, b.seed());
    }

    @Test
    void intervalContainsTheFullDataEstimate() {
        double[] truth = gaussians(50, 1);
        double[] estimate = noisy(truth, 0.7, 2);
        BootstrapResult result = Bootstrap.withSeed(11)
                .interval(estimate, truth, RankCorrelation::kendallTauB);
        assertEquals(RankCorrelation.kendallTauB(estimate, truth), result.estimate(), 0);
        assertTrue(result.interval().contains(result.estimate()), result.toString());
        assertEquals(0.95, result.interval().level());
        assertTrue(result.interval().width() > 0);
        assertTrue(result.interval().lower() > 0, result.toString());
        assertEquals(2000, result.finiteResamples());
    }

    @Test
    void intervalNarrowsAsChildrenGrow() {
        Bootstrap b = new Bootstrap(1000, 0.95, 5);
        double[] small = gaussians(20, 1);
        double[] large = gaussians(200, 1);
        Interval at20 = b.interval(noisy(small, 0.7, 2), small, RankCorrelation::kendallTauB)
                .interval();
        Interval at200 = b.interval(noisy(large, 0.7, 2), large, RankCorrelation::kendallTauB)
                .interval();
        // the width shrinks roughly like 1/sqrt(n): about 3x from n = 20 to n = 200
        assertTrue(at200.width() < 0.6 * at20.width(), at20 + " vs " + at200);
    }

    @Test
    void standardErrorMatchesTheIntervalWidth() {
        double[] truth = gaussians(200, 1);
        double[] estimate = noisy(truth, 0.7, 2);
        BootstrapResult result = new Bootstrap(1000, 0.95, 5)
                .interval(estimate, truth, RankCorrelation::spearman);
        // near-normal bootstrap distribution: width ~ 2 * 1.96 * se
        double ratio = result.interval().width() / (2 * 1.96 * result.standardError());
        assertTrue(ratio > 0.85 && ratio < 1.15, "ratio " + ratio + " for " + result);
    }

    @Test
    void sameSeedIsReproducibleAndAnotherSeedDiffers() {
        double[] truth = gaussians(30, 1);
        double[] estimate = noisy(truth, 1.0, 2);
        BootstrapResult first = new Bootstrap(500, 0.9, 42)
                .interval(estimate, truth, RankCorrelation::kendallTauB);
        BootstrapResult again = new Bootstrap(500, 0.9, 42)
                .interval(estimate, truth, RankCorrelation::kendallTauB);
        BootstrapResult other = new Bootstrap(500, 0.9, 43)
                .interval(estimate, truth, RankCorrelation::kendallTauB);
        assertEquals(first, again);
        assertEquals(first.estimate(), other.estimate(), 0);
        assertNotEquals(first.interval(), other.interval());
        assertNotEquals(first.standardError(), other.standardError());
    }

    @Test
    void pairedDifferenceOfIdenticalEstimatesIsExactlyZero() {
        double[] truth = gaussians(40, 1);
        double[] estimate = noisy(truth, 1.0, 2);
        BootstrapResult result = Bootstrap.withSeed(9).pairedDifference(truth, estimate,
                estimate.clone(), RankCorrelation::kendallTauB);
        assertEquals(new Interval(0, 0, 0, 0.95), result.interval());
        assertEquals(0.0, result.standardError());
        assertEquals(2000, result.finiteResamples());
    }

    @Test
    void pairedDifferenceDetectsTheBetterEstimate() {
        double[] truth = gaussians(60, 1);
        double[] good = noisy(truth, 0.3, 2);
        double[] bad = noisy(truth, 1.0, 3);
        Bootstrap b = new Bootstrap(1000, 0.95, 4);
        BootstrapResult better = b.pairedDifference(truth, good, bad, RankCorrelation::kendallTauB);
        assertEquals(RankCorrelation.kendallTauB(good, truth)
                - RankCorrelation.kendallTauB(bad, truth), better.estimate(), 1e-15);
        assertTrue(better.interval().lower() > 0, better.toString());
        BootstrapResult worse = b.pairedDifference(truth, bad, good, RankCorrelation::kendallTauB);
        assertTrue(worse.interval().upper() < 0, worse.toString());
        // the same resamples, so the two intervals mirror each other exactly
        assertEquals(-better.interval().lower(), worse.interval().upper(), 1e-12);
    }

    @Test
    void pairedDifferenceIsNarrowerThanTheUnpairedSum() {
        double[] truth = gaussians(60, 1);
        double[] a = noisy(truth, 0.5, 2);
        double[] b = noisy(truth, 0.6, 3);
        Bootstrap bootstrap = new Bootstrap(1000, 0.95, 4);
        double paired = bootstrap.pairedDifference(truth, a, b, RankCorrelation::kendallTauB)
                .standardError();
        double seA = bootstrap.interval(a, truth, RankCorrelation::kendallTauB).standardError();
        double seB = new Bootstrap(1000, 0.95, 5)
                .interval(b, truth, RankCorrelation::kendallTauB).standardError();
        assertTrue(paired < Math.hypot(seA, seB), paired + " vs " + Math.hypot(seA, seB));
    }

    @Test
    void nanResamplesAreSkipped() {
        // n = 3: a resample drawing one child three times (probability 1/9) is constant
        double[] x = {1, 2, 3};
        BootstrapResult result = new Bootstrap(900, 0.95, 1)
                .interval(x, x, RankCorrelation::kendallTauB);
        assertTrue(result.finiteResamples() < 900 && result.finiteResamples() > 700,
                "finite " + result.finiteResamples());
        assertEquals(new Interval(1, 1, 1, 0.95), result.interval());
    }

    @Test
    void tooFewFiniteResamplesThrow() {
        AtomicInteger calls = new AtomicInteger();
        // finite on the full data and then on every third resample only
        Statistic mostlyNaN = (x, y) -> calls.getAndIncrement() % 3 == 0 ? 0.5 : Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Bootstrap(300, 0.95, 1).interval(new double[] {1, 2},
                        new double[] {1, 2}, mostlyNaN));
        assertTrue(e.getMessage().startsWith("only 100 of 300 bootstrap resamples"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Bootstrap.withSeed(1)
                .interval(new double[] {1, 1, 1}, new double[] {1, 2, 3},
                        RankCorrelation::kendallTauB));
    }

    @Test
    void boundsAreType7QuantilesAndTheStandardErrorIsTheSampleSd() {
        for (int resamples : new int[] {2, 3, 40, 999}) {
            for (double level : new double[] {0.5, 0.9, 0.95, 0.99}) {
                // the statistic replays known values: the full data first, then each resample
                SplittableRandom random = new SplittableRandom(resamples);
                double[] replay = new double[resamples + 1];
                for (int i = 0; i < replay.length; i++) {
                    replay[i] = i % 7 == 3 && resamples > 3 ? Double.NaN
                            : random.nextInt(20) / 4.0 - random.nextDouble();
                }
                AtomicInteger calls = new AtomicInteger();
                BootstrapResult result = new Bootstrap(resamples, level, 1).interval(
                        new double[] {1, 2}, new double[] {1, 2},
                        (x, y) -> replay[calls.getAndIncrement()]);
                double[] finite = Arrays.stream(replay, 1, replay.length)
                        .filter(Double::isFinite).sorted().toArray();
                String what = resamples + " resamples at " + level;
                assertEquals(finite.length, result.finiteResamples(), what);
                assertEquals(replay[0], result.estimate(), 0, what);
                assertEquals(type7(finite, (1 - level) / 2), result.interval().lower(), 1e-12,
                        what);
                assertEquals(type7(finite, (1 + level) / 2), result.interval().upper(), 1e-12,
                        what);
                assertEquals(sampleSd(finite), result.standardError(), 1e-12, what);
            }
        }
    }

    /** R's default quantile: linear between order statistics at position (n - 1) p. */
    private static double type7(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int below = (int) Math.floor(h);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
    }

    private static double sampleSd(double[] values) {
        double mean = Arrays.stream(values).sum() / values.length;
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / (values.length - 1));
    }

    @Test
    void rejectsInvalidArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Bootstrap(1, 0.95, 0));
        assertEquals("resamples must be at least 2, got 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Bootstrap(100, 0, 0));
        assertEquals("level must be in (0, 1), got 0.0", e.getMessage());
        Bootstrap b = Bootstrap.withSeed(1);
        e = assertThrows(IllegalArgumentException.class,
                () -> b.interval(new double[3], new double[2], RankCorrelation::spearman));
        assertEquals("x and y must have the same length, got 3 and 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.pairedDifference(
                new double[3], new double[3], new double[4], RankCorrelation::spearman));
        assertEquals("estimateB and truth must have the same length, got 4 and 3",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.interval(
                new double[1], new double[1], RankCorrelation::spearman));
        assertEquals("x needs at least 2 items, got 1", e.getMessage());
    }
}
