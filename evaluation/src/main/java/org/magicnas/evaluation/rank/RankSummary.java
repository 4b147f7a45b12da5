package org.magicnas.evaluation.rank;

import java.util.Objects;

/**
 * How well one method's estimate ranks the children against their ground truth.
 *
 * @param n the number of children
 * @param kendallTau Kendall's tau-b of estimate vs truth, with its bootstrap interval
 * @param spearman Spearman's rho of estimate vs truth, with its bootstrap interval
 * @param topK the k of {@code precisionAtTopK}
 * @param precisionAtTopK {@link RankCorrelation#precisionAtTopK} of estimate vs truth (a point
 *     value, not bootstrapped)
 */
public record RankSummary(int n, BootstrapResult kendallTau, BootstrapResult spearman,
        int topK, double precisionAtTopK) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException if an interval is null
     * @throws IllegalArgumentException if {@code n < 2} or {@code topK} is not in [1, n]
     */
    public RankSummary {
        Objects.requireNonNull(kendallTau, "kendallTau");
        Objects.requireNonNull(spearman, "spearman");
        if (n < 2) {
            throw new IllegalArgumentException("n must be at least 2, got " + n);
        }
        if (topK < 1 || topK > n) {
            throw new IllegalArgumentException("topK must be in [1, " + n + "], got " + topK);
        }
    }

    /**
     * Summarizes one method. Both correlations are bootstrapped with the same {@code bootstrap},
     * hence over the same resampled children.
     *
     * @param estimate the method's estimate for each child (larger is better)
     * @param truth the ground truth of each child, in the same order (larger is better)
     * @param topK the k of precision at top k, in [1, n]
     * @param bootstrap the bootstrap for the correlation intervals
     * @return the summary
     * @throws IllegalArgumentException if the lengths differ, {@code n < 2}, a value is NaN,
     *     {@code topK} is outside [1, n], or a correlation cannot be bootstrapped (e.g. a
     *     constant array)
     */
    public static RankSummary of(double[] estimate, double[] truth, int topK,
            Bootstrap bootstrap) {
        int n = Checks.paired("estimate", estimate, "truth", truth);
        Objects.requireNonNull(bootstrap, "bootstrap");
        double precision = RankCorrelation.precisionAtTopK(estimate, truth, topK);
        return new RankSummary(n,
                bootstrap.interval(estimate, truth, RankCorrelation::kendallTauB),
                bootstrap.interval(estimate, truth, RankCorrelation::spearman),
                topK, precision);
    }
}
