package org.magicnas.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.magicnas.alignment.AlignmentConfig;
import org.magicnas.alignment.AlignmentTargetKind;
import org.magicnas.sampling.FixedSampler;
import org.magicnas.sampling.SplitMix64;
import org.magicnas.space.Architecture;
import org.magicnas.supernet.SuperNet;

/**
 * The alignment targets are constants: on a worker thread (where PyTorch records gradients by default),
 * MAGIC-A steps leave the anchor-only operators without gradient and unchanged, and move the child's
 * weights exactly as steps whose targets are detached by hand.
 */
class AlignmentTargetDetachTest {
    private static final Architecture CHILD = Architecture.parse(TrainerFixture.SPACE, "FFN,FFN,FFN,FFN");
    private static final Architecture ANCHOR = Architecture.parse(TrainerFixture.SPACE, "CONV3,CONV3,CONV3,CONV3");
    private static final int STEPS = 3;

    @Test
    void targetsAreDetachedOnWorkerThreads() throws Exception {
        // The engine starts on this thread (as in an application that uses DJL before handing training to
        // a pool); a thread started afterwards records gradients outside any collector.
        Engine.getInstance();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            assertTrue(pool.submit(JniUtils::isGradMode).get(), "the worker thread should record gradients by default");
            Map<String, float[]> trainer = pool.submit(() -> run(true)).get();
            Map<String, float[]> byHand = pool.submit(() -> run(false)).get();
            assertEquals(byHand.keySet(), trainer.keySet());
            for (String name : byHand.keySet()) {
                assertArrayEquals(byHand.get(name), trainer.get(name), name);
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Trains, returning the path's weights, and checks the anchor-only operators on the way. */
    private static Map<String, float[]> run(boolean throughTrainer) {
        try (NDManager manager = NDManager.newBaseManager()) {
            SuperNet net = TrainerFixture.net(manager, 4);
            List<Parameter> anchorOnly = new ArrayList<>(net.encoderPathParameters(ANCHOR));
            anchorOnly.removeAll(net.pathParameters(CHILD));
            assertFalse(anchorOnly.isEmpty());
            List<float[]> before = anchorOnly.stream().map(p -> p.getArray().toFloatArray()).toList();
            TrainingConfig base = TrainerFixture.config(Method.MAGIC_A, STEPS, 0.01, 0);
            TrainingConfig cfg = new TrainingConfig(base.method(), STEPS, 1e-2, 0, base.adam(), base.seed(), 1,
                    new AlignmentConfig(2.0, 1, 0, AlignmentTargetKind.ANCHOR, 0, 1000, 1), 0, 1);
            int[] boundaries = cfg.alignment().boundaries(TrainerFixture.SPACE);
            try (SuperNetTrainer t = new SuperNetTrainer(net, manager, cfg, TrainerFixture::batch, TrainerFixture.validation(),
                    new FixedSampler(CHILD))) {
                t.anchor().restore(ANCHOR, List.of(), null);
                for (int s = 0; s < STEPS; s++) {
                    if (throughTrainer) {
                        t.step();
                    } else {
                        PathStep.run(net.path(CHILD), TrainerFixture.batch(s), manager, t.optimizer(), cfg.schedule().at(s),
                                ctx -> net.keptOutputs(ANCHOR, ctx, false, boundaries).stream().map(NDArray::stopGradient).toList(), boundaries,
                                cfg.alignment().lambda(), SplitMix64.mix(cfg.seed(), 4, s));
                    }
                }
            }
            for (int i = 0; i < anchorOnly.size(); i++) {
                Parameter p = anchorOnly.get(i);
                assertArrayEquals(before.get(i), p.getArray().toFloatArray(), "anchor-only " + p.getName() + " moved");
                try (NDArray g = p.getArray().getGradient()) {
                    assertEquals(0f, g.abs().sum().getFloat(), "anchor-only " + p.getName() + " has a gradient");
                }
            }
            Map<String, float[]> weights = new LinkedHashMap<>();
            List<Parameter> path = net.pathParameters(CHILD);
            for (int i = 0; i < path.size(); i++) {
                weights.put(i + ":" + path.get(i).getName(), path.get(i).getArray().toFloatArray());
            }
            return weights;
        }
    }
}
