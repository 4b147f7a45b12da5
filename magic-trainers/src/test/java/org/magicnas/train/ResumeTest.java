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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.magicnas.supernet.SuperNet;

class ResumeTest {

    /** S steps, a checkpoint, a fresh process-like restore and S more equal 2S steps in one go. */
    @ParameterizedTest
    @EnumSource(Method.class)
    void resumedRunEqualsUninterruptedRun(Method method, @TempDir Path dir) throws Exception {
        int s = 7;
        TrainingConfig cfg = TrainerFixture.config(method, 2 * s, 0.01, 3);
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
        };
        try (NDManager manager = NDManager.newBaseManager()) {
            SuperNet net = TrainerFixture.net(manager, 5);
            try (SuperNetTrainer t = TrainerFixture.trainer(net, manager, cfg)) {
                t.train(s, record, store);
            }
        }
        assertTrue(Files.isDirectory(dir.resolve("step-000000007")));
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
        for (int i = 0; i < straight.size(); i++) {
            assertArrayEquals(straight.get(i), resumed.get(i), "parameter " + i);
        }
    }

    private static List<float[]> weights(SuperNet net) {
        List<float[]> out = new ArrayList<>();
        for (Parameter p : net.allParameters()) {
            out.add(p.getArray().toFloatArray());
        }
        return out;
    }
}
