package org.magicnas.evaluation.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AxisTicksTest {

    @Test
    void unitIntervalDataGetsStepsOfPointTwoUpToOne() {
        // [0, 0.93], at most 8 ticks: 0.1 would need 11 ticks, so 0.2 -> 0, 0.2, ..., 1.0
        AxisTicks t = AxisTicks.nice(0, 0.93, 8);
        assertArrayEquals(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1.0}, t.values());
        assertEquals(List.of("0.0", "0.2", "0.4", "0.6", "0.8", "1.0"), t.labels());
        assertEquals(0.2, t.step());
        assertEquals(0, t.min());
        assertEquals(1.0, t.max());
    }

    @Test
    void integerDataGetsIntegerTicks() {
        AxisTicks t = AxisTicks.nice(1, 6, 8);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, t.values());
        assertEquals(List.of("1", "2", "3", "4", "5", "6"), t.labels());
        assertArrayEquals(new double[] {0, 200, 400, 600, 800, 1000},
                AxisTicks.nice(3, 977, 8).values());
    }

    @Test
    void signedDataIsCoveredByLooseTicks() {
        AxisTicks t = AxisTicks.nice(-0.37, 0.81, 8);
        assertArrayEquals(new double[] {-0.4, -0.2, 0, 0.2, 0.4, 0.6, 0.8, 1.0}, t.values());
        assertEquals("-0.4", t.labels().get(0));
        assertEquals("0.0", t.labels().get(2));
    }

    @Test
    void stepsAreOneTwoOrFiveTimesAPowerOfTenAndCoverTheRange() {
        double[][] ranges = {{0, 0.93}, {-3.3, 17.1}, {0.0011, 0.0017}, {12345, 12399},
            {-1e6, 3e6}, {0.5, 0.5000001}, {-0.81, -0.02}};
        for (double[] r : ranges) {
            for (int max = 3; max <= 11; max++) {
                AxisTicks t = AxisTicks.nice(r[0], r[1], max);
                double mantissa = t.step() / Math.pow(10, Math.floor(Math.log10(t.step())));
                long m = Math.round(mantissa);
                assertTrue((m == 1 || m == 2 || m == 5) && Math.abs(mantissa - m) < 1e-9,
                        "step " + t.step() + " for " + t);
                assertTrue(t.size() <= max, t + " has more than " + max + " ticks");
                assertTrue(t.min() <= r[0] && t.max() >= r[1], t + " misses " + r[0] + ".." + r[1]);
            }
        }
    }

    @Test
    void withinKeepsTheRangeAndPlacesTicksInside() {
        AxisTicks t = AxisTicks.within(-1, 1, 7);
        assertArrayEquals(new double[] {-1, -0.5, 0, 0.5, 1}, t.values());
        assertEquals(-1, t.min());
        assertEquals(1, t.max());
        // 0.1 fits 7 ticks inside [0.13, 0.87]; with at most 6 the step becomes 0.2
        AxisTicks odd = AxisTicks.within(0.13, 0.87, 7);
        assertEquals(0.13, odd.min());
        assertEquals(0.87, odd.max());
        assertArrayEquals(new double[] {0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8}, odd.values());
        assertArrayEquals(new double[] {0.2, 0.4, 0.6, 0.8},
                AxisTicks.within(0.13, 0.87, 6).values());
    }

    @Test
    void degenerateRangeIsWidened() {
        AxisTicks t = AxisTicks.nice(3, 3, 6);
        assertTrue(t.min() < 3 && t.max() > 3, t.toString());
    }

    @Test
    void explicitTicksAreSortedAndLabelledShortly() {
        AxisTicks t = AxisTicks.at(1, 16, 16, 1, 2, 4, 8, 0.5);
        assertArrayEquals(new double[] {0.5, 1, 2, 4, 8, 16}, t.values());
        assertEquals(List.of("0.5", "1", "2", "4", "8", "16"), t.labels());
        assertEquals(0.5, t.min());
    }

    @Test
    void badRangesAreRejectedWithTheValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AxisTicks.nice(2, 1, 5));
        assertTrue(e.getMessage().contains("[2.0, 1.0]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AxisTicks.nice(0, Double.NaN, 5));
        assertThrows(IllegalArgumentException.class, () -> AxisTicks.within(1, 1, 5));
        e = assertThrows(IllegalArgumentException.class, () -> AxisTicks.nice(0, 1, 1));
        assertTrue(e.getMessage().contains("1"), e.getMessage());
    }
}
