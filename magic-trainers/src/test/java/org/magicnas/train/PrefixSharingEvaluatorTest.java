package org.magicnas.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.magicnas.sampling.PathSampler;
import org.magicnas.sampling.SplitMix64;
import org.magicnas.space.Architecture;
import org.magicnas.supernet.SuperNet;

class PrefixSharingEvaluatorTest {

    @Test
    void sharedPrefixesGiveTheSameScoresAsOneChildAtATime() {
        try (NDManager m = NDManager.newBaseManager()) {
            SuperNet net = TrainerFixture.net(m, 21);
            SplitMix64 rng = new SplitMix64(2);
            List<Architecture> children = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                children.add(PathSampler.uniform(TrainerFixture.SPACE, rng));
            }
            children.add(children.get(0));
            int before = m.getManagedArrays().size();
            Map<Architecture, ChildScore> shared = new PrefixSharingEvaluator(net, m).evaluate(children, TrainerFixture.validation());
            assertEquals(before, m.getManagedArrays().size(), "arrays were left behind");
            ChildEvaluator one = new ChildEvaluator(net, m);
            assertEquals(new java.util.LinkedHashSet<>(children).size(), shared.size());
            for (Map.Entry<Architecture, ChildScore> e : shared.entrySet()) {
                ChildScore alone = one.evaluate(e.getKey(), TrainerFixture.validation());
                assertEquals(alone.loss(), e.getValue().loss(), 1e-5, e.getKey().toString());
                assertEquals(alone.accuracy(), e.getValue().accuracy(), 1e-9, e.getKey().toString());
            }
        }
    }
}
