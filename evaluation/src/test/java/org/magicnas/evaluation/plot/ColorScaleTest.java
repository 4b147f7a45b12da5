package org.magicnas.evaluation.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import org.junit.jupiter.api.Test;

class ColorScaleTest {

    @Test
    void endsMapToTheEndColoursAndOutsideValuesAreClamped() {
        ColorScale s = new ColorScale(Palette.DIVERGING, -1, 1);
        assertEquals(new Color(0x67001F), s.top());
        assertEquals(new Color(0x053061), s.bottom());
        assertEquals(s.top(), s.colorOf(1));
        assertEquals(s.top(), s.colorOf(7));
        assertEquals(s.bottom(), s.colorOf(-1));
        assertEquals(s.bottom(), s.colorOf(-7));
        assertEquals(new Color(0xF7F7F7), s.colorOf(0));
    }

    @Test
    void autoRangeIgnoresNaN() {
        ColorScale s = ColorScale.auto(Palette.SEQUENTIAL,
                new double[][] {{0.2, Double.NaN}, {0.9, -0.1}});
        assertEquals(-0.1, s.min());
        assertEquals(0.9, s.max());
        assertThrows(IllegalArgumentException.class, () -> ColorScale.auto(Palette.SEQUENTIAL,
                new double[][] {{Double.NaN}}));
    }

    @Test
    void sequentialPaletteGetsLighterTowardsTheTop() {
        ColorScale s = new ColorScale(Palette.SEQUENTIAL, 0, 1);
        assertTrue(Heatmap.textColorOn(s.bottom()).equals(Color.WHITE));
        assertTrue(Heatmap.textColorOn(s.top()).equals(Color.BLACK));
    }

    @Test
    void invalidRangesAndNaNAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ColorScale(Palette.DIVERGING, 1, 1));
        assertTrue(e.getMessage().contains("[1.0, 1.0]"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new ColorScale(Palette.DIVERGING, 0, 1).colorOf(Double.NaN));
    }
}
