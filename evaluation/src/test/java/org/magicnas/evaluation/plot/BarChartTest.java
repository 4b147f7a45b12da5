package org.magicnas.evaluation.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BarChartTest {

    private static final String[] METHODS = {"spos", "magic-t", "magic-a", "magic-at"};

    @TempDir
    Path dir;

    private static BarChart.Builder tau() {
        return BarChart.builder(METHODS).title("Kendall tau (95% bootstrap CI)").yLabel("tau")
                .series("layer 1", new double[] {0.42, 0.61, 0.58, 0.70},
                        new double[] {0.30, 0.52, 0.47, 0.62}, new double[] {0.55, 0.69, 0.66, 0.77})
                .series("layer 12", new double[] {-0.12, 0.35, 0.40, 0.52},
                        new double[] {-0.25, 0.22, 0.31, 0.41}, new double[] {0.02, 0.47, 0.50, 0.60});
    }

    @Test
    void writesAReadablePngOfTheConfiguredSize() throws IOException {
        Path png = dir.resolve("bars.png");
        tau().size(700, 450).build().write(png);
        BufferedImage read = ImageIO.read(png.toFile());
        assertEquals(700, read.getWidth());
        assertEquals(450, read.getHeight());
    }

    @Test
    void sameInputGivesIdenticalBytes() {
        assertArrayEquals(tau().build().toPng(), tau().build().toPng());
    }

    @Test
    void barsAreFilledInTheirSeriesColourOnEitherSideOfZero() {
        BarChart chart = tau().build();
        BufferedImage img = chart.render();
        PlotStyle style = PlotStyle.defaults();
        for (int s = 0; s < 2; s++) {
            for (int k = 0; k < METHODS.length; k++) {
                Rectangle2D bar = chart.barBounds(s, k);
                // a quarter across: away from the whisker in the middle
                Color c = Pixels.at(img, bar.getX() + bar.getWidth() / 4, bar.getCenterY());
                assertEquals(style.seriesColor(s), c, "series " + s + " category " + k);
            }
        }
        double zero = chart.zeroRow();
        Rectangle2D negative = chart.barBounds(1, 0);
        assertEquals(zero, negative.getMinY(), 1e-9);
        assertTrue(negative.getMaxY() > zero + 10);
        Rectangle2D positive = chart.barBounds(0, 0);
        assertEquals(zero, positive.getMaxY(), 1e-9);
    }

    @Test
    void zeroLineIsDrawnWhenTheRangeSpansZero() {
        BarChart chart = tau().legend(false).build();
        BufferedImage img = chart.render();
        double zero = chart.zeroRow();
        // between the groups of spos and magic-t, where no bar is drawn
        double x = (chart.barBounds(1, 0).getMaxX() + chart.barBounds(0, 1).getMinX()) / 2;
        Color line = Pixels.at(img, x, zero);
        assertTrue(line.getRed() < 120 && line.getGreen() < 120, line.toString());
        Color above = Pixels.at(img, x, zero - 30);
        assertTrue(above.getRed() > 200, above.toString());
    }

    @Test
    void valueLabelsAreDrawnAboveBarsUnlessTurnedOff() {
        BarChart.Builder b = BarChart.builder(METHODS).series("tau", 0.42, 0.61, 0.58, 0.70);
        BarChart on = b.build();
        Rectangle2D bar = on.barBounds(0, 3);
        Rectangle above = new Rectangle((int) bar.getX(), (int) bar.getY() - 22,
                (int) bar.getWidth(), 20);
        assertTrue(Pixels.countDark(on.render(), above, 80) > 10);
        BarChart off = b.valueLabels(false).build();
        assertEquals(0, Pixels.countDark(off.render(), above, 80));
    }

    @Test
    void invalidSeriesAreRejectedNamingTheValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BarSeries.withInterval("spos", new double[] {0.5, 0.8},
                        new double[] {0.4, 0.9}, new double[] {0.6, 0.9}));
        assertEquals("bar series 'spos': lower[1] = 0.9 is on the wrong side of values[1] = 0.8",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> BarChart.builder(METHODS).series("three", 1, 2, 3));
        assertEquals("bar series 'three' has 3 values for 4 categories "
                + "[spos, magic-t, magic-a, magic-at]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> BarSeries.of("empty", Double.NaN));
        assertEquals("bar series 'empty' has only NaN values", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new BarSeries("half", new double[] {1}, new double[] {0}, null));
        assertThrows(IllegalArgumentException.class, () -> BarChart.builder());
        assertThrows(IllegalArgumentException.class, () -> BarChart.builder(METHODS).build());
    }
}
