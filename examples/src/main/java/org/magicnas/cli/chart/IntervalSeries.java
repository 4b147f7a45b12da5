package org.magicnas.cli.chart;

import java.util.Arrays;
import java.util.Objects;

/**
 * One named curve of an {@link IntervalLineChart}: points (x, y) with an interval [lower, upper]
 * around each y (e.g. a mean and its 95% interval, or Kendall tau and its bootstrap interval).
 *
 * <p>The arrays are copied, so the series is immutable.
 *
 * @param name the legend name, not blank
 * @param x the x values, finite and strictly increasing, at least one
 * @param y the y values, finite, one per x value
 * @param lower the lower interval bounds, finite, lower[i] &lt;= y[i]
 * @param upper the upper interval bounds, finite, upper[i] &gt;= y[i]
 */
public record IntervalSeries(String name, double[] x, double[] y, double[] lower, double[] upper) {

    /**
     * Checks and copies a series.
     *
     * @param name the legend name
     * @param x the x values, copied
     * @param y the y values, copied
     * @param lower the lower bounds, copied
     * @param upper the upper bounds, copied
     * @throws IllegalArgumentException if the name is blank, the arrays are empty or differ in
     *     length, a value is not finite, x is not strictly increasing or a bound is on the wrong side
     *     of its y value
     */
    public IntervalSeries {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("series name is blank");
        }
        x = Objects.requireNonNull(x, "x").clone();
        y = Objects.requireNonNull(y, "y").clone();
        lower = Objects.requireNonNull(lower, "lower").clone();
        upper = Objects.requireNonNull(upper, "upper").clone();
        if (x.length == 0) {
            throw new IllegalArgumentException("series '" + name + "' has no points");
        }
        if (y.length != x.length || lower.length != x.length || upper.length != x.length) {
            throw new IllegalArgumentException("series '" + name + "' has " + x.length + " x values but " + y.length + " y values, " + lower.length
                    + " lower and " + upper.length + " upper bounds");
        }
        for (int i = 0; i < x.length; i++) {
            finite(name, "x", i, x[i]);
            finite(name, "y", i, y[i]);
            finite(name, "lower", i, lower[i]);
            finite(name, "upper", i, upper[i]);
            if (i > 0 && x[i] <= x[i - 1]) {
                throw new IllegalArgumentException("series '" + name + "': x values must be strictly increasing, x[" + i + "] = " + x[i] + " after "
                        + x[i - 1]);
            }
            if (lower[i] > y[i] || upper[i] < y[i]) {
                throw new IllegalArgumentException("series '" + name + "': interval [" + lower[i] + ", " + upper[i] + "] at x[" + i + "] = " + x[i]
                        + " does not contain y = " + y[i]);
            }
        }
    }

    private static void finite(String name, String what, int i, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("series '" + name + "' has a non-finite " + what + "[" + i + "]: " + v);
        }
    }

    /**
     * A series with symmetric intervals y +- halfWidth.
     *
     * @param name the legend name
     * @param x the x values
     * @param y the y values
     * @param halfWidth the half-widths, finite and non-negative
     * @return the series
     * @throws IllegalArgumentException if a half-width is negative or not finite, or as the constructor
     */
    public static IntervalSeries symmetric(String name, double[] x, double[] y, double[] halfWidth) {
        Objects.requireNonNull(halfWidth, "halfWidth");
        if (halfWidth.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "' has " + halfWidth.length + " half-widths for " + y.length + " y values");
        }
        double[] lo = new double[y.length];
        double[] hi = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            if (!(halfWidth[i] >= 0) || Double.isInfinite(halfWidth[i])) {
                throw new IllegalArgumentException("series '" + name + "' has an invalid half-width[" + i + "]: " + halfWidth[i]
                        + " (must be finite and >= 0)");
            }
            lo[i] = y[i] - halfWidth[i];
            hi[i] = y[i] + halfWidth[i];
        }
        return new IntervalSeries(name, x, y, lo, hi);
    }

    /** @return a copy of the x values */
    @Override
    public double[] x() {
        return x.clone();
    }

    /** @return a copy of the y values */
    @Override
    public double[] y() {
        return y.clone();
    }

    /** @return a copy of the lower bounds */
    @Override
    public double[] lower() {
        return lower.clone();
    }

    /** @return a copy of the upper bounds */
    @Override
    public double[] upper() {
        return upper.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntervalSeries s && name.equals(s.name) && Arrays.equals(x, s.x) && Arrays.equals(y, s.y) && Arrays.equals(lower, s.lower)
                && Arrays.equals(upper, s.upper);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(x), Arrays.hashCode(y), Arrays.hashCode(lower), Arrays.hashCode(upper));
    }

    @Override
    public String toString() {
        return "IntervalSeries[" + name + ", x=" + Arrays.toString(x) + ", y=" + Arrays.toString(y) + ", lower=" + Arrays.toString(lower) + ", upper="
                + Arrays.toString(upper) + "]";
    }
}
