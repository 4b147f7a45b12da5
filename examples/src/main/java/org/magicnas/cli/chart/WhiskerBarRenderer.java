package org.magicnas.cli.chart;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.Arrays;
import java.util.Locale;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.category.CategoryDataset;

/**
 * Vertical bars with an asymmetric interval per bar, drawn as a capped whisker from lower to upper
 * (JFreeChart's own interval renderers draw symmetric deviations or floating bars), and the bar's
 * value written above the whisker (below it for negative values). The value axis range covers 0,
 * the values and every bound.
 */
public final class WhiskerBarRenderer extends BarRenderer {
    private static final long serialVersionUID = 1L;
    private static final double CAP = 6;

    private final double[][] lower;
    private final double[][] upper;
    private final int decimals;

    /**
     * Creates a renderer for a dataset whose item (row, column) has the interval [lower[row][column], upper[row][column]].
     *
     * @param lower the lower bounds by row and column
     * @param upper the upper bounds by row and column
     * @param decimals the decimals of the value labels, 0 to 10
     * @throws IllegalArgumentException if decimals is out of range or the bound arrays differ in shape
     */
    public WhiskerBarRenderer(double[][] lower, double[][] upper, int decimals) {
        if (decimals < 0 || decimals > 10) {
            throw new IllegalArgumentException("decimals must be in [0, 10]: " + decimals);
        }
        if (lower.length != upper.length) {
            throw new IllegalArgumentException(lower.length + " rows of lower bounds but " + upper.length + " of upper bounds");
        }
        this.lower = new double[lower.length][];
        this.upper = new double[upper.length][];
        for (int r = 0; r < lower.length; r++) {
            if (lower[r].length != upper[r].length) {
                throw new IllegalArgumentException("row " + r + " has " + lower[r].length + " lower bounds but " + upper[r].length + " upper bounds");
            }
            this.lower[r] = lower[r].clone();
            this.upper[r] = upper[r].clone();
        }
        this.decimals = decimals;
        setBarPainter(new StandardBarPainter());
        setShadowVisible(false);
        setDrawBarOutline(false);
        setIncludeBaseInRange(true);
    }

    @Override
    public Range findRangeBounds(CategoryDataset dataset) {
        Range r = super.findRangeBounds(dataset);
        for (int row = 0; row < lower.length; row++) {
            for (int col = 0; col < lower[row].length; col++) {
                r = Range.expandToInclude(Range.expandToInclude(r, lower[row][col]), upper[row][col]);
            }
        }
        return r;
    }

    @Override
    public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot, CategoryAxis domainAxis,
            ValueAxis rangeAxis, CategoryDataset dataset, int row, int column, int pass) {
        super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
        Number value = dataset.getValue(row, column);
        if (pass != getPassCount() - 1 || value == null || plot.getOrientation() != PlotOrientation.VERTICAL || row >= lower.length || column >= lower[row].length) {
            return;
        }
        double v = value.doubleValue();
        RectangleEdge edge = plot.getRangeAxisEdge();
        double x = calculateBarW0(plot, plot.getOrientation(), dataArea, domainAxis, state, row, column) + state.getBarWidth() / 2;
        double top = rangeAxis.valueToJava2D(upper[row][column], dataArea, edge);
        double bottom = rangeAxis.valueToJava2D(lower[row][column], dataArea, edge);
        g2.setPaint(ChartStyle.INK);
        g2.setStroke(new BasicStroke(1.5f));
        g2.draw(new Line2D.Double(x, top, x, bottom));
        g2.draw(new Line2D.Double(x - CAP, top, x + CAP, top));
        g2.draw(new Line2D.Double(x - CAP, bottom, x + CAP, bottom));
        String text = String.format(Locale.ROOT, "%." + decimals + "f", v);
        g2.setFont(ChartStyle.SMALL);
        double bar = rangeAxis.valueToJava2D(v, dataArea, edge);
        if (v >= 0) {
            TextUtils.drawAlignedString(text, g2, (float) x, (float) (Math.min(top, bar) - 4), TextAnchor.BOTTOM_CENTER);
        } else {
            TextUtils.drawAlignedString(text, g2, (float) x, (float) (Math.max(bottom, bar) + 4), TextAnchor.TOP_CENTER);
        }
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && o instanceof WhiskerBarRenderer w && decimals == w.decimals && Arrays.deepEquals(lower, w.lower)
                && Arrays.deepEquals(upper, w.upper);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + Arrays.deepHashCode(lower);
    }
}
