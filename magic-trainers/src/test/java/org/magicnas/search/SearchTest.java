package org.magicnas.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.magicnas.sampling.RandomWalkSampler;
import org.magicnas.sampling.SplitMix64;
import org.magicnas.sampling.UniformSampler;
import org.magicnas.space.Architecture;
import org.magicnas.space.CandidateMask;
import org.magicnas.space.Preset;
import org.magicnas.space.SearchSpace;

class SearchTest {
    private static final SearchSpace SPACE = Preset.SMALL.space(); // N=8, {MHA4, FFN, CONV3, CONV5}

    /** A loss with a known best child: each layer has a preferred candidate (layer mod 4). */
    private static double loss(Architecture a) {
        double l = 0;
        for (int i = 0; i < a.space().layers(); i++) {
            l += a.choice(i) == i % 4 ? 0 : 1 + 0.1 * a.choice(i);
        }
        return l;
    }

    private static Architecture best() {
        int[] c = new int[SPACE.layers()];
        for (int i = 0; i < c.length; i++) {
            c[i] = i % 4;
        }
        return new Architecture(SPACE, c);
    }

    @Test
    void shrinkingEndsAtTheBestChildAndReplaysFromItsLog() {
        CandidateMask mask = new CandidateMask(SPACE);
        ProgressiveShrinking ps = new ProgressiveShrinking(40, 5);
        List<Deletion> log = new ArrayList<>();
        SplitMix64 rng = new SplitMix64(3);
        int round = 0;
        while (mask.size().compareTo(BigInteger.ONE) > 0) {
            BigInteger before = mask.size();
            List<Deletion> removed = ps.round(++round, mask, SearchTest::loss, Constraints.none(1000, 64), rng);
            assertTrue(removed.size() <= 5 && !removed.isEmpty(), "round " + round);
            assertTrue(mask.size().compareTo(before) < 0);
            log.addAll(removed);
            for (Deletion d : removed) {
                assertTrue(d.children() > 0 && d.round() == round);
            }
        }
        assertEquals(best(), mask.single());
        assertEquals(3 * SPACE.layers(), log.size(), "every layer loses 3 of its 4 candidates");
        assertEquals(mask.single(), ProgressiveShrinking.replay(SPACE, log).single());
        assertThrows(IllegalArgumentException.class, () -> ProgressiveShrinking.replay(SPACE, List.of(log.get(0), log.get(0))));
    }

    @Test
    void shrinkingUnderALimitEndsAtAChildWithinIt() {
        Constraints none = Constraints.none(1000, 64);
        Architecture allConv = Architecture.parse(SPACE, "CONV3,CONV3,CONV3,CONV3,CONV3,CONV3,CONV3,CONV3");
        Constraints small = new Constraints(none.cost(allConv).parameters() + 300_000, 0, 1000, 64);
        CandidateMask mask = new CandidateMask(SPACE);
        ProgressiveShrinking ps = new ProgressiveShrinking(40, 5);
        SplitMix64 rng = new SplitMix64(8);
        for (int round = 1; mask.size().compareTo(BigInteger.ONE) > 0 && round < 50; round++) {
            ps.round(round, mask, SearchTest::loss, small, rng);
        }
        assertTrue(small.allows(mask.single()), mask.single() + " breaks the limit");
        assertTrue(!small.allows(best()), "the limit must exclude the unconstrained best child for this test to mean anything");
    }

    @Test
    void evolutionFindsTheBestChildWithinConstraints() {
        Constraints none = Constraints.none(1000, 64);
        EvolutionarySearch.Result r = new EvolutionarySearch(30, 15, 8, 0.2).run(new CandidateMask(SPACE), SearchTest::loss, none, new SplitMix64(4));
        assertEquals(best(), r.best());
        assertEquals(0.0, r.loss());
        // Now forbid the FFN-heavy best child: at most the parameters of an all-CONV3 child.
        Architecture allConv = Architecture.parse(SPACE, "CONV3,CONV3,CONV3,CONV3,CONV3,CONV3,CONV3,CONV3");
        long limit = none.cost(allConv).parameters() + 600_000;
        Constraints small = new Constraints(limit, 0, 1000, 64);
        EvolutionarySearch.Result c = new EvolutionarySearch(30, 10, 8, 0.2).run(new CandidateMask(SPACE), a -> {
            assertTrue(small.allows(a), "scored a child over the limit: " + a);
            return loss(a);
        }, small, new SplitMix64(5));
        assertTrue(small.allows(c.best()));
        Architecture optimum = bestWithin(small);
        assertTrue(loss(optimum) > 0, "the limit must exclude the unconstrained best child for this test to mean anything");
        assertEquals(loss(optimum), c.loss(), 1e-12, "found " + c.best() + ", the best child within the limit is " + optimum);
        assertEquals(loss(c.best()), c.loss(), 1e-12);
    }

    /** The best child within the constraints, by enumerating all 4^8 children of the space. */
    private static Architecture bestWithin(Constraints constraints) {
        int[] c = new int[SPACE.layers()];
        Architecture best = null;
        for (int code = 0; code < 1 << (2 * c.length); code++) {
            for (int i = 0; i < c.length; i++) {
                c[i] = (code >> (2 * i)) & 3;
            }
            Architecture a = new Architecture(SPACE, c.clone());
            if (constraints.allows(a) && (best == null || loss(a) < loss(best))) {
                best = a;
            }
        }
        return best;
    }

    @Test
    void unsatisfiableConstraintsFailUpFrontWithTheSmallestValue() {
        Constraints tiny = new Constraints(1000, 0, 1000, 64);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tiny.checkSatisfiable(new CandidateMask(SPACE)));
        long smallest = Constraints.none(1000, 64).cost(Architecture.parse(SPACE, "CONV3,CONV3,CONV3,CONV3,CONV3,CONV3,CONV3,CONV3")).parameters();
        assertTrue(e.getMessage().contains("1000") && e.getMessage().contains(Long.toString(smallest)), e.getMessage());
        Constraints flops = new Constraints(0, 10, 1000, 64);
        IllegalArgumentException f = assertThrows(IllegalArgumentException.class, () -> flops.checkSatisfiable(new CandidateMask(SPACE)));
        assertTrue(f.getMessage().contains("FLOPs"), f.getMessage());
    }

    @Test
    void samplersStayInsideAShrunkSpace() {
        CandidateMask mask = new CandidateMask(SPACE);
        for (int layer = 0; layer < SPACE.layers(); layer++) {
            mask.remove(layer, 0);
            if (layer < 5) {
                mask.remove(layer, 1);
                mask.remove(layer, 2);
            }
        }
        UniformSampler u = new UniformSampler(mask, 1);
        RandomWalkSampler w = new RandomWalkSampler(mask, 5, 2);
        Architecture prev = w.next();
        for (int i = 0; i < 500; i++) {
            assertTrue(mask.allows(u.next()));
            Architecture next = w.next();
            assertTrue(mask.allows(next));
            // Only layers 5, 6 and 7 can change: all three move every step (k=5 > 3 changeable).
            assertEquals(3, next.distance(prev));
            prev = next;
        }
        assertThrows(IllegalStateException.class, () -> mask.remove(0, 3));
    }
}
