package org.magicnas.evaluation.rank;

/**
 * A statistic of two paired samples, such as {@code RankCorrelation::kendallTauB}, to be
 * bootstrapped by {@link Bootstrap}.
 */
@FunctionalInterface
public interface Statistic {

    /**
     * Computes the statistic. Implementations must be deterministic and must not modify or keep
     * the arrays.
     *
     * @param x the first sample
     * @param y the second sample, paired with {@code x}
     * @return the statistic; NaN when undefined for these samples (such a bootstrap resample is
     *     skipped)
     */
    double apply(double[] x, double[] y);
}
