package org.magicnas.cli.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * A labelled square matrix as coloured cells ({@code XYBlockRenderer}), row 0 at the top, each cell
 * annotated with its value, and a colour bar ({@code PaintScaleLegend}) right of the plot (e.g. the
 * gradient cosine between the child models "MHA6", "FFN", "CONV3").
 *
 * <pre>{@code
 * JFreeChart chart = HeatmapChart.create("Gradient cosine", List.of("MHA6", "FFN", "CONV3"), cosine, "cosine similarity");
 * ChartFiles.write(chart, Path.of("heatmap.png"));
 * }</pre>
 *
 * <p>Cells are coloured by {@link Viridis} over [smallest, largest] finite value (trained super-nets
 * give cosines in a narrow band, so a fixed [-1, 1] would show one colour) and annotated with two
 * decimals, three when that band is narrower than 0.01. Annotation text is black
 * or white, whichever contrasts more with its cell; NaN cells are grey and read "n/a". Annotations
 * shrink with the matrix and are left out above 20 rows.
 */
public final class HeatmapChart {
    private HeatmapChart() {}

    /**
     * Makes the chart.
     *
     * @param title the title
     * @param labels the names of the rows and, in the same order, the columns; at least one
     * @param matrix labels.size() rows of labels.size() values, finite or NaN, at least one finite
     * @param colorBarLabel the colour bar's axis label
     * @return the chart
     * @throws IllegalArgumentException if the matrix is not square, does not match the labels, has an
     *     infinite value or no finite value
     */
    public static JFreeChart create(String title, List<String> labels, double[][] matrix, String colorBarLabel) {
        Objects.requireNonNull(title, "title");
        int n = labels.size();
        if (n == 0) {
            throw new IllegalArgumentException("heatmap '" + title + "' has no labels");
        }
        if (matrix.length != n) {
            throw new IllegalArgumentException("heatmap '" + title + "' has " + matrix.length + " rows but " + n + " labels " + labels);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double[][] xyz = new double[3][n * n];
        for (int r = 0; r < n; r++) {
            if (matrix[r] == null || matrix[r].length != n) {
                throw new IllegalArgumentException("heatmap '" + title + "' is not square: row " + r + " has "
                        + (matrix[r] == null ? "no" : String.valueOf(matrix[r].length)) + " columns, expected " + n);
            }
            for (int c = 0; c < n; c++) {
                double v = matrix[r][c];
                if (Double.isInfinite(v)) {
                    throw new IllegalArgumentException("heatmap '" + title + "' has an infinite value at row " + r + ", column " + c + ": " + v);
                }
                if (!Double.isNaN(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
                xyz[0][r * n + c] = c;
                xyz[1][r * n + c] = r;
                xyz[2][r * n + c] = v;
            }
        }
        if (min > max) {
            throw new IllegalArgumentException("heatmap '" + title + "' has only NaN values");
        }
        if (min == max) {
            double pad = Math.max(Math.abs(min) * 1e-3, 1e-9);
            min -= pad;
            max += pad;
        }
        Viridis scale = new Viridis(min, max);
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("values", xyz);
        String[] names = labels.toArray(String[]::new);
        SymbolAxis xAxis = axis(names);
        xAxis.setVerticalTickLabels(!IntervalBarChart.fitSideBySide(labels, ChartStyle.LABEL, 560));
        SymbolAxis yAxis = axis(names);
        yAxis.setInverted(true);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setBlockWidth(1);
        renderer.setBlockHeight(1);
        renderer.setBlockAnchor(RectangleAnchor.CENTER);
        renderer.setPaintScale(scale);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setOutlinePaint(null);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, false);
        NumberAxis barAxis = new NiceAxis(colorBarLabel, 8);
        barAxis.setRange(min, max);
        PaintScaleLegend bar = new PaintScaleLegend(scale, barAxis);
        bar.setPosition(RectangleEdge.RIGHT);
        bar.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        bar.setStripWidth(20);
        bar.setAxisOffset(4);
        bar.setSubdivisionCount(256);
        bar.setStripOutlineVisible(true);
        bar.setStripOutlinePaint(ChartStyle.INK);
        bar.setMargin(new RectangleInsets(4, 16, 40, 4));
        bar.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(bar);
        ChartStyle.finish(chart);
        annotate(plot, matrix, scale);
        BasicStroke line = new BasicStroke(1.5f);
        for (int i = 1; i < n; i++) {
            plot.addAnnotation(new XYLineAnnotation(i - 0.5, -0.5, i - 0.5, n - 0.5, line, Color.WHITE), false);
            plot.addAnnotation(new XYLineAnnotation(-0.5, i - 0.5, n - 0.5, i - 0.5, line, Color.WHITE), false);
        }
        return chart;
    }

    private static SymbolAxis axis(String[] names) {
        SymbolAxis a = new SymbolAxis(null, names);
        ChartStyle.axis(a);
        a.setTickLabelFont(ChartStyle.LABEL);
        a.setGridBandsVisible(false);
        a.setRange(-0.5, names.length - 0.5);
        a.setAutoRange(false);
        a.setTickMarksVisible(false);
        a.setAxisLineVisible(false);
        return a;
    }

    /** Two decimals, or three when the values span less than 0.01 (so that cells in a narrow band still differ). */
    static int decimals(Viridis scale) {
        return scale.getUpperBound() - scale.getLowerBound() < 0.01 ? 3 : 2;
    }

    private static void annotate(XYPlot plot, double[][] matrix, Viridis scale) {
        int n = matrix.length;
        if (n > 20) {
            return;
        }
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, n <= 8 ? 14 : n <= 12 ? 11 : 9);
        int decimals = decimals(scale);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                double v = matrix[r][c];
                XYTextAnnotation a = new XYTextAnnotation(Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", v), c, r);
                a.setFont(font);
                a.setPaint(Double.isNaN(v) ? ChartStyle.INK : ChartStyle.textOn(scale.color(v)));
                plot.addAnnotation(a, false);
            }
        }
    }
}
