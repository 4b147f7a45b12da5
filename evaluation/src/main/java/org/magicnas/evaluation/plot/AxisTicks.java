package org.magicnas.evaluation.plot;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The range of an axis and its tick marks, with labels.
 *
 * <p>{@link #nice} picks "nice" steps of the form {1, 2, 5} x 10^k: the smallest such step for
 * which the loose range [floor(lo / step) * step, ceil(hi / step) * step] holds at most {@code
 * maxTicks} ticks, and that loose range becomes the axis range. For example [0, 0.93] with 8 ticks
 * at most gives 0, 0.2, ..., 1.0, and [1, 6] gives 1, 2, ..., 6. {@link #within} keeps a fixed
 * range and places nice ticks inside it (for a colour bar over [-1, 1]: -1, -0.5, 0, 0.5, 1);
 * {@link #at} takes explicit tick positions. Tick values are the doubles nearest to their decimal
 * values (0.6, not 0.6000000000000001), and labels show as many decimals as the step needs.
 */
public final class AxisTicks {

    private static final int[] MANTISSAS = {1, 2, 5};
    private static final double SNAP = 1e-9;

    private final double min;
    private final double max;
    private final double step;
    private final double[] values;
    private final List<String> labels;

    private AxisTicks(double min, double max, double step, double[] values, List<String> labels) {
        this.min = min;
        this.max = max;
        this.step = step;
        this.values = values;
        this.labels = List.copyOf(labels);
    }

    /**
     * Returns nice ticks covering [lo, hi], the axis widened to the outer ticks.
     *
     * <p>A degenerate range (lo == hi) is widened to lo +- max(0.5, |lo| / 10) first.
     *
     * @param lo the smallest value to show, finite
     * @param hi the largest value to show, finite, at least lo
     * @param maxTicks the most ticks wanted, at least 2
     * @return the ticks; {@link #min()} &lt;= lo and {@link #max()} &gt;= hi
     * @throws IllegalArgumentException if a bound is not finite, lo &gt; hi or maxTicks &lt; 2
     */
    public static AxisTicks nice(double lo, double hi, int maxTicks) {
        checkRange(lo, hi, maxTicks, true);
        if (lo == hi) {
            double pad = Math.max(0.5, Math.abs(lo) / 10);
            lo -= pad;
            hi += pad;
        }
        for (BigDecimal step = firstStep(hi - lo, maxTicks); ; step = nextStep(step)) {
            double s = step.doubleValue();
            long first = floorSnap(lo / s);
            long last = ceilSnap(hi / s);
            if (last - first + 1 <= maxTicks) {
                return build(first, last, step, tick(first, step), tick(last, step));
            }
        }
    }

    /**
     * Returns nice ticks inside a fixed axis range [lo, hi].
     *
     * @param lo the axis minimum, finite
     * @param hi the axis maximum, finite, greater than lo
     * @param maxTicks the most ticks wanted, at least 2
     * @return the ticks, at least one; the axis range is exactly [lo, hi]
     * @throws IllegalArgumentException if a bound is not finite, lo &gt;= hi or maxTicks &lt; 2
     */
    public static AxisTicks within(double lo, double hi, int maxTicks) {
        checkRange(lo, hi, maxTicks, false);
        for (BigDecimal step = firstStep(hi - lo, maxTicks); ; step = nextStep(step)) {
            double s = step.doubleValue();
            long first = ceilSnap(lo / s);
            long last = floorSnap(hi / s);
            if (last - first + 1 <= maxTicks) {
                if (last < first) {
                    // no multiple of the step inside: fall back to the two ends
                    return at(lo, hi, lo, hi);
                }
                return build(first, last, step, lo, hi);
            }
        }
    }

    /**
     * Returns explicit ticks on an axis range that covers them and [lo, hi].
     *
     * @param lo the smallest value to show, finite
     * @param hi the largest value to show, finite, greater than lo
     * @param ticks the tick positions, finite, at least one
     * @return the ticks, sorted, labelled in shortest decimal form
     * @throws IllegalArgumentException if a value is not finite, lo &gt;= hi or no tick is given
     */
    public static AxisTicks at(double lo, double hi, double... ticks) {
        checkRange(lo, hi, 2, false);
        if (ticks.length == 0) {
            throw new IllegalArgumentException("no tick positions given");
        }
        double[] sorted = ticks.clone();
        Arrays.sort(sorted);
        List<String> labels = new ArrayList<>();
        for (double t : sorted) {
            if (!Double.isFinite(t)) {
                throw new IllegalArgumentException("tick position is not finite: " + t);
            }
            labels.add(Numbers.plain(t));
        }
        return new AxisTicks(Math.min(lo, sorted[0]), Math.max(hi, sorted[sorted.length - 1]),
                Double.NaN, sorted, labels);
    }

    private static void checkRange(double lo, double hi, int maxTicks, boolean allowEqual) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("axis range is not finite: [" + lo + ", " + hi
                    + "]");
        }
        if (!Double.isFinite(hi - lo)) {
            throw new IllegalArgumentException("axis range is too wide: [" + lo + ", " + hi
                    + "]");
        }
        if (allowEqual ? lo > hi : lo >= hi) {
            throw new IllegalArgumentException("axis range is empty: [" + lo + ", " + hi + "]");
        }
        if (maxTicks < 2) {
            throw new IllegalArgumentException("maxTicks must be at least 2: " + maxTicks);
        }
    }

    /** A step a decade below the rough step range / (maxTicks - 1), so the search starts low. */
    private static BigDecimal firstStep(double range, int maxTicks) {
        int exponent = (int) Math.floor(Math.log10(range / (maxTicks - 1))) - 1;
        return BigDecimal.ONE.scaleByPowerOfTen(exponent);
    }

    private static BigDecimal nextStep(BigDecimal step) {
        int mantissa = step.unscaledValue().intValueExact();
        for (int m : MANTISSAS) {
            if (m > mantissa) {
                return BigDecimal.valueOf(m).scaleByPowerOfTen(-step.scale());
            }
        }
        return BigDecimal.ONE.scaleByPowerOfTen(-step.scale() + 1);
    }

    private static long floorSnap(double q) {
        double r = Math.rint(q);
        return Math.abs(q - r) < SNAP ? (long) r : (long) Math.floor(q);
    }

    private static long ceilSnap(double q) {
        double r = Math.rint(q);
        return Math.abs(q - r) < SNAP ? (long) r : (long) Math.ceil(q);
    }

    private static double tick(long index, BigDecimal step) {
        return BigDecimal.valueOf(index).multiply(step).doubleValue();
    }

    private static AxisTicks build(long first, long last, BigDecimal step, double min, double max) {
        int decimals = Math.max(0, step.scale());
        double[] values = new double[(int) (last - first + 1)];
        List<String> labels = new ArrayList<>();
        for (long i = first; i <= last; i++) {
            values[(int) (i - first)] = tick(i, step);
            labels.add(Numbers.fixed(tick(i, step), decimals));
        }
        return new AxisTicks(min, max, step.doubleValue(), values, labels);
    }

    /**
     * Returns the axis minimum.
     *
     * @return the lowest value of the axis
     */
    public double min() {
        return min;
    }

    /**
     * Returns the axis maximum.
     *
     * @return the highest value of the axis
     */
    public double max() {
        return max;
    }

    /**
     * Returns the distance between ticks.
     *
     * @return the nice step, or NaN for explicit ticks ({@link #at})
     */
    public double step() {
        return step;
    }

    /**
     * Returns the tick positions.
     *
     * @return a copy of the tick values, ascending
     */
    public double[] values() {
        return values.clone();
    }

    /**
     * Returns the tick labels.
     *
     * @return one label per value, e.g. "0.0", "0.2", ..., "1.0"
     */
    public List<String> labels() {
        return labels;
    }

    /**
     * Returns the number of ticks.
     *
     * @return the number of values
     */
    public int size() {
        return values.length;
    }

    double value(int i) {
        return values[i];
    }

    @Override
    public String toString() {
        return "AxisTicks[" + min + ", " + max + "; " + labels + "]";
    }
}
