package org.magicnas.evaluation.rank;

import java.util.Arrays;
import org.apache.commons.math3.stat.correlation.Covariance;
import org.apache.commons.math3.stat.correlation.KendallsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * Rank correlations between two paired samples, one value per child model.
 *
 * <p>Every method takes arrays of the same length {@code n >= 2} without NaN values (infinities
 * are allowed and rank as extremes) and throws {@link IllegalArgumentException} otherwise. The
 * arrays are not modified.
 */
public final class RankCorrelation {

    /** Mid-ranks: tied values share the mean of the ranks they span; NaN is rejected earlier. */
    private static final NaturalRanking MID_RANKS =
            new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE);

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
     * x} and in {@code y} (a pair tied in both counts in both). Computed by commons-math3's
     * {@link KendallsCorrelation} in O(n log n), as SciPy's {@code kendalltau} does;
     * {@code -0.0} and {@code 0.0} are tied.
     *
     * @param x the first sample
     * @param y the second sample, paired with {@code x}
     * @return tau-b in [-1, 1], or NaN when {@code x} or {@code y} is constant (the coefficient
     *     is then undefined)
     * @throws IllegalArgumentException if the lengths differ, {@code n < 2} or a value is NaN
     */
    public static double kendallTauB(double[] x, double[] y) {
        Checks.paired("x", x, "y", y);
        return new KendallsCorrelation().correlation(positiveZero(x), positiveZero(y));
    }

    /**
     * Spearman's rho: the Pearson correlation of the average ranks ({@link #ranks}) of {@code x}
     * and {@code y}, so tied values share their mid-rank, as in commons-math3's {@link
     * SpearmansCorrelation} with its default (average) tie strategy. The correlation of the
     * ranks is their commons-math3 {@link Covariance} over the product of their {@link
     * StandardDeviation}s: {@code SpearmansCorrelation} goes through a regression's {@code
     * sqrt(R^2)}, which loses digits when rho is near 0.
     *
     * @param x the first sample
     * @param y the second sample, paired with {@code x}
     * @return rho in [-1, 1], or NaN when {@code x} or {@code y} is constant
     * @throws IllegalArgumentException if the lengths differ, {@code n < 2} or a value is NaN
     */
    public static double spearman(double[] x, double[] y) {
        Checks.paired("x", x, "y", y);
        double[] rankX = ranks(x);
        double[] rankY = ranks(y);
        StandardDeviation sd = new StandardDeviation();
        double product = sd.evaluate(rankX) * sd.evaluate(rankY);
        return product == 0 ? Double.NaN : new Covariance().covariance(rankX, rankY) / product;
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
     * gives {@code {2, 3.5, 3.5, 1}}); {@code -0.0} and {@code 0.0} are tied. Computed by
     * commons-math3's {@link NaturalRanking} with {@link TiesStrategy#AVERAGE}.
     *
     * @param values the values
     * @return a new array with the rank of each value, in the input order
     * @throws IllegalArgumentException if there are fewer than 2 values or a value is NaN
     */
    public static double[] ranks(double[] values) {
        Checks.single("values", values);
        return MID_RANKS.rank(positiveZero(values));
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

    /** A copy with {@code -0.0} replaced by {@code 0.0}: commons-math3 orders them apart. */
    private static double[] positiveZero(double[] values) {
        double[] copy = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            copy[i] = values[i] + 0.0;
        }
        return copy;
    }
}
