package org.magicnas.evaluation.rank;

import java.util.Arrays;

/**
 * Rank correlations between two paired samples, one value per child model.
 *
 * <p>Every method takes arrays of the same length {@code n >= 2} without NaN values (infinities
 * are allowed and rank as extremes) and throws {@link IllegalArgumentException} otherwise. The
 * arrays are not modified.
 */
public final class RankCorrelation {

    private RankCorrelation() {}

    /**
     * Kendall's tau-b, the rank correlation corrected for ties:
     *
     * <pre>
     * tau_b = (C - D) / sqrt((n0 - n1) * (n0 - n2))
     * </pre>
     *
     * where {@code C} and {@code D} count the concordant and discordant pairs, {@code n0 =
     * n(n-1)/2} is the number of pairs and {@code n1}, {@code n2} count the pairs tied in {@code
     * x} and in {@code y} (a pair tied in both counts in both). Runs in O(n^2), which is fine for
     * a few hundred children. This is what commons-math3's {@code KendallsCorrelation} and
     * SciPy's {@code kendalltau} compute.
     *
     * @param x the first sample
     * @param y the second sample, paired with {@code x}
     * @return tau-b in [-1, 1], or NaN when {@code x} or {@code y} is constant (the coefficient
     *     is then undefined)
     * @throws IllegalArgumentException if the lengths differ, {@code n < 2} or a value is NaN
     */
    public static double kendallTauB(double[] x, double[] y) {
        int n = Checks.paired("x", x, "y", y);
        long concordantMinusDiscordant = 0;
        long tiedX = 0;
        long tiedY = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                int cx = Checks.compare(x[i], x[j]);
                int cy = Checks.compare(y[i], y[j]);
                if (cx == 0) {
                    tiedX++;
                }
                if (cy == 0) {
                    tiedY++;
                }
                concordantMinusDiscordant += (long) cx * cy;
            }
        }
        long pairs = (long) n * (n - 1) / 2;
        if (tiedX == pairs || tiedY == pairs) {
            return Double.NaN;
        }
        double denominator = Math.sqrt((double) (pairs - tiedX) * (double) (pairs - tiedY));
        return concordantMinusDiscordant / denominator;
    }

    /**
     * Spearman's rho: the Pearson correlation of the average ranks ({@link #ranks}) of {@code x}
     * and {@code y}, so tied values share their mid-rank. This matches commons-math3's {@code
     * SpearmansCorrelation} with its default (average) tie strategy.
     *
     * @param x the first sample
     * @param y the second sample, paired with {@code x}
     * @return rho in [-1, 1], or NaN when {@code x} or {@code y} is constant
     * @throws IllegalArgumentException if the lengths differ, {@code n < 2} or a value is NaN
     */
    public static double spearman(double[] x, double[] y) {
        Checks.paired("x", x, "y", y);
        return pearson(ranks(x), ranks(y));
    }

    /**
     * The fraction of the top {@code k} children by {@code estimate} that are also among the top
     * {@code k} by {@code truth}: {@code |top_k(estimate) ∩ top_k(truth)| / k}.
     *
     * <p>"Top" means the <em>largest</em> values; pass losses negated. Ties are broken by index
     * order: among equal values the child with the smaller index ranks higher, in both arrays.
     *
     * @param estimate the estimated score of each child (larger is better)
     * @param truth the ground-truth score of each child (larger is better)
     * @param k how many top children to compare, in [1, n]
     * @return the precision in [0, 1], a multiple of {@code 1/k}
     * @throws IllegalArgumentException if the lengths differ, {@code n < 2}, a value is NaN or
     *     {@code k} is outside [1, n]
     */
    public static double precisionAtTopK(double[] estimate, double[] truth, int k) {
        int n = Checks.paired("estimate", estimate, "truth", truth);
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k must be in [1, " + n + "], got " + k);
        }
        boolean[] inTopTruth = new boolean[n];
        for (int index : topIndices(truth, k)) {
            inTopTruth[index] = true;
        }
        int common = 0;
        for (int index : topIndices(estimate, k)) {
            if (inTopTruth[index]) {
                common++;
            }
        }
        return (double) common / k;
    }

    /**
     * The average (mid) ranks of the values, 1-based and ascending: the smallest value has rank
     * 1, and tied values all get the mean of the ranks they span (e.g. {@code {10, 20, 20, 5}}
     * gives {@code {2, 3.5, 3.5, 1}}).
     *
     * @param values the values
     * @return a new array with the rank of each value, in the input order
     * @throws IllegalArgumentException if there are fewer than 2 values or a value is NaN
     */
    public static double[] ranks(double[] values) {
        int n = Checks.single("values", values);
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Checks.compare(values[a], values[b]));
        double[] ranks = new double[n];
        int start = 0;
        while (start < n) {
            int end = start + 1;
            while (end < n && values[order[end]] == values[order[start]]) {
                end++;
            }
            // positions start..end-1 hold ranks start+1..end; their mean is (start+1+end)/2
            double midRank = (start + 1 + end) / 2.0;
            for (int p = start; p < end; p++) {
                ranks[order[p]] = midRank;
            }
            start = end;
        }
        return ranks;
    }

    /** The indices of the k largest values, ties broken towards the smaller index. */
    private static int[] topIndices(double[] values, int k) {
        Integer[] order = new Integer[values.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> {
            int byValue = Checks.compare(values[b], values[a]);
            return byValue != 0 ? byValue : Integer.compare(a, b);
        });
        int[] top = new int[k];
        for (int i = 0; i < k; i++) {
            top[i] = order[i];
        }
        return top;
    }

    /** The Pearson correlation of two finite samples; NaN when either has zero variance. */
    private static double pearson(double[] x, double[] y) {
        int n = x.length;
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < n; i++) {
            meanX += x[i];
            meanY += y[i];
        }
        meanX /= n;
        meanY /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - meanX;
            double dy = y[i] - meanY;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0 || syy == 0) {
            return Double.NaN;
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
