package org.magicnas.cli.chart;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * One bar per category with an asymmetric interval (e.g. Kendall tau per method with its 95%
 * bootstrap interval), each bar labelled with its value.
 *
 * <pre>{@code
 * JFreeChart chart = IntervalBarChart.create("Kendall tau", "tau", List.of("spos", "magic-t"), tau, lower, upper);
 * ChartFiles.write(chart, Path.of("kendall-tau.png"));
 * }</pre>
 *
 * <p>Bars rise from 0; the value axis covers 0, the values and the bounds. Category labels are
 * slanted when they would not fit side by side. No legend: the categories name the bars.
 */
public final class IntervalBarChart {
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    private IntervalBarChart() {}

    /**
     * Makes the chart.
     *
     * @param title the title
     * @param yLabel the value axis label
     * @param categories the bar names, distinct, at least one
     * @param values the bar heights, finite, one per category
     * @param lower the lower bounds, finite, lower[i] &lt;= values[i]
     * @param upper the upper bounds, finite, upper[i] &gt;= values[i]
     * @return the chart
     * @throws IllegalArgumentException if there is no category, two share a name, the arrays differ
     *     in length, a number is not finite or a bound is on the wrong side of its value
     */
    public static JFreeChart create(String title, String yLabel, List<String> categories, double[] values, double[] lower, double[] upper) {
        Objects.requireNonNull(title, "title");
        int n = categories.size();
        if (n == 0) {
            throw new IllegalArgumentException("bar chart '" + title + "' has no categories");
        }
        if (values.length != n || lower.length != n || upper.length != n) {
            throw new IllegalArgumentException("bar chart '" + title + "' has " + n + " categories but " + values.length + " values, " + lower.length
                    + " lower and " + upper.length + " upper bounds");
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < n; i++) {
            String c = categories.get(i);
            if (!seen.add(c)) {
                throw new IllegalArgumentException("bar chart '" + title + "' has two categories named '" + c + "'");
            }
            if (!Double.isFinite(values[i]) || !Double.isFinite(lower[i]) || !Double.isFinite(upper[i])) {
                throw new IllegalArgumentException("bar '" + c + "' has a non-finite value or bound: " + values[i] + " [" + lower[i] + ", " + upper[i] + "]");
            }
            if (lower[i] > values[i] || upper[i] < values[i]) {
                throw new IllegalArgumentException("bar '" + c + "': interval [" + lower[i] + ", " + upper[i] + "] does not contain its value " + values[i]);
            }
            data.addValue(values[i], "value", c);
        }
        CategoryAxis xAxis = new CategoryAxis(null);
        ChartStyle.axis(xAxis);
        xAxis.setCategoryMargin(0.25);
        xAxis.setMaximumCategoryLabelLines(2);
        xAxis.setLowerMargin(0.02);
        xAxis.setUpperMargin(0.02);
        if (!fitSideBySide(categories, ChartStyle.TICK, 680)) {
            xAxis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        NumberAxis yAxis = new NiceAxis(yLabel, 10);
        yAxis.setAutoRangeIncludesZero(true);
        yAxis.setUpperMargin(0.08);
        yAxis.setLowerMargin(0.05);
        WhiskerBarRenderer renderer = new WhiskerBarRenderer(new double[][] {lower}, new double[][] {upper}, 2);
        renderer.setSeriesPaint(0, ChartStyle.series(0));
        renderer.setMaximumBarWidth(0.12);
        CategoryPlot plot = new CategoryPlot(data, xAxis, yAxis, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        plot.setRangeGridlineStroke(ChartStyle.GRID_STROKE);
        plot.setDomainGridlinesVisible(false);
        plot.setOutlinePaint(null);
        plot.setRangeZeroBaselineVisible(true);
        plot.setRangeZeroBaselinePaint(ChartStyle.INK);
        return ChartStyle.finish(new JFreeChart(title, ChartStyle.TITLE, plot, false));
    }

    /** Whether the labels fit side by side, each in its share of a plot this wide, with 8 px between them. */
    static boolean fitSideBySide(List<String> labels, Font font, double plotWidth) {
        double share = plotWidth / labels.size();
        for (String l : labels) {
            if (font.getStringBounds(l, FRC).getWidth() + 8 > share) {
                return false;
            }
        }
        return true;
    }
}
