package org.magicnas.cli.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartFilesTest {
    private static JFreeChart chart() {
        return IntervalBarChart.create("t", "y", List.of("a", "b"), new double[] {0.5, -0.2}, new double[] {0.3, -0.4}, new double[] {0.7, 0.1});
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesAn800By600PngAndNothingElse(@TempDir Path tmp) throws IOException {
        Path png = tmp.resolve("sub/chart.png");
        ChartFiles.write(chart(), png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(800, img.getWidth());
        assertEquals(600, img.getHeight());
        assertEquals(List.of("chart.png"), names(png.getParent()));
    }

    @Test
    void theSameChartGivesTheSameBytes(@TempDir Path tmp) throws IOException {
        ChartFiles.write(chart(), tmp.resolve("a.png"));
        ChartFiles.write(chart(), tmp.resolve("b.png"));
        assertArrayEquals(Files.readAllBytes(tmp.resolve("a.png")), Files.readAllBytes(tmp.resolve("b.png")));
    }

    @Test
    void replacesAnExistingFileWhole(@TempDir Path tmp) throws IOException {
        Path png = tmp.resolve("c.png");
        Files.writeString(png, "old contents that are not a PNG");
        ChartFiles.write(chart(), png);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(png)));
        assertEquals(800, img.getWidth());
        assertEquals(List.of("c.png"), names(tmp));
    }

    @Test
    void aDirectoryIsRefusedAndLeftAlone(@TempDir Path tmp) throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("d.png"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChartFiles.write(chart(), dir));
        assertTrue(e.getMessage().contains("d.png"), e.getMessage());
        assertEquals(List.of(), names(dir));
    }

    @Test
    void aFailedWriteLeavesNoFileBehind(@TempDir Path tmp) throws IOException {
        BufferedImage img = ChartFiles.render(chart(), 800, 600, null);
        Files.writeString(tmp.resolve("file"), "x");
        assertThrows(IOException.class, () -> ChartFiles.write(img, tmp.resolve("file/g.png")));
        assertEquals(List.of("file"), names(tmp));
        assertEquals("x", Files.readString(tmp.resolve("file")));
    }

    @Test
    void sizesOutOfRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ChartFiles.render(chart(), 99, 600, null));
        assertThrows(IllegalArgumentException.class, () -> ChartFiles.render(chart(), 800, 10_001, null));
    }

    @Test
    void renderingIsHeadless() {
        ChartFiles.render(chart(), 200, 150, null);
        assertTrue(java.awt.GraphicsEnvironment.isHeadless());
    }
}
