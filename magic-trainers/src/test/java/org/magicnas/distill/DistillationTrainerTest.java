package org.magicnas.distill;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.magicnas.data.MlmBatch;
import org.magicnas.space.Architecture;
import org.magicnas.space.OperatorSpec;
import org.magicnas.space.SearchSpace;
import org.magicnas.supernet.ChildModel;
import org.magicnas.supernet.SuperNetConfig;
import org.magicnas.supernet.ParameterIO;
import org.magicnas.train.AdamSettings;
import org.magicnas.train.CheckpointStore;
import org.magicnas.train.SyntheticBatches;
import org.magicnas.train.Method;
import org.magicnas.train.TrainingConfig;

class DistillationTrainerTest {
    private static final SearchSpace TEACHER = new SearchSpace("teacher", 32, 4, 32, List.of(OperatorSpec.mha(2, 32), OperatorSpec.ffn("FFN", 64)));
    private static final SearchSpace STUDENT = new SearchSpace("student", 16, 2, 16, List.of(OperatorSpec.mha(2, 16), OperatorSpec.ffn("FFN", 32)));

    static MlmBatch batch(long seed) {
        return SyntheticBatches.batch(50, 8, 16, seed);
    }

    @Test
    void theStudentMovesTowardsTheTeacher() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(9);
            ChildModel teacher = ChildModel.create(new SuperNetConfig(TEACHER, 50, 16, 0.1f), Architecture.parse(TEACHER, "MHA2,FFN,MHA2,FFN"));
            teacher.initialize(m);
            // An informative teacher: a little masked-LM training on the same batches.
            TrainingConfig warm = new TrainingConfig(Method.SPOS, 80, 3e-3, 5, new AdamSettings(0.9, 0.999, 1e-6, 0.0, 1.0), 1, 1,
                    TrainingConfig.defaults(Method.SPOS, 80, 1).alignment(), 0, 1);
            try (org.magicnas.train.ChildTrainer ct = new org.magicnas.train.ChildTrainer(teacher, m, warm, s -> batch(s % 4))) {
                for (int i = 0; i < 80; i++) {
                    ct.step();
                }
            }
            ChildModel student = ChildModel.create(new SuperNetConfig(STUDENT, 50, 16, 0.1f), Architecture.parse(STUDENT, "MHA2,FFN"));
            student.initialize(m);
            TrainingConfig tc = new TrainingConfig(Method.SPOS, 80, 3e-3, 5, new AdamSettings(0.9, 0.999, 1e-6, 0.0, 1.0), 2, 1,
                    TrainingConfig.defaults(Method.SPOS, 80, 2).alignment(), 0, 1);
            try (DistillationTrainer t = new DistillationTrainer(student, teacher, m, tc, s -> batch(s % 4), 2.0, 1.0, 1.0)) {
                List<DistillationTrainer.Step> steps = new ArrayList<>();
                for (int i = 0; i < 80; i++) {
                    steps.add(t.step());
                }
                double kd0 = steps.get(0).logitLoss();
                double kd1 = steps.subList(70, 80).stream().mapToDouble(DistillationTrainer.Step::logitLoss).average().orElseThrow();
                double h0 = steps.get(0).hiddenLoss();
                double h1 = steps.subList(70, 80).stream().mapToDouble(DistillationTrainer.Step::hiddenLoss).average().orElseThrow();
                assertTrue(kd1 < kd0 * 0.5, "logit loss " + kd0 + " -> " + kd1);
                assertTrue(h1 < h0 * 0.5, "hidden loss " + h0 + " -> " + h1);
            }
            ChildModel other = ChildModel.create(new SuperNetConfig(STUDENT, 60, 16, 0.1f), Architecture.parse(STUDENT, "MHA2,FFN"));
            other.initialize(m);
            assertThrows(IllegalArgumentException.class, () -> new DistillationTrainer(other, teacher, m,
                    TrainingConfig.defaults(Method.SPOS, 10, 1), s -> batch(s), 2.0, 1.0, 1.0));
        }
    }

    /** A distillation stopped after the checkpoint of step 4 (of 10) and resumed in a new trainer equals a straight one, bit for bit. */
    @Test
    void anInterruptedDistillationResumesExactly(@TempDir Path dir) throws Exception {
        TrainingConfig tc = TrainingConfig.standAlone(10, 3e-3, 5).withCheckpointEvery(2);
        List<DistillationTrainer.Step> straight = new ArrayList<>();
        byte[] straightWeights = distil(tc, null, straight, Long.MAX_VALUE);
        CheckpointStore store = new CheckpointStore(dir, 1);
        List<DistillationTrainer.Step> resumed = new ArrayList<>();
        assertThrows(IllegalStateException.class, () -> distil(tc, store, resumed, 5));
        assertEquals(5, resumed.size(), "killed after step 5, the checkpoint of step 4 written");
        resumed.remove(4);
        byte[] weights = distil(tc, store, resumed, Long.MAX_VALUE);
        assertEquals(straight, resumed);
        assertArrayEquals(straightWeights, weights);
    }

    /** Trains a fresh student (and projection) under {@code tc}, resuming from the store if given; throws after {@code killAfter} steps. */
    private static byte[] distil(TrainingConfig tc, CheckpointStore store, List<DistillationTrainer.Step> steps, long killAfter) throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(9);
            ChildModel teacher = ChildModel.create(new SuperNetConfig(TEACHER, 50, 16, 0.1f), Architecture.parse(TEACHER, "MHA2,FFN,MHA2,FFN"));
            teacher.initialize(m);
            ChildModel student = ChildModel.create(new SuperNetConfig(STUDENT, 50, 16, 0.1f), Architecture.parse(STUDENT, "MHA2,FFN"));
            student.initialize(m);
            try (DistillationTrainer t = new DistillationTrainer(student, teacher, m, tc, DistillationTrainerTest::batch, 2.0, 1.0, 1.0)) {
                if (store != null) {
                    t.resume(store);
                }
                t.train(store, r -> {
                    steps.add(r);
                    if (steps.size() == killAfter) {
                        throw new IllegalStateException("killed");
                    }
                }, () -> { });
                assertEquals(10, t.stepsDone());
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                ParameterIO.save(student.trainableParameters(), out);
            }
            return bytes.toByteArray();
        }
    }
}
