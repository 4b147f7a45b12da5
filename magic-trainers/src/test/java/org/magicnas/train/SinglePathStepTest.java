package org.magicnas.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.magicnas.space.Architecture;
import org.magicnas.supernet.SuperNet;

class SinglePathStepTest {

    /**
     * With weight decay on and after earlier steps have given every candidate Adam moments, a step
     * must leave every parameter off the sampled path, and its moments and step count, bit-identical.
     */
    @Test
    void offPathParametersAndOptimizerStateStayBitIdentical() {
        try (NDManager manager = NDManager.newBaseManager()) {
            SuperNet net = TrainerFixture.net(manager, 1);
            try (SuperNetTrainer t = TrainerFixture.trainer(net, manager, TrainerFixture.config(Method.SPOS, 100, 0.1, 0))) {
                for (int i = 0; i < 30; i++) {
                    t.step();
                }
                Map<Parameter, float[]> weights = new HashMap<>();
                Map<Parameter, float[]> means = new HashMap<>();
                Map<Parameter, Integer> counts = new HashMap<>();
                for (Parameter p : net.allParameters()) {
                    weights.put(p, p.getArray().toFloatArray());
                    means.put(p, t.optimizer().mean(p) == null ? null : t.optimizer().mean(p).toFloatArray());
                    counts.put(p, t.optimizer().updateCount(p));
                }
                StepRecord r = t.step();
                Set<Parameter> path = new HashSet<>(net.pathParameters(r.child()));
                int untouched = 0;
                for (Parameter p : net.allParameters()) {
                    if (path.contains(p)) {
                        assertFalse(Arrays.equals(weights.get(p), p.getArray().toFloatArray()), p.getName() + " on the path did not move");
                        assertEquals(counts.get(p) + 1, t.optimizer().updateCount(p));
                    } else {
                        assertArrayEquals(weights.get(p), p.getArray().toFloatArray(), p.getName() + " off the path moved");
                        float[] m = means.get(p);
                        if (m == null) {
                            assertNull(t.optimizer().mean(p));
                        } else {
                            assertArrayEquals(m, t.optimizer().mean(p).toFloatArray(), p.getName() + " moments moved");
                        }
                        assertEquals(counts.get(p), t.optimizer().updateCount(p));
                        untouched++;
                    }
                }
                assertTrue(untouched > 0);
                assertTrue(means.values().stream().filter(v -> v != null).count() > path.size(), "earlier steps should have touched other candidates");
            }
        }
    }

    @Test
    void pathParametersAreEmbeddingsHeadAndChosenCandidates() {
        try (NDManager manager = NDManager.newBaseManager()) {
            SuperNet net = TrainerFixture.net(manager, 1);
            Architecture a = Architecture.parse(TrainerFixture.SPACE, "MHA2,FFN,CONV3,FFN");
            List<Parameter> path = net.pathParameters(a);
            long total = path.stream().mapToLong(p -> p.getArray().size()).sum();
            long expected = org.magicnas.space.ChildCost.of(a, TrainerFixture.VOCAB, TrainerFixture.SEQ, TrainerFixture.SEQ, 0).parameters();
            assertEquals(expected, total);
            assertEquals(new HashSet<>(path).size(), path.size());
        }
    }

    @Test
    void lossFallsOnARepeatedBatch() {
        try (NDManager manager = NDManager.newBaseManager()) {
            SuperNet net = TrainerFixture.net(manager, 2);
            TrainingConfig cfg = TrainerFixture.config(Method.MAGIC_T, 60, 0.0, 0);
            try (SuperNetTrainer t = new SuperNetTrainer(net, manager, cfg, s -> TrainerFixture.batch(0), TrainerFixture.validation())) {
                double first = t.step().predictionLoss();
                double last = first;
                for (int i = 0; i < 59; i++) {
                    last = t.step().predictionLoss();
                }
                assertTrue(last < first - 1.0, "loss " + first + " -> " + last);
            }
        }
    }

    /** Native memory: the model's manager must not accumulate arrays over steps. */
    @Test
    void managedArraysStayFlat() {
        try (NDManager manager = NDManager.newBaseManager()) {
            SuperNet net = TrainerFixture.net(manager, 3);
            try (SuperNetTrainer t = TrainerFixture.trainer(net, manager, TrainerFixture.config(Method.MAGIC_AT, 400, 0.01, 0))) {
                for (int i = 0; i < 60; i++) {
                    t.step();
                }
                int after60 = countArrays(manager);
                for (int i = 0; i < 120; i++) {
                    t.step();
                }
                assertEquals(after60, countArrays(manager));
            }
        }
    }

    private static int countArrays(NDManager manager) {
        int n = manager.getManagedArrays().size();
        return n;
    }
}
