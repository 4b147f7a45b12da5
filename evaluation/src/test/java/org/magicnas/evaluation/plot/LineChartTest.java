package org.magicnas.evaluation.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineChartTest {

    private static final double[] M = {1, 2, 3, 4, 5, 6};

    @TempDir
    Path dir;

    private static LineChart.Builder cosineVsM() {
        return LineChart.builder(M).title("Mean cosine similarity vs m").xLabel("m")
                .yLabel("mean cosine similarity")
                .series("layer 1", new double[] {0.91, 0.74, 0.62, 0.55, 0.49, 0.46},
                        new double[] {0.02, 0.04, 0.05, 0.05, 0.06, 0.06})
                .series("layer 12", 0.88, 0.61, 0.47, Double.NaN, 0.33, 0.30);
    }

    @Test
    void writesAReadablePngOfTheConfiguredSize() throws IOException {
        Path png = dir.resolve("line.png");
        cosineVsM().size(900, 500).build().write(png);
        BufferedImage read = ImageIO.read(png.toFile());
        assertEquals(900, read.getWidth());
        assertEquals(500, read.getHeight());
    }

    @Test
    void sameInputGivesIdenticalBytes() {
        assertArrayEquals(cosineVsM().build().toPng(), cosineVsM().build().toPng());
        LineChart band = cosineVsM().errorStyle(ErrorStyle.BAND).build();
        assertArrayEquals(band.toPng(), band.toPng());
    }

    @Test
    void markersSitAtTheDataInTheSeriesColours() {
        LineChart chart = cosineVsM().build();
        BufferedImage img = chart.render();
        PlotStyle style = PlotStyle.defaults();
        for (int s = 0; s < 2; s++) {
            for (int i : new int[] {0, 2, 5}) {
                Point2D p = chart.pixelOf(s, i);
                assertEquals(style.seriesColor(s), Pixels.at(img, p.getX(), p.getY()),
                        "series " + s + " point " + i);
            }
        }
        // higher values are drawn higher up
        assertTrue(chart.pixelOf(0, 0).getY() < chart.pixelOf(0, 5).getY());
    }

    @Test
    void bandStyleShadesAroundTheLineWhileBarsDoNot() {
        double[] flat = {0.5, 0.5, 0.5, 0.5, 0.5, 0.5};
        double[] err = {0.2, 0.2, 0.2, 0.2, 0.2, 0.2};
        LineChart.Builder b = LineChart.builder(M).series("flat", flat, err);
        LineChart band = b.errorStyle(ErrorStyle.BAND).build();
        Point2D p1 = band.pixelOf(0, 1);
        Point2D p2 = band.pixelOf(0, 2);
        double x = (p1.getX() + p2.getX()) / 2;
        double y = p1.getY() + 10;
        Color blue = PlotStyle.defaults().seriesColor(0);
        Color shaded = Pixels.at(band.render(), x, y);
        // 20% of the series colour over white
        assertEquals(255 - 0.2 * (255 - blue.getRed()), shaded.getRed(), 2);
        assertEquals(255 - 0.2 * (255 - blue.getBlue()), shaded.getBlue(), 2);
        LineChart bars = b.errorStyle(ErrorStyle.BARS).build();
        assertEquals(Color.WHITE, Pixels.at(bars.render(), x, y));
    }

    @Test
    void invalidSeriesAreRejectedNamingTheSeries() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LineSeries.of("tau", Double.NaN, Double.NaN));
        assertEquals("series 'tau' has only NaN y values", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> LineChart.builder(M).series("short", 1, 2, 3));
        assertEquals("series 'short' has 3 y values for 6 x values", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> LineSeries.withError("sd", new double[] {1, 2}, new double[] {0.1, -0.1}));
        assertTrue(e.getMessage().contains("error[1]: -0.1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LineChart.builder(1, 2, 2));
        assertEquals("x values must be strictly increasing: x[2] = 2.0 after x[1] = 2.0",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LineChart.builder(M).build());
        assertEquals("line chart has no series", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LineChart.builder());
        assertThrows(IllegalArgumentException.class, () -> LineChart.builder(M).yRange(1, 0));
    }

    @Test
    void seriesIsImmutable() {
        double[] y = {1, 2};
        LineSeries s = LineSeries.of("a", y);
        y[0] = 5;
        assertEquals(1, s.y()[0]);
        s.y()[1] = 9;
        assertEquals(2, s.y()[1]);
    }
}
