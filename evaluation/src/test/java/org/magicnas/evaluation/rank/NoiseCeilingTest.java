package org.magicnas.evaluation.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NoiseCeilingTest {

    @Test
    void smallExampleByHand() {
        double[] seedA = {1, 2, 3, 4};
        double[] seedB = {2, 1, 3, 4};
        // differences {-1, 1, 0, 0}: mean 0, sample variance 2/3; noise sd = sqrt(2/3) / sqrt(2)
        // means {1.5, 1.5, 3, 4}: mean 2.5, squared deviations 1 + 1 + 0.25 + 2.25 = 4.5,
        // sample variance 1.5; ratio = sqrt(1.5) / sqrt(1/3) = sqrt(4.5) = 2.12 > 2
        // tau: only pair (0,1) is discordant, so (5 - 1) / 6 = 2/3
        NoiseCeiling ceiling = NoiseCeiling.of(seedA, seedB, Bootstrap.withSeed(1));
        assertEquals(4, ceiling.children());
        assertEquals(Math.sqrt(1.0 / 3), ceiling.noiseSd(), 1e-15);
        assertEquals(Math.sqrt(1.5), ceiling.spreadSd(), 1e-15);
        assertEquals(Math.sqrt(4.5), ceiling.spreadToNoise(), 1e-12);
        assertEquals(2.0 / 3, ceiling.seedTau().estimate(), 1e-15);
        // with 4 children, resamples of children 0 and 1 alone (tau = -1) are common: the
        // interval reaches below 0, so the ratio alone does not make the truth discriminate
        assertTrue(ceiling.seedTau().interval().lower() <= 0, ceiling.toString());
        assertFalse(ceiling.discriminates());
    }

    @Test
    void lowSeedNoiseDiscriminates() {
        double[] children = BootstrapTest.gaussians(100, 1);
        double[] seedA = BootstrapTest.noisy(children, 0.1, 2);
        double[] seedB = BootstrapTest.noisy(children, 0.1, 3);
        NoiseCeiling ceiling = NoiseCeiling.of(seedA, seedB, new Bootstrap(500, 0.95, 4));
        assertEquals(0.1, ceiling.noiseSd(), 0.03);
        assertEquals(ceiling.spreadSd() / ceiling.noiseSd(), ceiling.spreadToNoise(), 1e-12);
        assertTrue(ceiling.spreadToNoise() > 5, ceiling.toString());
        assertTrue(ceiling.seedTau().interval().lower() > 0.8, ceiling.toString());
        assertTrue(ceiling.discriminates());
    }

    @Test
    void offsetBetweenSeedsIsNotNoise() {
        double[] seedA = {0.1, 0.5, 0.3, 0.9, 0.7, 0.2, 0.8, 0.4};
        double[] seedB = new double[seedA.length];
        for (int i = 0; i < seedA.length; i++) {
            seedB[i] = seedA[i] + 0.25;
        }
        NoiseCeiling ceiling = NoiseCeiling.of(seedA, seedB, new Bootstrap(200, 0.95, 4));
        assertEquals(0.0, ceiling.noiseSd(), 1e-15);
        assertEquals(1.0, ceiling.seedTau().interval().lower());
        assertTrue(ceiling.discriminates());
    }

    @Test
    void highSeedNoiseDoesNotDiscriminate() {
        double[] children = BootstrapTest.gaussians(100, 1);
        double[] seedA = BootstrapTest.noisy(children, 1.0, 2);
        double[] seedB = BootstrapTest.noisy(children, 1.0, 3);
        NoiseCeiling ceiling = NoiseCeiling.of(seedA, seedB, new Bootstrap(500, 0.95, 4));
        // spread of the seed mean ~ sqrt(1 + 1/2), noise ~ 1
        assertTrue(ceiling.spreadToNoise() < NoiseCeiling.MIN_SPREAD_TO_NOISE,
                ceiling.toString());
        assertTrue(ceiling.seedTau().interval().lower() > 0, ceiling.toString());
        assertFalse(ceiling.discriminates());
    }

    @Test
    void rejectsMismatchedSeeds() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NoiseCeiling.of(new double[5], new double[4], Bootstrap.withSeed(1)));
        assertEquals("seedA and seedB must have the same length, got 5 and 4", e.getMessage());
    }
}
