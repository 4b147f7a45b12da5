package org.magicnas.cli.chart;

import java.awt.Color;
import java.awt.Paint;
import java.io.Serializable;
import org.jfree.chart.renderer.PaintScale;

/**
 * The sequential viridis colour map (dark purple, teal, yellow) over [lower, upper], linear in RGB
 * between ten stops; values outside take the end colours, NaN is grey. JFreeChart has grey and
 * lookup scales but no perceptual map.
 */
public final class Viridis implements PaintScale, Serializable {
    private static final long serialVersionUID = 1L;
    /** The colour of NaN values. */
    public static final Color MISSING = new Color(0xBDBDBD);
    private static final int[] STOPS = {0x440154, 0x482878, 0x3E4989, 0x31688E, 0x26828E, 0x1F9E89, 0x35B779, 0x6ECE58, 0xB5DE2B, 0xFDE725};

    private final double lower;
    private final double upper;

    /**
     * Creates the scale.
     *
     * @param lower the value of the darkest colour
     * @param upper the value of the brightest colour, greater than lower
     * @throws IllegalArgumentException if a bound is not finite or lower &gt;= upper
     */
    public Viridis(double lower, double upper) {
        if (!Double.isFinite(lower) || !Double.isFinite(upper) || lower >= upper) {
            throw new IllegalArgumentException("colour scale needs finite bounds with lower < upper: [" + lower + ", " + upper + "]");
        }
        this.lower = lower;
        this.upper = upper;
    }

    @Override
    public double getLowerBound() {
        return lower;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    @Override
    public Paint getPaint(double value) {
        return color(value);
    }

    /**
     * The colour of a value.
     *
     * @param value the value
     * @return its colour; {@link #MISSING} for NaN
     */
    public Color color(double value) {
        if (Double.isNaN(value)) {
            return MISSING;
        }
        double t = Math.min(1, Math.max(0, (value - lower) / (upper - lower))) * (STOPS.length - 1);
        int i = Math.min((int) Math.floor(t), STOPS.length - 2);
        double f = t - i;
        return new Color(mix(STOPS[i] >> 16, STOPS[i + 1] >> 16, f), mix(STOPS[i] >> 8, STOPS[i + 1] >> 8, f), mix(STOPS[i], STOPS[i + 1], f));
    }

    private static int mix(int a, int b, double f) {
        int lo = a & 0xFF;
        int hi = b & 0xFF;
        return (int) Math.round(lo + (hi - lo) * f);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Viridis v && v.lower == lower && v.upper == upper;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(lower) * 31 + Double.hashCode(upper);
    }
}
