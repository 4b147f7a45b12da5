package org.magicnas.cli.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.LegendItemEntity;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;

class IntervalLineChartTest {
    private static final double[] M = {1, 2, 3, 4};
    private static final IntervalSeries SPOS = IntervalSeries.symmetric("spos", M, new double[] {0.96, 0.89, 0.85, 0.84}, new double[] {0.01, 0.05, 0.07, 0.07});
    private static final IntervalSeries MAGIC = IntervalSeries.symmetric("magic-a", M, new double[] {0.99, 0.99, 0.99, 0.97}, new double[] {0.001, 0.002, 0.001, 0.02});

    @Test
    void twoSeriesGetALegendOutsideThePlotWithBothNames() {
        JFreeChart chart = IntervalLineChart.create("m-sweep", "m", "cosine", IntervalStyle.BARS, List.of(SPOS, MAGIC));
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage img = ChartFiles.render(chart, 800, 600, info);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        List<String> legend = new ArrayList<>();
        for (Object o : info.getEntityCollection().getEntities()) {
            if (o instanceof LegendItemEntity e) {
                legend.add(e.getSeriesKey().toString());
                assertFalse(e.getArea().getBounds2D().intersects(area), "legend item " + e.getSeriesKey() + " over the data");
            }
        }
        assertEquals(List.of("spos", "magic-a"), legend);
        assertTrue(Pixels.inked(img, area) > 0.01, "the plot area has data");
    }

    @Test
    void oneSeriesHasNoLegend() {
        assertNull(IntervalLineChart.create("k", "k", "tau", IntervalStyle.BARS, List.of(SPOS)).getLegend());
        assertNotNull(IntervalLineChart.create("k", "k", "tau", IntervalStyle.BARS, List.of(SPOS, MAGIC)).getLegend());
    }

    @Test
    void errorBarsReachTheIntervalBoundsInTheSeriesColour() {
        double[] lo = {0.2, 0.1, 0.4};
        double[] hi = {0.8, 0.6, 0.5};
        IntervalSeries s = new IntervalSeries("magic-t", new double[] {1, 2, 4}, new double[] {0.4, 0.5, 0.45}, lo, hi);
        JFreeChart chart = IntervalLineChart.create("k", "k", "tau", IntervalStyle.BARS, List.of(s));
        assertInstanceOf(XYErrorRenderer.class, chart.getXYPlot().getRenderer());
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage img = ChartFiles.render(chart, 800, 600, info);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        XYPlot plot = chart.getXYPlot();
        assertTrue(plot.getRangeAxis().getRange().contains(0.1) && plot.getRangeAxis().getRange().contains(0.8), plot.getRangeAxis().getRange().toString());
        double px = plot.getDomainAxis().valueToJava2D(1, area, RectangleEdge.BOTTOM);
        // on the bar between the dot and the upper bound
        double py = plot.getRangeAxis().valueToJava2D(0.7, area, RectangleEdge.LEFT);
        assertTrue(Pixels.near(Pixels.darkestNear(img, px, py), ChartStyle.series(0), 40), "error bar: " + Pixels.darkestNear(img, px, py));
        // beyond the upper bound: no bar
        double above = plot.getRangeAxis().valueToJava2D(0.8, area, RectangleEdge.LEFT) - 8;
        assertTrue(Pixels.near(Pixels.darkestNear(img, px, above), Color.WHITE, 40), "bar overshoots: " + Pixels.darkestNear(img, px, above));
        // integer x values: integer ticks
        assertEquals(1.0, ((NumberAxis) plot.getDomainAxis()).getTickUnit().getSize(), 1e-12);
    }

    @Test
    void bandsAreTranslucentFillsOfTheSeriesColour() {
        JFreeChart chart = IntervalLineChart.create("layers", "j", "cosine", IntervalStyle.BAND,
                List.of(IntervalSeries.symmetric("spos", M, new double[] {0.5, 0.5, 0.5, 0.5}, new double[] {0.2, 0.2, 0.2, 0.2})));
        assertInstanceOf(DeviationRenderer.class, chart.getXYPlot().getRenderer());
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage img = ChartFiles.render(chart, 800, 600, info);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        XYPlot plot = chart.getXYPlot();
        double px = plot.getDomainAxis().valueToJava2D(2.5, area, RectangleEdge.BOTTOM) + 3;
        Color inBand = Pixels.at(img, px, plot.getRangeAxis().valueToJava2D(0.62, area, RectangleEdge.LEFT));
        Color outside = Pixels.at(img, px, plot.getRangeAxis().valueToJava2D(0.75, area, RectangleEdge.LEFT));
        Color c = ChartStyle.series(0);
        // a 20% tint of the colour over white
        Color tint = new Color((int) (255 * 0.8 + c.getRed() * 0.2), (int) (255 * 0.8 + c.getGreen() * 0.2), (int) (255 * 0.8 + c.getBlue() * 0.2));
        assertTrue(Pixels.near(inBand, tint, 12), "band: " + inBand + " expected about " + tint);
        assertTrue(Pixels.near(outside, Color.WHITE, 40), "outside the band: " + outside);
    }

    @Test
    void badSeriesAreRefusedWithTheOffendingValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new IntervalSeries("s", new double[] {1, 1}, new double[] {0, 0}, new double[] {0, 0}, new double[] {0, 0}));
        assertTrue(e.getMessage().contains("increasing"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new IntervalSeries("s", new double[] {1}, new double[] {0.5}, new double[] {0.6}, new double[] {0.7}));
        assertTrue(e.getMessage().contains("0.6") && e.getMessage().contains("0.5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new IntervalSeries("s", new double[] {1}, new double[] {Double.NaN}, new double[] {0}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> new IntervalSeries(" ", new double[] {1}, new double[] {0}, new double[] {0}, new double[] {0}));
        assertThrows(IllegalArgumentException.class, () -> IntervalSeries.symmetric("s", new double[] {1}, new double[] {0}, new double[] {-0.1}));
        assertThrows(IllegalArgumentException.class, () -> IntervalSeries.symmetric("s", new double[] {1, 2}, new double[] {0, 1}, new double[] {0.1}));
        assertThrows(IllegalArgumentException.class, () -> IntervalLineChart.create("t", "x", "y", IntervalStyle.BARS, List.of()));
        e = assertThrows(IllegalArgumentException.class, () -> IntervalLineChart.create("t", "x", "y", IntervalStyle.BAND, List.of(SPOS, SPOS)));
        assertTrue(e.getMessage().contains("spos"), e.getMessage());
    }

    @Test
    void seriesAreCopied() {
        double[] y = {0.5};
        IntervalSeries s = IntervalSeries.symmetric("s", new double[] {1}, y, new double[] {0.1});
        y[0] = 9;
        s.y()[0] = 9;
        assertEquals(0.5, s.y()[0]);
        assertEquals(0.4, s.lower()[0], 1e-12);
    }
}
