package org.magicnas.evaluation.plot;

import java.util.Arrays;
import java.util.Objects;

/**
 * One named curve of a {@link LineChart}: a y value per x value and optional error half-widths.
 *
 * <p>NaN y values leave gaps in the line; NaN error half-widths draw no error at that point.
 * The arrays are copied, so the series is immutable.
 *
 * @param name the legend name, not null (may be empty)
 * @param y the y values, one per x value of the chart; finite or NaN, not all NaN
 * @param error the error half-widths (e.g. a standard deviation), same length as y, each finite
 *     and non-negative or NaN; or null for none
 */
public record LineSeries(String name, double[] y, double[] error) {

    /**
     * Creates a series.
     *
     * @param name the legend name
     * @param y the y values, copied
     * @param error the error half-widths, copied, or null
     * @throws IllegalArgumentException if y is empty, infinite or all NaN, or an error half-width
     *     is negative or infinite, or the error array's length differs from y's
     */
    public LineSeries {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(y, "y");
        y = y.clone();
        if (y.length == 0) {
            throw new IllegalArgumentException("series '" + name + "' has no y values");
        }
        boolean anyFinite = false;
        for (int i = 0; i < y.length; i++) {
            if (Double.isInfinite(y[i])) {
                throw new IllegalArgumentException(
                        "series '" + name + "' has an infinite y[" + i + "]: " + y[i]);
            }
            anyFinite |= Double.isFinite(y[i]);
        }
        if (!anyFinite) {
            throw new IllegalArgumentException("series '" + name + "' has only NaN y values");
        }
        if (error != null) {
            error = error.clone();
            if (error.length != y.length) {
                throw new IllegalArgumentException("series '" + name + "' has " + error.length
                        + " error half-widths for " + y.length + " y values");
            }
            for (int i = 0; i < error.length; i++) {
                if (Double.isInfinite(error[i]) || error[i] < 0) {
                    throw new IllegalArgumentException("series '" + name
                            + "' has an invalid error half-width error[" + i + "]: " + error[i]
                            + " (must be finite and >= 0, or NaN)");
                }
            }
        }
    }

    /**
     * Creates a series without errors.
     *
     * @param name the legend name
     * @param y the y values
     * @return the series
     */
    public static LineSeries of(String name, double... y) {
        return new LineSeries(name, y, null);
    }

    /**
     * Creates a series with symmetric error half-widths.
     *
     * @param name the legend name
     * @param y the y values
     * @param error the error half-widths, one per y value
     * @return the series
     */
    public static LineSeries withError(String name, double[] y, double[] error) {
        return new LineSeries(name, y, Objects.requireNonNull(error, "error"));
    }

    /**
     * Returns a copy of the y values.
     *
     * @return the y values
     */
    @Override
    public double[] y() {
        return y.clone();
    }

    /**
     * Returns a copy of the error half-widths.
     *
     * @return the half-widths, or null if the series has none
     */
    @Override
    public double[] error() {
        return error == null ? null : error.clone();
    }

    /**
     * Returns whether the series has error half-widths.
     *
     * @return true if {@link #error()} is not null
     */
    public boolean hasError() {
        return error != null;
    }

    double yAt(int i) {
        return y[i];
    }

    double errorAt(int i) {
        return error == null ? Double.NaN : error[i];
    }

    int size() {
        return y.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LineSeries s && name.equals(s.name) && Arrays.equals(y, s.y)
                && Arrays.equals(error, s.error);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(y), Arrays.hashCode(error));
    }

    @Override
    public String toString() {
        return "LineSeries[" + name + ", y=" + Arrays.toString(y)
                + (error == null ? "" : ", error=" + Arrays.toString(error)) + "]";
    }
}
