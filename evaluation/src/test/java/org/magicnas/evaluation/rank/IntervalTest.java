package org.magicnas.evaluation.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IntervalTest {

    @Test
    void containsIsClosed() {
        Interval interval = new Interval(0.412, 0.301, 0.52, 0.95);
        assertTrue(interval.contains(0.301));
        assertTrue(interval.contains(0.52));
        assertTrue(interval.contains(0.4));
        assertFalse(interval.contains(0.3));
        assertFalse(interval.contains(0.5201));
        assertFalse(interval.contains(Double.NaN));
        assertEquals(0.219, interval.width(), 1e-12);
    }

    @Test
    void toStringHasThreeDecimals() {
        assertEquals("0.412 [0.301, 0.520]", new Interval(0.4121, 0.30149, 0.52, 0.95).toString());
        assertEquals("-0.050 [-0.125, 0.000]", new Interval(-0.05, -0.125, 0, 0.9).toString());
    }

    @Test
    void rejectsInvalidComponents() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Interval(0.5, 0.6, 0.4, 0.95));
        assertEquals("lower must not exceed upper, got [0.6, 0.4]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Interval(0.5, Double.NaN, 1, 0.95));
        e = assertThrows(IllegalArgumentException.class, () -> new Interval(0.5, 0, 1, 1.0));
        assertEquals("level must be in (0, 1), got 1.0", e.getMessage());
    }
}
