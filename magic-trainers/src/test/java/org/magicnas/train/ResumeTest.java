package org.magicnas.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.magicnas.supernet.SuperNet;

class ResumeTest {

    /** S steps, a checkpoint, a fresh process-like restore and S more equal 2S steps in one go. */
    @ParameterizedTest
    @EnumSource(Method.class)
    void resumedRunEqualsUninterruptedRun(Method method, @TempDir Path dir) throws Exception {
        check(TrainerFixture.config(method, 14, 0.01, 3), dir);
    }

    /** The anchor-percentile policy (Figure 3b) ranks children drawn from (seed, step): it resumes exactly too. */
    @Test
    void percentileAnchorResumesExactly(@TempDir Path dir) throws Exception {
        TrainingConfig base = TrainerFixture.config(Method.MAGIC_AT, 14, 0.01, 3);
        org.magicnas.alignment.AlignmentConfig a = base.alignment();
        TrainingConfig cfg = new TrainingConfig(base.method(), base.steps(), base.peakLearningRate(), base.warmupSteps(), base.adam(), base.seed(),
                base.walkChanges(), new org.magicnas.alignment.AlignmentConfig(a.lambda(), a.blockSize(), a.warmupSteps(), a.target(),
                        a.averageChildren(), a.evalEvery(), a.evalBatches(), 30, 6), base.checkpointEvery(), base.keepCheckpoints());
        List<String> history = check(cfg, dir);
        assertTrue(!history.isEmpty(), "the random first anchor is re-ranked");
    }

    /** Runs 2S steps straight and S + S with a restore in between; returns the anchor history of the straight run. */
    private static List<String> check(TrainingConfig cfg, Path dir) throws Exception {
        int s = (int) cfg.steps() / 2;
        List<String> history = new ArrayList<>();
        List<String> resumedHistory = new ArrayList<>();
        List<float[]> straight;
        List<String> straightChildren = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            SuperNet net = TrainerFixture.net(manager, 5);
            try (SuperNetTrainer t = TrainerFixture.trainer(net, manager, cfg)) {
                t.train(2 * s, new TrainingListener() {
                    @Override
                    public void onStep(StepRecord r) {
                        straightChildren.add(r.child().toString());
                    }

                    @Override
                    public void onAnchorReplaced(org.magicnas.alignment.AnchorReplacement r) {
                        history.add(r.toString());
                    }
                }, null);
            }
            straight = weights(net);
        }
        CheckpointStore store = new CheckpointStore(dir, 2);
        List<String> resumedChildren = new ArrayList<>();
        TrainingListener record = new TrainingListener() {
            @Override
            public void onStep(StepRecord r) {
                resumedChildren.add(r.child().toString());
            }

            @Override
            public void onAnchorReplaced(org.magicnas.alignment.AnchorReplacement r) {
                resumedHistory.add(r.toString());
            }
        };
        try (NDManager manager = NDManager.newBaseManager()) {
            SuperNet net = TrainerFixture.net(manager, 5);
            try (SuperNetTrainer t = TrainerFixture.trainer(net, manager, cfg)) {
                t.train(s, record, store);
            }
        }
        assertTrue(Files.isDirectory(dir.resolve(String.format("step-%09d", s))));
        List<float[]> resumed;
        try (NDManager manager = NDManager.newBaseManager()) {
            SuperNet net = TrainerFixture.net(manager, 99);
            try (SuperNetTrainer t = TrainerFixture.trainer(net, manager, cfg)) {
                t.restore(store.latest().orElseThrow());
                assertEquals(s, t.stepsDone());
                t.train(2 * s, record, store);
            }
            resumed = weights(net);
        }
        assertEquals(straightChildren, resumedChildren);
        assertEquals(history, resumedHistory);
        for (int i = 0; i < straight.size(); i++) {
            assertArrayEquals(straight.get(i), resumed.get(i), "parameter " + i);
        }
        return history;
    }

    private static List<float[]> weights(SuperNet net) {
        List<float[]> out = new ArrayList<>();
        for (Parameter p : net.allParameters()) {
            out.add(p.getArray().toFloatArray());
        }
        return out;
    }
}
