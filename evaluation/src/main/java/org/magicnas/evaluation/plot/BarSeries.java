package org.magicnas.evaluation.plot;

import java.util.Arrays;
import java.util.Objects;

/**
 * One named set of bars of a {@link BarChart}, a value per category, with optional asymmetric
 * error bars given as interval bounds (e.g. a bootstrap confidence interval [lower, upper]).
 *
 * <p>A NaN value draws no bar (labelled "n/a"); a NaN bound draws no whisker on that side. The
 * arrays are copied, so the series is immutable.
 *
 * @param name the legend name, not null (may be empty)
 * @param values the bar heights, finite or NaN, not all NaN
 * @param lower the lower interval bounds, same length, lower[i] &lt;= values[i]; or null for none
 * @param upper the upper interval bounds, same length, upper[i] &gt;= values[i]; or null for none
 */
public record BarSeries(String name, double[] values, double[] lower, double[] upper) {

    /**
     * Creates a series.
     *
     * @param name the legend name
     * @param values the bar heights, copied
     * @param lower the lower bounds, copied, or null
     * @param upper the upper bounds, copied, or null
     * @throws IllegalArgumentException if values is empty, infinite or all NaN, exactly one of
     *     lower and upper is null, a bounds array has the wrong length, or a bound is infinite
     *     or on the wrong side of its value
     */
    public BarSeries {
        Objects.requireNonNull(name, "name");
        values = Objects.requireNonNull(values, "values").clone();
        if (values.length == 0) {
            throw new IllegalArgumentException("bar series '" + name + "' has no values");
        }
        boolean anyFinite = false;
        for (int i = 0; i < values.length; i++) {
            if (Double.isInfinite(values[i])) {
                throw new IllegalArgumentException(
                        "bar series '" + name + "' has an infinite values[" + i + "]: " + values[i]);
            }
            anyFinite |= Double.isFinite(values[i]);
        }
        if (!anyFinite) {
            throw new IllegalArgumentException("bar series '" + name + "' has only NaN values");
        }
        if ((lower == null) != (upper == null)) {
            throw new IllegalArgumentException(
                    "bar series '" + name + "' needs both lower and upper bounds, or neither");
        }
        if (lower != null) {
            lower = checkBounds(name, "lower", lower, values, -1);
            upper = checkBounds(name, "upper", upper, values, 1);
        }
    }

    private static double[] checkBounds(String name, String side, double[] bounds,
            double[] values, int sign) {
        if (bounds.length != values.length) {
            throw new IllegalArgumentException("bar series '" + name + "' has " + bounds.length
                    + " " + side + " bounds for " + values.length + " values");
        }
        double[] copy = bounds.clone();
        for (int i = 0; i < copy.length; i++) {
            if (Double.isInfinite(copy[i])) {
                throw new IllegalArgumentException("bar series '" + name + "' has an infinite "
                        + side + "[" + i + "]: " + copy[i]);
            }
            if (!Double.isNaN(values[i]) && !Double.isNaN(copy[i])
                    && sign * (copy[i] - values[i]) < 0) {
                throw new IllegalArgumentException("bar series '" + name + "': " + side + "[" + i
                        + "] = " + copy[i] + " is on the wrong side of values[" + i + "] = "
                        + values[i]);
            }
        }
        return copy;
    }

    /**
     * Creates a series without error bars.
     *
     * @param name the legend name
     * @param values the bar heights
     * @return the series
     */
    public static BarSeries of(String name, double... values) {
        return new BarSeries(name, values, null, null);
    }

    /**
     * Creates a series with interval bounds (e.g. a 95% bootstrap confidence interval).
     *
     * @param name the legend name
     * @param values the bar heights
     * @param lower the lower bounds, one per value
     * @param upper the upper bounds, one per value
     * @return the series
     */
    public static BarSeries withInterval(String name, double[] values, double[] lower,
            double[] upper) {
        return new BarSeries(name, values, Objects.requireNonNull(lower, "lower"),
                Objects.requireNonNull(upper, "upper"));
    }

    /**
     * Returns a copy of the bar heights.
     *
     * @return the values
     */
    @Override
    public double[] values() {
        return values.clone();
    }

    /**
     * Returns a copy of the lower bounds.
     *
     * @return the lower bounds, or null if the series has no error bars
     */
    @Override
    public double[] lower() {
        return lower == null ? null : lower.clone();
    }

    /**
     * Returns a copy of the upper bounds.
     *
     * @return the upper bounds, or null if the series has no error bars
     */
    @Override
    public double[] upper() {
        return upper == null ? null : upper.clone();
    }

    int size() {
        return values.length;
    }

    double valueAt(int i) {
        return values[i];
    }

    double lowerAt(int i) {
        return lower == null ? Double.NaN : lower[i];
    }

    double upperAt(int i) {
        return upper == null ? Double.NaN : upper[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BarSeries s && name.equals(s.name) && Arrays.equals(values, s.values)
                && Arrays.equals(lower, s.lower) && Arrays.equals(upper, s.upper);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(values), Arrays.hashCode(lower),
                Arrays.hashCode(upper));
    }

    @Override
    public String toString() {
        return "BarSeries[" + name + ", values=" + Arrays.toString(values)
                + (lower == null ? "" : ", lower=" + Arrays.toString(lower) + ", upper="
                        + Arrays.toString(upper)) + "]";
    }
}
