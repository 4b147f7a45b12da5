package org.magicnas.evaluation.plot;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A line chart of one or more named series over shared x values, with optional error bars or
 * error bands, nice ticks, grid lines and a legend (e.g. mean cosine similarity vs m, or Kendall
 * tau vs k).
 *
 * <pre>{@code
 * LineChart.builder(1, 2, 3, 4)
 *         .title("Mean cosine similarity vs m").xLabel("m").yLabel("cosine similarity")
 *         .series(LineSeries.withError("layer 1", y1, sd1))
 *         .series(LineSeries.of("layer 12", y12))
 *         .build()
 *         .write(Path.of("cosine-vs-m.png"));
 * }</pre>
 *
 * <p>The y axis spans the data (with errors) plus 4% on each side, widened to nice ticks, or a
 * fixed {@link Builder#yRange}; the x axis spans the x values widened to nice ticks, or covers explicit {@link
 * Builder#xTicks} (whose labels are thinned where they would overlap). The legend, shown by default when there are two or more series, goes into
 * the corner of the plot that hides the least data.
 */
public final class LineChart implements Chart {

    private static final double MARKER = 4.5;

    private final double[] x;
    private final List<LineSeries> series;
    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final ErrorStyle errorStyle;
    private final double[] yRange;
    private final double[] xTicks;
    private final boolean legend;
    private final boolean markers;
    private final PlotStyle style;

    private LineChart(Builder b) {
        this.x = b.x;
        this.series = List.copyOf(b.series);
        this.title = b.title;
        this.xLabel = b.xLabel;
        this.yLabel = b.yLabel;
        this.errorStyle = b.errorStyle;
        this.yRange = b.yRange;
        this.xTicks = b.xTicks;
        this.legend = b.legend == null ? series.size() > 1 : b.legend;
        this.markers = b.markers;
        this.style = b.style;
    }

    /**
     * Starts a chart over x values.
     *
     * @param x the x values, finite and strictly increasing, at least one
     * @return a builder
     * @throws IllegalArgumentException if x is empty, not finite or not strictly increasing
     */
    public static Builder builder(double... x) {
        return new Builder(x);
    }

    /** The pixel geometry of a rendering: the frame and the x axis, padded by 3% each side. */
    private record Frame(PlotArea area, AxisTicks xAxis) {
        double px(double v) {
            Rectangle p = area.plot;
            double pad = 0.03 * (xAxis.max() - xAxis.min());
            return p.x + p.width * (v - xAxis.min() + pad) / (xAxis.max() - xAxis.min() + 2 * pad);
        }
    }

    private Frame frame(Canvas c) {
        int maxX = Math.max(3, Math.min(11, style.width() / 90));
        AxisTicks xAxis = xTicks != null ? AxisTicks.at(x[0], x[x.length - 1] > x[0]
                ? x[x.length - 1] : x[0] + 1, xTicks) : AxisTicks.nice(x[0], x[x.length - 1], maxX);
        int maxY = Math.max(3, Math.min(11, style.height() / 70));
        AxisTicks yAxis = yRange != null ? AxisTicks.within(yRange[0], yRange[1], maxY)
                : yTicksFromData(maxY);
        List<String> xl = xAxis.labels();
        int rightPad = c.width(xl.get(xl.size() - 1), style.tickFont()) / 2;
        int band = c.height(style.tickFont()) + PlotArea.TICK + 4;
        PlotArea area = PlotArea.layout(c, title, xLabel, yLabel, yAxis, w -> band, rightPad);
        return new Frame(area, xAxis);
    }

    private AxisTicks yTicksFromData(int maxTicks) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (LineSeries s : series) {
            for (int i = 0; i < s.size(); i++) {
                double v = s.yAt(i);
                if (Double.isFinite(v)) {
                    double e = Double.isNaN(s.errorAt(i)) ? 0 : s.errorAt(i);
                    lo = Math.min(lo, v - e);
                    hi = Math.max(hi, v + e);
                }
            }
        }
        double pad = 0.04 * (hi - lo);
        return AxisTicks.nice(lo - pad, hi + pad, maxTicks);
    }

    /**
     * Returns the pixel centre of a data point, as {@link #render()} draws it (for tests).
     *
     * @param seriesIndex the series
     * @param i the point
     * @return its pixel position
     */
    Point2D pixelOf(int seriesIndex, int i) {
        Canvas c = Canvas.create(style);
        Frame f = frame(c);
        c.finish();
        return new Point2D.Double(f.px(x[i]), f.area.py(series.get(seriesIndex).yAt(i)));
    }

    @Override
    public BufferedImage render() {
        Canvas c = Canvas.create(style);
        Frame f = frame(c);
        PlotArea area = f.area;
        Rectangle plot = area.plot;
        area.drawFrame(c);
        drawXAxis(c, f);
        area.drawAxes(c);
        Shape savedClip = c.g.getClip();
        c.g.clip(new Rectangle(plot.x - 8, plot.y - 8, plot.width + 16, plot.height + 16));
        List<Rectangle2D> obstacles = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            drawSeries(c, f, series.get(s), style.seriesColor(s), obstacles);
        }
        c.g.setClip(savedClip);
        if (legend) {
            List<Legend.Entry> entries = new ArrayList<>();
            for (int s = 0; s < series.size(); s++) {
                entries.add(new Legend.Entry(series.get(s).name(), style.seriesColor(s), false));
            }
            Legend l = new Legend(entries);
            l.draw(c, l.place(c, plot, obstacles));
        }
        return c.finish();
    }

    private void drawXAxis(Canvas c, Frame f) {
        Rectangle plot = f.area.plot;
        int bottom = plot.y + plot.height;
        AxisTicks xAxis = f.xAxis;
        double lastRight = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < xAxis.size(); i++) {
            double px = f.px(xAxis.value(i));
            c.g.setColor(PlotStyle.GRID);
            PlotArea.hairline(c, px, plot.y, px, bottom);
            c.g.setColor(PlotStyle.INK);
            PlotArea.hairline(c, px, bottom, px, bottom + PlotArea.TICK);
            String label = xAxis.labels().get(i);
            double half = c.width(label, style.tickFont()) / 2.0;
            if (px - half >= lastRight + 4) {
                // explicit ticks may crowd: labels that would overlap the previous one are left out
                c.text(label, style.tickFont(), PlotStyle.INK, px, f.area.xTickTop(), 0.5, 0);
                lastRight = px + half;
            }
        }
    }

    private void drawSeries(Canvas c, Frame f, LineSeries s, Color color,
            List<Rectangle2D> obstacles) {
        int n = x.length;
        double[] px = new double[n];
        double[] py = new double[n];
        for (int i = 0; i < n; i++) {
            px[i] = f.px(x[i]);
            py[i] = Double.isNaN(s.yAt(i)) ? Double.NaN : f.area.py(s.yAt(i));
        }
        if (s.hasError() && errorStyle == ErrorStyle.BAND) {
            drawBand(c, f, s, px, color);
        }
        c.g.setColor(color);
        if (s.hasError() && errorStyle == ErrorStyle.BARS) {
            c.g.setStroke(new BasicStroke(1.5f));
            for (int i = 0; i < n; i++) {
                double e = s.errorAt(i);
                if (!Double.isNaN(py[i]) && !Double.isNaN(e)) {
                    double top = f.area.py(s.yAt(i) + e);
                    double low = f.area.py(s.yAt(i) - e);
                    c.g.draw(new Line2D.Double(px[i], top, px[i], low));
                    c.g.draw(new Line2D.Double(px[i] - 5, top, px[i] + 5, top));
                    c.g.draw(new Line2D.Double(px[i] - 5, low, px[i] + 5, low));
                    obstacles.add(new Rectangle2D.Double(px[i] - 5, top, 10, low - top));
                }
            }
        }
        c.g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int i = 0; i + 1 < n; i++) {
            if (!Double.isNaN(py[i]) && !Double.isNaN(py[i + 1])) {
                c.g.draw(new Line2D.Double(px[i], py[i], px[i + 1], py[i + 1]));
                for (int k = 1; k < 10; k++) {
                    double t = k / 10.0;
                    obstacles.add(new Rectangle2D.Double(px[i] + t * (px[i + 1] - px[i]) - 3,
                            py[i] + t * (py[i + 1] - py[i]) - 3, 6, 6));
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(py[i])) {
                boolean isolated = (i == 0 || Double.isNaN(py[i - 1]))
                        && (i == n - 1 || Double.isNaN(py[i + 1]));
                if (markers || isolated) {
                    c.g.fill(new Ellipse2D.Double(px[i] - MARKER, py[i] - MARKER, 2 * MARKER,
                            2 * MARKER));
                }
                obstacles.add(new Rectangle2D.Double(px[i] - 6, py[i] - 6, 12, 12));
            }
        }
    }

    private void drawBand(Canvas c, Frame f, LineSeries s, double[] px, Color color) {
        int n = x.length;
        int i = 0;
        while (i < n) {
            if (Double.isNaN(s.yAt(i)) || Double.isNaN(s.errorAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && !Double.isNaN(s.yAt(i)) && !Double.isNaN(s.errorAt(i))) {
                i++;
            }
            Path2D band = new Path2D.Double();
            band.moveTo(px[start], f.area.py(s.yAt(start) + s.errorAt(start)));
            for (int k = start + 1; k < i; k++) {
                band.lineTo(px[k], f.area.py(s.yAt(k) + s.errorAt(k)));
            }
            for (int k = i - 1; k >= start; k--) {
                band.lineTo(px[k], f.area.py(s.yAt(k) - s.errorAt(k)));
            }
            band.closePath();
            c.g.setColor(color);
            c.g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.2f));
            if (start + 1 == i) {
                double top = f.area.py(s.yAt(start) + s.errorAt(start));
                double low = f.area.py(s.yAt(start) - s.errorAt(start));
                c.g.fill(new Rectangle2D.Double(px[start] - 3, top, 6, low - top));
            } else {
                c.g.fill(band);
            }
            c.g.setComposite(AlphaComposite.SrcOver);
        }
    }

    /** Configures a {@link LineChart}; every setter returns this builder. */
    public static final class Builder extends AxisChartBuilder<Builder> {

        private final double[] x;
        private final List<LineSeries> series = new ArrayList<>();
        private ErrorStyle errorStyle = ErrorStyle.BARS;
        private double[] xTicks;
        private boolean markers = true;

        private Builder(double[] x) {
            Objects.requireNonNull(x, "x");
            if (x.length == 0) {
                throw new IllegalArgumentException("no x values");
            }
            for (int i = 0; i < x.length; i++) {
                if (!Double.isFinite(x[i])) {
                    throw new IllegalArgumentException("x[" + i + "] is not finite: " + x[i]);
                }
                if (i > 0 && x[i] <= x[i - 1]) {
                    throw new IllegalArgumentException("x values must be strictly increasing: x["
                            + i + "] = " + x[i] + " after x[" + (i - 1) + "] = " + x[i - 1]);
                }
            }
            this.x = x.clone();
        }

        /**
         * Adds a series; series are coloured by {@link PlotStyle#seriesColor} in order.
         *
         * @param s the series, with one y value per x value
         * @return this builder
         * @throws IllegalArgumentException if the series length differs from the x values'
         */
        public Builder series(LineSeries s) {
            Objects.requireNonNull(s, "series");
            if (s.size() != x.length) {
                throw new IllegalArgumentException("series '" + s.name() + "' has " + s.size()
                        + " y values for " + x.length + " x values");
            }
            series.add(s);
            return this;
        }

        /**
         * Adds a series without errors.
         *
         * @param name the legend name
         * @param y one y value per x value
         * @return this builder
         */
        public Builder series(String name, double... y) {
            return series(LineSeries.of(name, y));
        }

        /**
         * Adds a series with error half-widths.
         *
         * @param name the legend name
         * @param y one y value per x value
         * @param error one half-width per y value
         * @return this builder
         */
        public Builder series(String name, double[] y, double[] error) {
            return series(LineSeries.withError(name, y, error));
        }

        /**
         * Sets how errors are drawn; {@link ErrorStyle#BARS} by default.
         *
         * @param errors the style
         * @return this builder
         */
        public Builder errorStyle(ErrorStyle errors) {
            this.errorStyle = Objects.requireNonNull(errors, "errorStyle");
            return this;
        }

        /**
         * Places x ticks at given positions instead of nice ones (e.g. at k = 1, 2, 4, 8, 16).
         *
         * @param ticks the tick positions, finite, at least one
         * @return this builder
         * @throws IllegalArgumentException if no tick is given or one is not finite
         */
        public Builder xTicks(double... ticks) {
            AxisTicks.at(0, 1, ticks);
            this.xTicks = ticks.clone();
            return this;
        }

        /**
         * Draws or omits a dot at each point; on by default (isolated points are always drawn).
         *
         * @param show whether to draw markers
         * @return this builder
         */
        public Builder markers(boolean show) {
            this.markers = show;
            return this;
        }

        /**
         * Builds the chart.
         *
         * @return the chart
         * @throws IllegalArgumentException if no series was added
         */
        public LineChart build() {
            if (series.isEmpty()) {
                throw new IllegalArgumentException("line chart has no series");
            }
            return new LineChart(this);
        }
    }
}
