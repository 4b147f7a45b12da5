package org.magicnas.evaluation.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Verdicts on "difference > 0" from paired intervals, and the panel size that would resolve one. */
class VerdictTest {

    @Test
    void verdictsFollowTheInterval() {
        assertEquals(Verdict.SUPPORTED, Verdict.of(new Interval(0.1, 0.01, 0.2, 0.95)));
        assertEquals(Verdict.CONTRADICTED, Verdict.of(new Interval(-0.1, -0.2, -0.01, 0.95)));
        assertEquals(Verdict.UNRESOLVED, Verdict.of(new Interval(0.05, -0.05, 0.15, 0.95)));
        assertEquals(Verdict.UNRESOLVED, Verdict.of(new Interval(0.0, 0.0, 0.1, 0.95)));
        assertEquals(Verdict.SUPPORTED, Verdict.all(Verdict.SUPPORTED, Verdict.SUPPORTED));
        assertEquals(Verdict.UNRESOLVED, Verdict.all(Verdict.SUPPORTED, Verdict.UNRESOLVED));
        assertEquals(Verdict.CONTRADICTED, Verdict.all(Verdict.SUPPORTED, Verdict.CONTRADICTED));
        assertEquals("unresolved", Verdict.UNRESOLVED.word());
    }

    @Test
    void childrenToResolveScaleWithTheSquaredRatioOfHalfWidthToDifference() {
        // Half-width 0.1 around 0.05 on 64 children: (0.1 / 0.05)^2 = 4 times as many.
        assertEquals(256, Verdict.childrenToResolve(new Interval(0.05, -0.05, 0.15, 0.95), 64));
        // Already resolved: no more than the panel itself.
        assertEquals(64, Verdict.childrenToResolve(new Interval(0.2, 0.1, 0.3, 0.95), 64));
        assertEquals(Long.MAX_VALUE, Verdict.childrenToResolve(new Interval(0, -0.1, 0.1, 0.95), 64));
    }
}
