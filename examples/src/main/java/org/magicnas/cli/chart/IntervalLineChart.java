package org.magicnas.cli.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Lines through (x, y) points with an interval around each point, drawn as error bars or as a band
 * (e.g. the mean gradient cosine against m with its 95% interval, or Kendall tau against k with its
 * bootstrap interval).
 *
 * <pre>{@code
 * JFreeChart chart = IntervalLineChart.create("Mean cosine vs m", "m", "cosine (95% CI)", IntervalStyle.BARS,
 *         List.of(IntervalSeries.symmetric("spos", m, mean, halfWidth)));
 * ChartFiles.write(chart, Path.of("m-sweep.png"));
 * }</pre>
 *
 * <p>Both axes span the data and the intervals with a small margin (zero is not forced in); when
 * every x value is an integer, x ticks fall on integers. The legend, shown when there are two or
 * more series, sits below the plot.
 */
public final class IntervalLineChart {
    private static final double DOT = 9;

    private IntervalLineChart() {}

    /**
     * Makes the chart.
     *
     * @param title the title
     * @param xLabel the x axis label
     * @param yLabel the y axis label
     * @param style error bars or bands
     * @param series the series, at least one, with distinct names; coloured in order
     * @return the chart
     * @throws IllegalArgumentException if there is no series or two share a name
     */
    public static JFreeChart create(String title, String xLabel, String yLabel, IntervalStyle style, List<IntervalSeries> series) {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(style, "style");
        if (series.isEmpty()) {
            throw new IllegalArgumentException("line chart '" + title + "' has no series");
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        Set<String> names = new HashSet<>();
        boolean integers = true;
        for (IntervalSeries s : series) {
            if (!names.add(s.name())) {
                throw new IllegalArgumentException("line chart '" + title + "' has two series named '" + s.name() + "'");
            }
            YIntervalSeries ys = new YIntervalSeries(s.name(), false, false);
            double[] x = s.x();
            double[] y = s.y();
            double[] lo = s.lower();
            double[] hi = s.upper();
            for (int i = 0; i < x.length; i++) {
                ys.add(x[i], y[i], lo[i], hi[i]);
                integers &= x[i] == Math.rint(x[i]);
            }
            data.addSeries(ys);
        }
        NumberAxis xAxis = new NiceAxis(xLabel, 12);
        xAxis.setAutoRangeIncludesZero(false);
        xAxis.setLowerMargin(0.04);
        xAxis.setUpperMargin(0.04);
        if (integers) {
            xAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        NumberAxis yAxis = new NiceAxis(yLabel, 10);
        yAxis.setAutoRangeIncludesZero(false);
        yAxis.setLowerMargin(0.05);
        yAxis.setUpperMargin(0.05);
        XYLineAndShapeRenderer renderer = style == IntervalStyle.BARS ? errorBars() : band(series.size());
        for (int i = 0; i < series.size(); i++) {
            renderer.setSeriesPaint(i, ChartStyle.series(i));
            renderer.setSeriesStroke(i, new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            renderer.setSeriesShape(i, new Ellipse2D.Double(-DOT / 2, -DOT / 2, DOT, DOT));
        }
        renderer.setDefaultLegendShape(new Ellipse2D.Double(-DOT / 2, -DOT / 2, DOT, DOT));
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        plot.setDomainGridlinePaint(ChartStyle.GRID);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        plot.setDomainGridlineStroke(ChartStyle.GRID_STROKE);
        plot.setRangeGridlineStroke(ChartStyle.GRID_STROKE);
        plot.setOutlinePaint(null);
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, series.size() > 1);
        return ChartStyle.finish(chart);
    }

    private static XYErrorRenderer errorBars() {
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(false);
        r.setDrawYError(true);
        r.setDefaultLinesVisible(true);
        r.setDefaultShapesVisible(true);
        r.setCapLength(10);
        r.setErrorStroke(new BasicStroke(1.5f));
        return r;
    }

    private static DeviationRenderer band(int n) {
        DeviationRenderer r = new DeviationRenderer(true, true);
        r.setAlpha(0.2f);
        for (int i = 0; i < n; i++) {
            Color c = ChartStyle.series(i);
            r.setSeriesFillPaint(i, c);
        }
        return r;
    }
}
