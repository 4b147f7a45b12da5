package org.magicnas.evaluation.rank;

import java.util.Objects;

/**
 * The outcome of a {@link Bootstrap}: the percentile interval, the bootstrap standard error and
 * how many resamples gave a finite statistic.
 *
 * @param interval the point estimate on the full data with its percentile interval
 * @param standardError the standard deviation (denominator {@code B-1}) of the statistic over
 *     the finite resamples
 * @param finiteResamples how many resamples gave a finite statistic and were used
 */
public record BootstrapResult(Interval interval, double standardError, int finiteResamples) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException if {@code interval} is null
     * @throws IllegalArgumentException if {@code standardError} is negative or NaN, or {@code
     *     finiteResamples} is negative
     */
    public BootstrapResult {
        Objects.requireNonNull(interval, "interval");
        if (!(standardError >= 0)) {
            throw new IllegalArgumentException(
                    "standardError must be >= 0, got " + standardError);
        }
        if (finiteResamples < 0) {
            throw new IllegalArgumentException(
                    "finiteResamples must be >= 0, got " + finiteResamples);
        }
    }

    /**
     * The point estimate, the statistic on the full data.
     *
     * @return {@code interval().estimate()}
     */
    public double estimate() {
        return interval.estimate();
    }
}
