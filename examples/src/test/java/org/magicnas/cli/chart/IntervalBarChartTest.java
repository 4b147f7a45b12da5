package org.magicnas.cli.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;

class IntervalBarChartTest {
    private static final List<String> METHODS = List.of("spos", "magic-t", "magic-a");
    private static final double[] TAU = {0.5, 0.3, -0.2};
    private static final double[] LO = {0.2, 0.25, -0.45};
    private static final double[] HI = {0.9, 0.35, 0.05};

    @Test
    void barsRiseFromZeroInTheSeriesColourAndWhiskersSpanTheIntervals() {
        JFreeChart chart = IntervalBarChart.create("tau", "Kendall tau-b", METHODS, TAU, LO, HI);
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage img = ChartFiles.render(chart, 800, 600, info);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        CategoryPlot plot = chart.getCategoryPlot();
        ValueAxis y = plot.getRangeAxis();
        CategoryAxis x = plot.getDomainAxis();
        assertTrue(y.getRange().contains(0.9) && y.getRange().contains(-0.45), "axis covers the bounds: " + y.getRange());
        for (int i = 0; i < METHODS.size(); i++) {
            double cx = x.getCategoryMiddle(i, METHODS.size(), area, RectangleEdge.BOTTOM);
            double zero = y.valueToJava2D(0, area, RectangleEdge.LEFT);
            double top = y.valueToJava2D(TAU[i], area, RectangleEdge.LEFT);
            // inside the bar, beside the whisker: the series colour
            assertTrue(Pixels.near(Pixels.at(img, cx + 12, (zero + top) / 2), ChartStyle.series(0), 8), "bar " + i);
            // just outside the bar's end but inside the interval: the whisker's ink
            double beyond = y.valueToJava2D(TAU[i] + Math.signum(TAU[i]) * (HI[i] - LO[i]) / 8, area, RectangleEdge.LEFT);
            assertTrue(Pixels.near(Pixels.darkestNear(img, cx, beyond), ChartStyle.INK, 60), "whisker " + i + ": " + Pixels.darkestNear(img, cx, beyond));
            // beyond the interval, beside the bar: white (nothing drawn over the data but the bar)
            double outside = y.valueToJava2D(TAU[i] > 0 ? HI[i] + 0.02 : LO[i] - 0.02, area, RectangleEdge.LEFT);
            assertTrue(Pixels.near(Pixels.at(img, cx + 30, outside), java.awt.Color.WHITE, 30), "above " + i);
        }
        assertNull(chart.getLegend());
    }

    @Test
    void longLabelsAreSlantedAndShortOnesAreNot() {
        CategoryAxis shortOnes = IntervalBarChart.create("t", "y", METHODS, TAU, LO, HI).getCategoryPlot().getDomainAxis();
        assertEquals(CategoryLabelPositions.STANDARD, shortOnes.getCategoryLabelPositions());
        List<String> longNames = List.of("magic-a:p=10:e=100", "magic-a:p=30:e=100", "magic-a:p=50:e=100", "a", "b", "c", "d", "e", "f");
        double[] v = new double[9];
        CategoryAxis slanted = IntervalBarChart.create("t", "y", longNames, v, v, v).getCategoryPlot().getDomainAxis();
        assertEquals(CategoryLabelPositions.UP_45, slanted.getCategoryLabelPositions());
        assertFalse(IntervalBarChart.fitSideBySide(longNames, ChartStyle.TICK, 680));
    }

    @Test
    void badInputIsRefusedWithTheOffendingValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IntervalBarChart.create("t", "y", METHODS, TAU, new double[] {0.6, 0.25, -0.45}, HI));
        assertTrue(e.getMessage().contains("spos") && e.getMessage().contains("0.6"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> IntervalBarChart.create("t", "y", List.of(), new double[0], new double[0], new double[0]));
        assertThrows(IllegalArgumentException.class, () -> IntervalBarChart.create("t", "y", METHODS, new double[] {1, 2}, LO, HI));
        assertThrows(IllegalArgumentException.class,
                () -> IntervalBarChart.create("t", "y", List.of("a", "a"), new double[] {1, 1}, new double[] {1, 1}, new double[] {1, 1}));
        e = assertThrows(IllegalArgumentException.class,
                () -> IntervalBarChart.create("t", "y", METHODS, new double[] {Double.NaN, 0.3, -0.2}, LO, HI));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new WhiskerBarRenderer(new double[][] {{1}}, new double[][] {{1}}, 11));
    }
}
