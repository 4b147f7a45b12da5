package org.magicnas.evaluation.plot;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A bar chart of values per category, with one or more series side by side in each category,
 * asymmetric error bars, value labels and a zero line when the axis spans 0 (e.g. Kendall tau per
 * method with bootstrap confidence intervals).
 *
 * <pre>{@code
 * BarChart.builder("spos", "magic-t", "magic-a", "magic-at")
 *         .title("Kendall tau").yLabel("tau")
 *         .series(BarSeries.withInterval("seed 1", tau, lo, hi))
 *         .build()
 *         .write(Path.of("tau.png"));
 * }</pre>
 *
 * <p>Bars rise from 0 (or from the nearest end of a fixed {@link Builder#yRange} that excludes 0).
 * Without a fixed range the y axis covers 0, the values and the interval bounds, with headroom for
 * the value labels, widened to nice ticks. With two or more series a legend is drawn as one row
 * above the plot. Category names too wide for their slot are drawn slanted.
 */
public final class BarChart implements Chart {

    private static final double GROUP_FILL = 0.72;
    private static final double SLANT = Math.PI / 6;

    private final List<String> categories;
    private final List<BarSeries> series;
    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final double[] yRange;
    private final boolean valueLabels;
    private final int decimals;
    private final boolean legend;
    private final PlotStyle style;

    private BarChart(Builder b) {
        this.categories = b.categories;
        this.series = List.copyOf(b.series);
        this.title = b.title;
        this.xLabel = b.xLabel;
        this.yLabel = b.yLabel;
        this.yRange = b.yRange;
        this.valueLabels = b.valueLabels;
        this.decimals = b.decimals;
        this.legend = b.legend == null ? series.size() > 1 : b.legend;
        this.style = b.style;
    }

    /**
     * Starts a chart over categories.
     *
     * @param categories the category names, left to right, at least one
     * @return a builder
     * @throws IllegalArgumentException if there is no category
     */
    public static Builder builder(String... categories) {
        return builder(List.of(categories));
    }

    /**
     * Starts a chart over categories.
     *
     * @param categories the category names, left to right, at least one
     * @return a builder
     * @throws IllegalArgumentException if there is no category
     */
    public static Builder builder(List<String> categories) {
        return new Builder(categories);
    }

    /** The pixel geometry of a rendering. */
    private record Frame(PlotArea area, boolean slanted) {
        double groupWidth(int n) {
            return area.plot.width / (double) n;
        }
    }

    private Frame frame(Canvas c) {
        int maxY = Math.max(3, Math.min(11, style.height() / 70));
        AxisTicks yAxis = yRange != null ? AxisTicks.within(yRange[0], yRange[1], maxY)
                : yTicksFromData(maxY);
        Font tick = style.tickFont();
        int widest = 0;
        for (String name : categories) {
            widest = Math.max(widest, c.width(name, tick));
        }
        int lineH = c.height(tick);
        int w = widest;
        boolean[] slanted = new boolean[1];
        PlotArea area = PlotArea.layout(c, title, xLabel, yLabel, yAxis, plotWidth -> {
            slanted[0] = w > plotWidth / (double) categories.size() - 6;
            int h = slanted[0]
                    ? (int) Math.ceil(w * Math.sin(SLANT) + lineH * Math.cos(SLANT)) : lineH;
            return h + PlotArea.TICK + 4;
        }, 0, legend ? new Legend(legendEntries()).rowHeight(c) + 6 : 0);
        return new Frame(area, slanted[0]);
    }

    private AxisTicks yTicksFromData(int maxTicks) {
        double lo = 0;
        double hi = 0;
        boolean up = false;
        boolean down = false;
        for (BarSeries s : series) {
            for (int i = 0; i < s.size(); i++) {
                double v = s.valueAt(i);
                if (Double.isNaN(v)) {
                    continue;
                }
                up |= v >= 0;
                down |= v < 0;
                lo = min(lo, v, s.lowerAt(i), s.upperAt(i));
                hi = max(hi, v, s.lowerAt(i), s.upperAt(i));
            }
        }
        if (valueLabels && hi > lo) {
            double room = 0.08 * (hi - lo);
            hi += up ? room : 0;
            lo -= down ? room : 0;
        }
        return AxisTicks.nice(lo, hi, maxTicks);
    }

    private static double min(double m, double... vs) {
        for (double v : vs) {
            m = Double.isNaN(v) ? m : Math.min(m, v);
        }
        return m;
    }

    private static double max(double m, double... vs) {
        for (double v : vs) {
            m = Double.isNaN(v) ? m : Math.max(m, v);
        }
        return m;
    }

    private List<Legend.Entry> legendEntries() {
        List<Legend.Entry> entries = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            entries.add(new Legend.Entry(series.get(s).name(), style.seriesColor(s), true));
        }
        return entries;
    }

    private Rectangle2D bar(Frame f, int s, int category) {
        Rectangle plot = f.area.plot;
        double gw = f.groupWidth(categories.size());
        double inner = gw * GROUP_FILL;
        double bw = inner / series.size();
        double x = plot.x + gw * category + (gw - inner) / 2 + bw * s;
        double gap = series.size() > 1 ? Math.min(2, bw * 0.1) : 0;
        double v = series.get(s).valueAt(category);
        double top = f.area.py(Math.max(v, baseline(f)));
        double bottom = f.area.py(Math.min(v, baseline(f)));
        return new Rectangle2D.Double(x + gap / 2, top, bw - gap, bottom - top);
    }

    private static double baseline(Frame f) {
        return Math.max(f.area.y.min(), Math.min(f.area.y.max(), 0));
    }

    /**
     * Returns the pixel bounds of a bar, as {@link #render()} draws it (for tests).
     *
     * @param s the series
     * @param category the category
     * @return the bar's rectangle
     */
    Rectangle2D barBounds(int s, int category) {
        Canvas c = Canvas.create(style);
        Frame f = frame(c);
        c.finish();
        return bar(f, s, category);
    }

    /**
     * Returns the pixel row of y = 0 (for tests).
     *
     * @return the row, possibly outside the plot
     */
    double zeroRow() {
        Canvas c = Canvas.create(style);
        Frame f = frame(c);
        c.finish();
        return f.area.py(0);
    }

    @Override
    public BufferedImage render() {
        Canvas c = Canvas.create(style);
        Frame f = frame(c);
        PlotArea area = f.area;
        Rectangle plot = area.plot;
        area.drawFrame(c);
        for (int s = 0; s < series.size(); s++) {
            for (int k = 0; k < categories.size(); k++) {
                if (!Double.isNaN(series.get(s).valueAt(k))) {
                    c.g.setColor(style.seriesColor(s));
                    c.g.fill(bar(f, s, k));
                }
            }
        }
        double zero = area.py(0);
        if (area.y.min() < 0 && area.y.max() > 0) {
            c.g.setColor(PlotStyle.INK);
            c.g.setStroke(new BasicStroke(1.5f));
            c.g.draw(new Line2D.Double(plot.x, zero, plot.x + plot.width, zero));
        }
        for (int s = 0; s < series.size(); s++) {
            for (int k = 0; k < categories.size(); k++) {
                drawInterval(c, f, s, k);
            }
        }
        area.drawAxes(c);
        drawCategories(c, f);
        if (legend) {
            Legend l = new Legend(legendEntries());
            l.drawRow(c, plot.getCenterX(), area.extraTop(c));
        }
        return c.finish();
    }

    private void drawInterval(Canvas c, Frame f, int s, int k) {
        BarSeries bs = series.get(s);
        Rectangle2D r = bar(f, s, k);
        double cx = r.getCenterX();
        double v = bs.valueAt(k);
        double lo = bs.lowerAt(k);
        double hi = bs.upperAt(k);
        c.g.setColor(PlotStyle.INK);
        c.g.setStroke(new BasicStroke(1.5f));
        double cap = Math.min(12, r.getWidth() * 0.4) / 2;
        if (!Double.isNaN(v)) {
            for (double bound : new double[] {lo, hi}) {
                if (!Double.isNaN(bound)) {
                    double py = f.area.py(bound);
                    c.g.draw(new Line2D.Double(cx, f.area.py(v), cx, py));
                    c.g.draw(new Line2D.Double(cx - cap, py, cx + cap, py));
                }
            }
        }
        if (!valueLabels) {
            return;
        }
        Font font = style.font(Math.max(6, style.tickSize() - 1));
        if (Double.isNaN(v)) {
            c.text("n/a", font, PlotStyle.INK, cx, f.area.py(baseline(f)) - 3, 0.5, 1);
        } else if (v >= 0) {
            double top = Math.min(f.area.py(v), Double.isNaN(hi) ? Double.MAX_VALUE
                    : f.area.py(hi));
            c.text(Numbers.fixed(v, decimals), font, PlotStyle.INK, cx, top - 3, 0.5, 1);
        } else {
            double bottom = Math.max(f.area.py(v), Double.isNaN(lo) ? -Double.MAX_VALUE
                    : f.area.py(lo));
            c.text(Numbers.fixed(v, decimals), font, PlotStyle.INK, cx, bottom + 3, 0.5, 0);
        }
    }

    private void drawCategories(Canvas c, Frame f) {
        Rectangle plot = f.area.plot;
        double gw = f.groupWidth(categories.size());
        for (int k = 0; k < categories.size(); k++) {
            double cx = plot.x + gw * (k + 0.5);
            if (f.slanted) {
                c.rotatedText(categories.get(k), style.tickFont(), PlotStyle.INK, cx + 4,
                        f.area.xTickTop(), -SLANT, 1, 0);
            } else {
                c.text(categories.get(k), style.tickFont(), PlotStyle.INK, cx, f.area.xTickTop(),
                        0.5, 0);
            }
        }
    }

    /** Configures a {@link BarChart}; every setter returns this builder. */
    public static final class Builder extends AxisChartBuilder<Builder> {

        private final List<String> categories;
        private final List<BarSeries> series = new ArrayList<>();
        private boolean valueLabels = true;
        private int decimals = 2;

        private Builder(List<String> categories) {
            this.categories = List.copyOf(categories);
            if (this.categories.isEmpty()) {
                throw new IllegalArgumentException("bar chart has no categories");
            }
        }

        /**
         * Adds a series, drawn as the next bar in every category.
         *
         * @param s the series, one value per category
         * @return this builder
         * @throws IllegalArgumentException if the series length differs from the category count
         */
        public Builder series(BarSeries s) {
            Objects.requireNonNull(s, "series");
            if (s.size() != categories.size()) {
                throw new IllegalArgumentException("bar series '" + s.name() + "' has "
                        + s.size() + " values for " + categories.size() + " categories "
                        + categories);
            }
            series.add(s);
            return this;
        }

        /**
         * Adds a series without error bars.
         *
         * @param name the legend name
         * @param values one value per category
         * @return this builder
         */
        public Builder series(String name, double... values) {
            return series(BarSeries.of(name, values));
        }

        /**
         * Adds a series with interval bounds.
         *
         * @param name the legend name
         * @param values one value per category
         * @param lower the lower bounds
         * @param upper the upper bounds
         * @return this builder
         */
        public Builder series(String name, double[] values, double[] lower, double[] upper) {
            return series(BarSeries.withInterval(name, values, lower, upper));
        }

        /**
         * Draws or omits each bar's value above it (below it for negative values); on by default.
         *
         * @param show whether to draw value labels
         * @return this builder
         */
        public Builder valueLabels(boolean show) {
            this.valueLabels = show;
            return this;
        }

        /**
         * Sets the decimals of the value labels; 2 by default.
         *
         * @param digits digits after the point, 0 to 10
         * @return this builder
         * @throws IllegalArgumentException if digits is out of range
         */
        public Builder decimals(int digits) {
            if (digits < 0 || digits > 10) {
                throw new IllegalArgumentException("decimals must be in [0, 10]: " + digits);
            }
            this.decimals = digits;
            return this;
        }

        /**
         * Builds the chart.
         *
         * @return the chart
         * @throws IllegalArgumentException if no series was added
         */
        public BarChart build() {
            if (series.isEmpty()) {
                throw new IllegalArgumentException("bar chart has no series");
            }
            return new BarChart(this);
        }
    }
}
