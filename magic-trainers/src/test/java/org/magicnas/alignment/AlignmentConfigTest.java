package org.magicnas.alignment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.magicnas.space.Preset;
import org.magicnas.space.SearchSpace;

/** Where MAGIC-A aligns: never the final layer alone (Eq. 1 sums over layers; section 4.2). */
class AlignmentConfigTest {

    private static AlignmentConfig block(int b) {
        return new AlignmentConfig(0.5, b, 0, AlignmentTargetKind.ANCHOR, 0, 10, 4);
    }

    @Test
    void autoAlignsEveryLayerOfShallowSpacesAndBlocksOfFourInDeepOnes() {
        AlignmentConfig auto = AlignmentConfig.defaults(0);
        assertArrayEquals(new int[] {0, 1, 2, 3}, auto.boundaries(Preset.TINY.space()));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, auto.boundaries(Preset.RANK8_CPU.space()));
        assertEquals(12, auto.boundaries(Preset.PAPER_ANALYSIS.space()).length);
        assertArrayEquals(new int[] {3, 7, 11, 15, 19, 23}, auto.boundaries(Preset.PAPER_BERT.space()));
        assertEquals("every layer (b=1, auto: N=8 <= 12, Eq. 1): layers 1,2,3,4,5,6,7,8", auto.describe(Preset.RANK8_CPU.space()));
        assertEquals("every 4 layers (b=4, auto: N=26 > 12, block-wise): layers 4,8,12,16,20,24", auto.describe(Preset.PAPER_BERT.space()));
        // An image space aligns its stage ends whatever b is.
        assertArrayEquals(Preset.MOBILENET_CPU.space().image().stageEnds(), auto.boundaries(Preset.MOBILENET_CPU.space()));
    }

    @Test
    void aBlockThatLeavesOnlyTheFinalLayerIsRefused() {
        SearchSpace tiny = Preset.TINY.space();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> block(4).boundaries(tiny));
        assertTrue(e.getMessage().contains("distillation") && e.getMessage().contains("<= 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> block(3).boundaries(tiny));
        assertArrayEquals(new int[] {1, 3}, block(2).boundaries(tiny));
        assertEquals("every 2 layers (b=2, set): layers 2,4", block(2).describe(tiny));
        assertArrayEquals(new int[] {3, 7}, block(4).boundaries(Preset.RANK8_CPU.space()));
    }

    @Test
    void averageTargetAveragesOneChildPerCandidateByDefault() {
        assertEquals(4, AlignmentConfig.defaults(0).averageChildren(Preset.TINY.space()));
        assertEquals(6, AlignmentConfig.defaults(0).averageChildren(Preset.ANALYSIS_CPU.space()));
        assertEquals(3, new AlignmentConfig(0.5, 0, 0, AlignmentTargetKind.AVERAGE, 3, 10, 4).averageChildren(Preset.TINY.space()));
    }
}
