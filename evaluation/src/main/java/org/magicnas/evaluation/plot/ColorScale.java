package org.magicnas.evaluation.plot;

import java.awt.Color;
import java.util.Objects;

/**
 * Maps values in [min, max] linearly onto a {@link Palette}; values outside are clamped.
 *
 * @param palette the colour map
 * @param min the value drawn with the bottom colour, finite
 * @param max the value drawn with the top colour, finite, greater than min
 */
public record ColorScale(Palette palette, double min, double max) {

    /**
     * Creates a scale.
     *
     * @param palette the colour map
     * @param min the value of the bottom colour
     * @param max the value of the top colour
     * @throws IllegalArgumentException if a bound is not finite or min &gt;= max
     */
    public ColorScale {
        Objects.requireNonNull(palette, "palette");
        if (!Double.isFinite(min) || !Double.isFinite(max) || min >= max) {
            throw new IllegalArgumentException(
                    "colour scale range must be finite with min < max: [" + min + ", " + max + "]");
        }
    }

    /**
     * Returns a scale over the finite values of a matrix, [smallest, largest].
     *
     * <p>If all finite values are equal, v, the range is v +- 0.5.
     *
     * @param palette the colour map
     * @param matrix the values; NaN entries are ignored
     * @return the scale
     * @throws IllegalArgumentException if the matrix has no finite value
     */
    public static ColorScale auto(Palette palette, double[][] matrix) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] row : matrix) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo > hi) {
            throw new IllegalArgumentException("matrix has no finite value to scale colours by");
        }
        return lo == hi ? new ColorScale(palette, lo - 0.5, hi + 0.5)
                : new ColorScale(palette, lo, hi);
    }

    /**
     * Returns the colour of a value.
     *
     * @param value the value; clamped to [min, max]
     * @return its colour
     * @throws IllegalArgumentException if the value is NaN
     */
    public Color colorOf(double value) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("cannot colour NaN");
        }
        return palette.at((value - min) / (max - min));
    }

    /**
     * Returns the colour of {@link #max()}.
     *
     * @return the top colour of the scale
     */
    public Color top() {
        return palette.at(1);
    }

    /**
     * Returns the colour of {@link #min()}.
     *
     * @return the bottom colour of the scale
     */
    public Color bottom() {
        return palette.at(0);
    }
}
