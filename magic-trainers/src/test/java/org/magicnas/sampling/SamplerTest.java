package org.magicnas.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.magicnas.space.Architecture;
import org.magicnas.space.OperatorSpec;
import org.magicnas.space.SearchSpace;

class SamplerTest {
    private static final SearchSpace SMALL = new SearchSpace("n4c3", 16, 4, 16,
            List.of(OperatorSpec.mha(2, 16), OperatorSpec.ffn("FFN", 32), OperatorSpec.conv(3)));
    private static final SearchSpace WIDE = new SearchSpace("n12c4", 16, 12, 16,
            List.of(OperatorSpec.mha(2, 16), OperatorSpec.ffn("FFN", 32), OperatorSpec.conv(3), OperatorSpec.conv(5)));

    @Test
    void everyWalkStepChangesExactlyK() {
        for (int k = 1; k <= WIDE.layers(); k++) {
            RandomWalkSampler s = new RandomWalkSampler(WIDE, k, 42 + k);
            Architecture prev = s.next();
            for (int i = 0; i < 500; i++) {
                Architecture next = s.next();
                assertEquals(k, next.distance(prev), "k=" + k + " step " + i);
                prev = next;
            }
        }
    }

    /**
     * On N=4, C=3 (81 children) the walk's stationary distribution is uniform. After 200,000 steps each
     * child is expected 2,469 times; consecutive samples are correlated (the walk mixes in about
     * N ln N, roughly 6 steps), which inflates the standard deviation of a count to about
     * sqrt(2469 * 12) ~ 172, so every count must lie within 25% (about 3.6 such deviations) of the
     * expectation, and the chi-square-like total spread must be far from what a stuck walk gives.
     */
    @Test
    void walkVisitsChildrenUniformly() {
        RandomWalkSampler s = new RandomWalkSampler(SMALL, 1, 7);
        Map<Architecture, Integer> counts = new HashMap<>();
        int steps = 200_000;
        for (int i = 0; i < steps; i++) {
            counts.merge(s.next(), 1, Integer::sum);
        }
        assertEquals(81, counts.size());
        double expected = steps / 81.0;
        for (Map.Entry<Architecture, Integer> e : counts.entrySet()) {
            assertEquals(expected, e.getValue(), expected * 0.25, e.getKey().toString());
        }
    }

    @Test
    void uniformSamplerChangesAboutNTimesCMinusOneOverC() {
        UniformSampler s = new UniformSampler(WIDE, 3);
        Architecture prev = s.next();
        double total = 0;
        int steps = 20_000;
        for (int i = 0; i < steps; i++) {
            Architecture next = s.next();
            total += next.distance(prev);
            prev = next;
        }
        // The paper's N(C-1)/C = 9 for N=12, C=4; the standard error of the mean is about 0.01.
        assertEquals(9.0, total / steps, 0.1);
    }

    @Test
    void stateRestoresTheSameSequence() {
        for (PathSampler s : new PathSampler[] {new RandomWalkSampler(WIDE, 2, 9), new UniformSampler(WIDE, 9)}) {
            for (int i = 0; i < 10; i++) {
                s.next();
            }
            SamplerState saved = s.state();
            Architecture[] first = new Architecture[20];
            for (int i = 0; i < 20; i++) {
                first[i] = s.next();
            }
            PathSampler fresh = s instanceof RandomWalkSampler ? new RandomWalkSampler(WIDE, 2, 1) : new UniformSampler(WIDE, 1);
            fresh.restore(saved);
            for (int i = 0; i < 20; i++) {
                assertEquals(first[i], fresh.next());
            }
        }
    }

    @Test
    void badKIsRejectedWithTheAllowedRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RandomWalkSampler(SMALL, 5, 1));
        assertTrue(e.getMessage().contains("[1, 4]") && e.getMessage().contains("5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RandomWalkSampler(SMALL, 0, 1));
        SearchSpace one = new SearchSpace("one", 16, 4, 16, List.of(OperatorSpec.conv(3)));
        assertThrows(IllegalArgumentException.class, () -> new RandomWalkSampler(one, 1, 1));
    }

    @Test
    void nextIntIsUniformAndInRange() {
        SplitMix64 r = new SplitMix64(5);
        int[] c = new int[7];
        for (int i = 0; i < 70_000; i++) {
            c[r.nextInt(7)]++;
        }
        for (int v : c) {
            assertEquals(10_000, v, 400);
        }
    }
}
