package org.magicnas.evaluation.plot;

import java.util.Objects;

/**
 * What charts with x and y axes and a legend of series also set: axis titles, a fixed y range and
 * whether the legend is drawn.
 *
 * @param <B> the concrete builder
 */
public abstract class AxisChartBuilder<B extends AxisChartBuilder<B>> extends ChartBuilder<B> {
    String xLabel = "";
    String yLabel = "";
    double[] yRange;
    Boolean legend;

    AxisChartBuilder() {}

    /**
     * Sets the x-axis title, drawn below the tick labels.
     *
     * @param text the label; empty for none
     * @return this builder
     */
    public B xLabel(String text) {
        this.xLabel = Objects.requireNonNull(text, "xLabel");
        return self();
    }

    /**
     * Sets the y-axis title, drawn rotated left of the axis.
     *
     * @param text the label; empty for none
     * @return this builder
     */
    public B yLabel(String text) {
        this.yLabel = Objects.requireNonNull(text, "yLabel");
        return self();
    }

    /**
     * Fixes the y axis range (e.g. [-1, 1] for a correlation); data outside is clipped, and bars rise
     * from the end of the range nearest to 0.
     *
     * @param min the axis minimum
     * @param max the axis maximum, greater than min
     * @return this builder
     * @throws IllegalArgumentException if a bound is not finite or min &gt;= max
     */
    public B yRange(double min, double max) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || min >= max) {
            throw new IllegalArgumentException("y range must be finite with min < max: [" + min + ", " + max + "]");
        }
        this.yRange = new double[] {min, max};
        return self();
    }

    /**
     * Shows or hides the legend; by default it is shown when there are two or more series.
     *
     * @param show whether to draw the legend
     * @return this builder
     */
    public B legend(boolean show) {
        this.legend = show;
        return self();
    }
}
