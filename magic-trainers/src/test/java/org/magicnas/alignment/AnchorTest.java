package org.magicnas.alignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.magicnas.space.Architecture;
import org.magicnas.space.Preset;
import org.magicnas.space.SearchSpace;

/** The anchor policies: the paper's best-so-far and the percentile band of Figure 3b. */
class AnchorTest {
    private static final SearchSpace SPACE = Preset.TINY.space();

    @Test
    void percentilePolicyKeepsTheAnchorInItsBand() {
        // Ten children with losses 1.0 .. 1.9: child i has i children better than it (percentile 10 i).
        List<Architecture> children = new ArrayList<>();
        double[] losses = new double[10];
        for (int i = 0; i < 10; i++) {
            children.add(new Architecture(SPACE, new int[] {i % 4, (i / 4) % 4, 1, 2}));
            losses[i] = 1.0 + 0.1 * (9 - i);
        }
        Architecture start = new Architecture(SPACE, new int[] {3, 3, 3, 3});
        Anchor a = new Anchor(start);
        // Loss 1.25: 3 children are better, percentile 30, inside 30 +/- 10: kept.
        assertNull(a.keepWithin(5, children, losses, 1.25, 30, 10));
        // Loss 1.75: 8 better, percentile 80: replaced by the child at rank round(0.3 * 9) = 3, loss 1.3.
        AnchorReplacement r = a.keepWithin(6, children, losses, 1.75, 30, 10);
        assertNotNull(r);
        assertEquals(1.3, r.replacementLoss(), 1e-12);
        assertEquals(children.get(6), a.current());
        assertEquals(1, a.history().size());
        // The best-so-far policy replaces only on a strict improvement.
        assertNull(a.offer(7, start, 1.3, 1.3, 0.01));
        AnchorReplacement beaten = a.offer(8, start, 1.2, 1.3, 0.02);
        assertNotNull(beaten);
        assertEquals(AnchorReplacement.Reason.BEATEN, beaten.reason());
        assertEquals(AnchorReplacement.Reason.OUT_OF_BAND, r.reason());
        // Two comparisons (both counted, one replacement): mean gap (0 + 0.1) / 2, mean standard error 0.015.
        AnchorStatistics stats = a.statistics(1, 4);
        assertEquals(2, stats.comparisons());
        assertEquals(1, stats.replacements());
        assertEquals(0.05, stats.meanAbsGap(), 1e-12);
        assertEquals(0.015, stats.meanStandardError(), 1e-12);
        assertEquals(0.25, stats.overhead(), 1e-12);
    }
}
