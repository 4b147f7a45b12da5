package org.magicnas.evaluation.rank;

import java.util.Locale;

/**
 * A point estimate with a confidence interval.
 *
 * <p>The estimate need not lie inside the interval (a percentile bootstrap interval can, rarely,
 * exclude it).
 *
 * @param estimate the point estimate
 * @param lower the lower bound, not above {@code upper}
 * @param upper the upper bound
 * @param level the nominal coverage, in (0, 1), e.g. 0.95
 */
public record Interval(double estimate, double lower, double upper, double level) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if a bound is NaN, {@code lower > upper} or {@code level}
     *     is not in (0, 1)
     */
    public Interval {
        if (Double.isNaN(lower) || Double.isNaN(upper)) {
            throw new IllegalArgumentException(
                    "bounds must not be NaN, got [" + lower + ", " + upper + "]");
        }
        if (lower > upper) {
            throw new IllegalArgumentException(
                    "lower must not exceed upper, got [" + lower + ", " + upper + "]");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
    }

    /**
     * Whether the value lies in the closed interval {@code [lower, upper]}.
     *
     * @param value the value
     * @return true if {@code lower <= value <= upper}
     */
    public boolean contains(double value) {
        return lower <= value && value <= upper;
    }

    /**
     * The width of the interval.
     *
     * @return {@code upper - lower}
     */
    public double width() {
        return upper - lower;
    }

    /**
     * Formats the interval with three decimals, e.g. {@code "0.412 [0.301, 0.520]"}.
     *
     * @return the estimate followed by the bounds in brackets
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", estimate, lower, upper);
    }
}
