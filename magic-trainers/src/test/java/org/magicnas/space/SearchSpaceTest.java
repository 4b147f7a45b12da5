package org.magicnas.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {

    @Test
    void paperAnalysisOperatorsMatchTable6() {
        SearchSpace s = Preset.PAPER_ANALYSIS.space();
        double[] table6 = {1.18e6, 1.18e6, 1.18e6, 1.28e6, 1.18e6, 1.19e6};
        String[] names = {"MHA6", "MHA8", "FFN", "FFN'", "CONV3", "CONV5"};
        for (int i = 0; i < table6.length; i++) {
            assertEquals(names[i], s.candidate(i).name());
            long p = s.candidate(i).parameters(s.hidden());
            assertEquals(table6[i], p, table6[i] * 0.01, names[i] + " has " + p + " parameters");
        }
    }

    @Test
    void paperBertSpaceHasAbout4Point5e15Children() {
        SearchSpace s = Preset.PAPER_BERT.space();
        assertEquals(BigInteger.valueOf(4).pow(26), s.size());
        assertTrue(s.size().doubleValue() > 4.4e15 && s.size().doubleValue() < 4.6e15);
    }

    @Test
    void architectureTextRoundTrips() {
        SearchSpace s = Preset.PAPER_ANALYSIS.space();
        String text = "MHA6,FFN',CONV5,MHA8,FFN,CONV3,MHA6,MHA6,FFN',FFN',CONV3,CONV5";
        Architecture a = Architecture.parse(s, text);
        assertEquals(text, a.toString());
        assertEquals(a, Architecture.parse(s, a.toString()));
        assertEquals(3, a.choice(3) == 1 ? 3 : -1);
    }

    @Test
    void wrongTokenNamesPositionAndAllowedNames() {
        SearchSpace s = Preset.TINY.space();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Architecture.parse(s, "MHA4,FFN,CONV7,FFN"));
        assertTrue(e.getMessage().contains("position 3"), e.getMessage());
        assertTrue(e.getMessage().contains("CONV7"), e.getMessage());
        assertTrue(e.getMessage().contains("MHA4, FFN, CONV3, CONV5"), e.getMessage());
        IllegalArgumentException len = assertThrows(IllegalArgumentException.class, () -> Architecture.parse(s, "MHA4,FFN"));
        assertTrue(len.getMessage().contains("needs 4"), len.getMessage());
    }

    @Test
    void operatorParsingAndErrors() {
        OperatorSpec mha = OperatorSpec.parse("MHA4:256", 128);
        assertEquals(OperatorKind.MHA, mha.kind());
        assertEquals(256, mha.innerDim());
        assertEquals(512, OperatorSpec.parse("FFN", 128).innerDim());
        assertEquals(5, OperatorSpec.parse("conv5", 128).kernel());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OperatorSpec.parse("LSTM", 128));
        assertTrue(e.getMessage().contains("LSTM") && e.getMessage().contains("MHA<heads>"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OperatorSpec.parse("MHA3:128", 128));
        assertThrows(IllegalArgumentException.class, () -> OperatorSpec.parse("CONV4", 128));
    }

    @Test
    void childCostCountsEmbeddingsEncoderAndHead() {
        SearchSpace s = Preset.TINY.space();
        Architecture a = Architecture.parse(s, "MHA4,FFN,CONV3,CONV5");
        ChildCost c = ChildCost.of(a, 1000, 64, 64, 0);
        long encoder = 0;
        for (int i = 0; i < 4; i++) {
            encoder += a.operator(i).parameters(128);
        }
        assertEquals(encoder, c.encoderParameters());
        long embeddings = 1000L * 128 + 64L * 128 + 2 * 128 + 2 * 128;
        long head = 128L * 128 + 128 + 2 * 128 + 1000;
        assertEquals(embeddings + encoder + head, c.parameters());
        long ffnFlops = 64L * 2 * 2 * 128 * 512;
        assertEquals(ffnFlops, a.operator(1).forwardFlops(128, 64));
        assertTrue(ChildCost.of(a, 1000, 64, 64, 10).forwardFlops() > c.forwardFlops());
    }

    @Test
    void unknownPresetIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Preset.of("huge"));
        assertTrue(e.getMessage().contains("huge") && e.getMessage().contains("paper-bert"), e.getMessage());
    }
}
