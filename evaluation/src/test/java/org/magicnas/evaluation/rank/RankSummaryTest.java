package org.magicnas.evaluation.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RankSummaryTest {

    @Test
    void summarizesOneMethod() {
        double[] truth = BootstrapTest.gaussians(40, 1);
        double[] estimate = BootstrapTest.noisy(truth, 0.5, 2);
        Bootstrap bootstrap = new Bootstrap(500, 0.9, 3);
        RankSummary summary = RankSummary.of(estimate, truth, 5, bootstrap);
        assertEquals(40, summary.n());
        assertEquals(5, summary.topK());
        assertEquals(RankCorrelation.precisionAtTopK(estimate, truth, 5),
                summary.precisionAtTopK());
        assertEquals(bootstrap.interval(estimate, truth, RankCorrelation::kendallTauB),
                summary.kendallTau());
        assertEquals(bootstrap.interval(estimate, truth, RankCorrelation::spearman),
                summary.spearman());
        assertEquals(RankCorrelation.spearman(estimate, truth), summary.spearman().estimate());
    }

    @Test
    void rejectsInvalidTopK() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RankSummary.of(new double[] {1, 2, 3}, new double[] {3, 1, 2}, 4,
                        Bootstrap.withSeed(1)));
        assertEquals("k must be in [1, 3], got 4", e.getMessage());
    }
}
