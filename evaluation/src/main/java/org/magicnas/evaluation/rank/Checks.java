package org.magicnas.evaluation.rank;

import java.util.Objects;

/** Argument validation shared by the package; every failure names the offending value. */
final class Checks {

    private Checks() {}

    /**
     * Requires two non-null arrays of the same length, at least 2 items, and no NaN values.
     *
     * @param xName the name of the first array in messages
     * @param x the first array
     * @param yName the name of the second array in messages
     * @param y the second array
     * @return the common length
     */
    static int paired(String xName, double[] x, String yName, double[] y) {
        Objects.requireNonNull(x, xName);
        Objects.requireNonNull(y, yName);
        if (x.length != y.length) {
            throw new IllegalArgumentException(xName + " and " + yName
                    + " must have the same length, got " + x.length + " and " + y.length);
        }
        atLeastTwo(xName, x);
        noNaN(xName, x);
        noNaN(yName, y);
        return x.length;
    }

    /**
     * Requires a non-null array of at least 2 items without NaN values.
     *
     * @param name the name of the array in messages
     * @param values the array
     * @return its length
     */
    static int single(String name, double[] values) {
        Objects.requireNonNull(values, name);
        atLeastTwo(name, values);
        noNaN(name, values);
        return values.length;
    }

    private static void atLeastTwo(String name, double[] values) {
        if (values.length < 2) {
            throw new IllegalArgumentException(
                    name + " needs at least 2 items, got " + values.length);
        }
    }

    private static void noNaN(String name, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is NaN");
            }
        }
    }

    /**
     * Compares two non-NaN values numerically, treating {@code -0.0} and {@code 0.0} as equal
     * (unlike {@link Double#compare}).
     *
     * @param a the first value
     * @param b the second value
     * @return negative, zero or positive as {@code a} is less than, equal to or greater than {@code b}
     */
    static int compare(double a, double b) {
        return a < b ? -1 : (a > b ? 1 : 0);
    }
}
