package org.magicnas.cli.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;

class HeatmapChartTest {
    private static final List<String> OPS = List.of("MHA6", "FFN", "CONV3");
    private static final double[][] COS = {{1.0, 0.9, Double.NaN}, {0.9, 1.0, 0.8}, {0.5, 0.8, 1.0}};

    @Test
    void cellsTakeTheirValuesColourWithRowZeroAtTheTop() {
        JFreeChart chart = HeatmapChart.create("cosine", OPS, COS, "cosine similarity");
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage img = ChartFiles.render(chart, 800, 600, info);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        XYPlot plot = chart.getXYPlot();
        Viridis scale = new Viridis(0.5, 1.0);
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                double px = plot.getDomainAxis().valueToJava2D(c - 0.35, area, RectangleEdge.BOTTOM);
                double py = plot.getRangeAxis().valueToJava2D(r - 0.35, area, RectangleEdge.LEFT);
                Color expected = scale.color(COS[r][c]);
                assertTrue(Pixels.near(Pixels.at(img, px, py), expected, 3), "cell " + r + "," + c + ": " + Pixels.at(img, px, py) + " expected " + expected);
            }
        }
        double topRow = plot.getRangeAxis().valueToJava2D(0, area, RectangleEdge.LEFT);
        double bottomRow = plot.getRangeAxis().valueToJava2D(2, area, RectangleEdge.LEFT);
        assertTrue(topRow < bottomRow, "row 0 is drawn at the top");
        PaintScaleLegend bar = (PaintScaleLegend) chart.getSubtitle(0);
        assertEquals(0.5, bar.getScale().getLowerBound());
        assertEquals(1.0, bar.getScale().getUpperBound());
        assertEquals("cosine similarity", bar.getAxis().getLabel());
        assertEquals(RectangleEdge.RIGHT, bar.getPosition());
    }

    @Test
    void everyCellIsWrittenInAContrastingColour() {
        JFreeChart chart = HeatmapChart.create("cosine", OPS, COS, "cos");
        int texts = 0;
        for (Object o : chart.getXYPlot().getAnnotations()) {
            if (o instanceof XYTextAnnotation t) {
                int r = (int) t.getY();
                int c = (int) t.getX();
                double v = COS[r][c];
                assertEquals(Double.isNaN(v) ? "n/a" : String.format(java.util.Locale.ROOT, "%.2f", v), t.getText());
                if (!Double.isNaN(v)) {
                    assertEquals(ChartStyle.textOn(new Viridis(0.5, 1).color(v)), t.getPaint());
                }
                texts++;
            }
        }
        assertEquals(9, texts);
        assertEquals(Color.WHITE, ChartStyle.textOn(new Viridis(0, 1).color(0)));
        assertEquals(Color.BLACK, ChartStyle.textOn(new Viridis(0, 1).color(1)));
    }

    @Test
    void aNarrowBandGetsThreeDecimals() {
        double[][] narrow = {{1.0, 0.995}, {0.995, 1.0}};
        List<String> texts = chartTexts(HeatmapChart.create("t", List.of("a", "b"), narrow, ""));
        assertTrue(texts.contains("0.995") && texts.contains("1.000"), texts.toString());
    }

    private static List<String> chartTexts(JFreeChart chart) {
        return chart.getXYPlot().getAnnotations().stream().filter(a -> a instanceof XYTextAnnotation).map(a -> ((XYTextAnnotation) a).getText()).toList();
    }

    @Test
    void badMatricesAreRefusedWithTheOffendingValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HeatmapChart.create("t", OPS, new double[][] {{1, 2, 3}, {1, 2}, {1, 2, 3}}, ""));
        assertTrue(e.getMessage().contains("row 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> HeatmapChart.create("t", List.of("a"), new double[][] {{Double.POSITIVE_INFINITY}}, ""));
        assertTrue(e.getMessage().contains("Infinity"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HeatmapChart.create("t", List.of("a"), new double[][] {{Double.NaN}}, ""));
        assertThrows(IllegalArgumentException.class, () -> HeatmapChart.create("t", OPS, new double[][] {{1}}, ""));
        assertThrows(IllegalArgumentException.class, () -> HeatmapChart.create("t", List.of(), new double[0][], ""));
    }

    @Test
    void viridisRunsFromPurpleToYellowAndGreysNaN() {
        Viridis v = new Viridis(-1, 1);
        assertEquals(new Color(0x440154), v.color(-1));
        assertEquals(new Color(0xFDE725), v.color(1));
        assertEquals(new Color(0xFDE725), v.color(5));
        assertEquals(Viridis.MISSING, v.color(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Viridis(1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Viridis(0, Double.NaN));
    }
}
