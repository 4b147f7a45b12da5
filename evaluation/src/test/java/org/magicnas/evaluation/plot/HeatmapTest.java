package org.magicnas.evaluation.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeatmapTest {

    private static final List<String> LABELS = List.of("MHA6", "FFN", "CONV3", "MHA12");
    private static final double NAN = Double.NaN;
    /** Largest value 1.0 on the diagonal, smallest -0.62 at (1, 2), a NaN at (0, 3). */
    private static final double[][] COSINE = {
        {1.00, 0.31, -0.12, NAN},
        {0.31, 1.00, -0.62, 0.05},
        {-0.12, -0.62, 1.00, 0.44},
        {0.20, 0.05, 0.44, 1.00}};

    @TempDir
    Path dir;

    private static Heatmap.Builder cosine() {
        return Heatmap.builder(LABELS, COSINE).title("Gradient cosine similarity")
                .colorBarLabel("cosine similarity");
    }

    /** A point inside a cell, near its top edge, away from the centred annotation. */
    private static double[] awayFromText(Rectangle cell) {
        return new double[] {cell.getCenterX(), cell.y + 3};
    }

    @Test
    void writesAReadablePngOfTheConfiguredSizeAndNoTemporaryFile() throws IOException {
        Path png = dir.resolve("cosine.png");
        cosine().size(640, 480).build().write(png);
        BufferedImage read = ImageIO.read(png.toFile());
        assertEquals(640, read.getWidth());
        assertEquals(480, read.getHeight());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(png), files.toList());
        }
    }

    @Test
    void sameInputGivesIdenticalBytes() {
        byte[] first = cosine().build().toPng();
        assertArrayEquals(first, cosine().build().toPng());
        Heatmap h = cosine().build();
        assertArrayEquals(h.toPng(), h.toPng());
    }

    @Test
    void extremeCellsTakeTheEndColoursOfTheAutomaticScale() {
        Heatmap h = cosine().build();
        assertEquals(-0.62, h.scale().min());
        assertEquals(1.0, h.scale().max());
        BufferedImage img = h.render();
        double[] max = awayFromText(h.cellBounds(0, 0));
        double[] min = awayFromText(h.cellBounds(1, 2));
        assertEquals(h.scale().top(), Pixels.at(img, max[0], max[1]));
        assertEquals(h.scale().bottom(), Pixels.at(img, min[0], min[1]));
        double[] missing = awayFromText(h.cellBounds(0, 3));
        assertEquals(Heatmap.MISSING, Pixels.at(img, missing[0], missing[1]));
    }

    @Test
    void fixedRangeColoursByThatRange() {
        Heatmap h = cosine().range(-1, 1).palette(Palette.SEQUENTIAL).build();
        BufferedImage img = h.render();
        double[] p = awayFromText(h.cellBounds(1, 2));
        assertEquals(h.scale().colorOf(-0.62), Pixels.at(img, p[0], p[1]));
        assertTrue(!h.scale().bottom().equals(Pixels.at(img, p[0], p[1])));
    }

    @Test
    void annotationsContrastWithTheirCells() {
        Heatmap h = cosine().build();
        BufferedImage img = h.render();
        // the dark red diagonal cell carries white text, the near-white 0.31 cell black text
        assertTrue(Pixels.countLight(img, h.cellBounds(0, 0), 240) > 20);
        assertTrue(Pixels.countDark(img, h.cellBounds(0, 1), 40) > 20);
        Heatmap plain = cosine().annotate(false).build();
        assertEquals(0, Pixels.countDark(plain.render(), plain.cellBounds(0, 1), 40));
    }

    @Test
    void matrixNotSquareIsRejectedNamingTheRow() {
        double[][] ragged = {{1, 0, 0, 0}, {0, 1, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Heatmap.builder(LABELS, ragged));
        assertEquals("matrix is not square: row 1 has 3 columns, expected 4", e.getMessage());
    }

    @Test
    void labelCountMismatchIsRejected() {
        double[][] three = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Heatmap.builder(LABELS, three));
        assertEquals("matrix has 3 rows but 4 labels [MHA6, FFN, CONV3, MHA12]", e.getMessage());
    }

    @Test
    void emptyNaNOnlyAndInfiniteMatricesAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> Heatmap.builder(List.of(), new double[0][0]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Heatmap.builder(List.of("a"), new double[][] {{NAN}}));
        assertEquals("matrix has only NaN values", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Heatmap.builder(List.of("a", "b"),
                new double[][] {{1, 0}, {Double.POSITIVE_INFINITY, 1}}));
        assertEquals("matrix[1][0] is infinite: Infinity", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> cosine().range(1, -1));
    }

    @Test
    void inputMatrixIsCopied() {
        double[][] m = {{1, 0.5}, {0.5, 1}};
        Heatmap.Builder b = Heatmap.builder(List.of("a", "b"), m);
        byte[] before = b.build().toPng();
        m[0][1] = -1;
        assertArrayEquals(before, b.build().toPng());
    }
}
