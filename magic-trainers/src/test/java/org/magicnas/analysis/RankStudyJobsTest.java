package org.magicnas.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.magicnas.space.Architecture;
import org.magicnas.supernet.SuperNetConfig;
import org.magicnas.train.Method;
import org.magicnas.train.StepRecord;
import org.magicnas.train.TrainerFixture;
import org.magicnas.train.TrainingConfig;
import org.magicnas.train.TrainingListener;

/** The cached jobs of the rank-correlation study: panel members and super-net estimates. */
class RankStudyJobsTest {
    private static final SuperNetConfig CONFIG = new SuperNetConfig(TrainerFixture.SPACE, TrainerFixture.VOCAB, TrainerFixture.SEQ, 0.1f);
    private static final StudyTask TASK = new MlmStudyTask(CONFIG, "synthetic", TrainerFixture::batch, 1000, TrainerFixture.validation());

    private static GroundTruthPanel panel(Path cache) {
        return new GroundTruthPanel(new ResultCache(cache), TASK, 8, 1e-3, 5);
    }

    @Test
    void panelMembersAreCachedAndReplicatesDiffer(@TempDir Path tmp) {
        List<Architecture> children = GroundTruthPanel.sample(TrainerFixture.SPACE, 5, 1);
        assertEquals(5, new HashSet<>(children).size());
        assertEquals(children, GroundTruthPanel.sample(TrainerFixture.SPACE, 5, 1));
        assertThrows(IllegalArgumentException.class, () -> GroundTruthPanel.sample(TrainerFixture.SPACE, 82, 1));

        GroundTruthPanel.Member a = panel(tmp.resolve("a")).member(children.get(0), 0);
        GroundTruthPanel.Member again = panel(tmp.resolve("b")).member(children.get(0), 0);
        assertEquals(a.loss(), again.loss(), "a fresh cache retrains to the same loss");
        GroundTruthPanel.Member hit = panel(tmp.resolve("a")).member(children.get(0), 0);
        assertEquals(a, hit, "the cached result is returned as stored");
        GroundTruthPanel.Member other = panel(tmp.resolve("a")).member(children.get(0), 1);
        assertNotEquals(a.loss(), other.loss(), "replicate 1 uses another seed and data order");
        assertEquals(2, countJson(tmp.resolve("a")));
    }

    @Test
    void theDeviceIsNotPartOfAJobsKey(@TempDir Path tmp) {
        Architecture child = GroundTruthPanel.sample(TrainerFixture.SPACE, 2, 3).get(0);
        StudyTask onCpu = new MlmStudyTask(CONFIG, "synthetic", TrainerFixture::batch, 1000, TrainerFixture.validation(), ai.djl.Device.cpu());
        StudyTask onGpu = new MlmStudyTask(CONFIG, "synthetic", TrainerFixture::batch, 1000, TrainerFixture.validation(), ai.djl.Device.gpu(1));
        assertEquals(TASK.key(), onCpu.key());
        assertEquals(TASK.key(), onGpu.key());
        GroundTruthPanel.Member byDefault = panel(tmp.resolve("default")).member(child, 0);
        GroundTruthPanel.Member explicit = new GroundTruthPanel(new ResultCache(tmp.resolve("fresh")), onCpu, 8, 1e-3, 5).member(child, 0);
        assertEquals(byDefault.loss(), explicit.loss(), "trained on the CPU named explicitly: the same loss");
        GroundTruthPanel.Member cached = new GroundTruthPanel(new ResultCache(tmp.resolve("default")), onGpu, 8, 1e-3, 5).member(child, 0);
        assertEquals(byDefault, cached, "another device finds the job in the cache (no GPU was touched)");
        assertEquals(1, countJson(tmp.resolve("fresh")));
    }

    @Test
    void anInterruptedEstimateResumesToTheSameResult(@TempDir Path tmp) throws Exception {
        List<Architecture> children = GroundTruthPanel.sample(TrainerFixture.SPACE, 4, 2);
        TrainingConfig tc = TrainerFixture.config(Method.MAGIC_AT, 12, 0.01, 4);
        SuperNetEstimates straight = new SuperNetEstimates(new ResultCache(tmp.resolve("straight")), TASK);
        double[] expected = straight.estimate(tc, children, new TrainingListener() {}).losses();

        SuperNetEstimates interrupted = new SuperNetEstimates(new ResultCache(tmp.resolve("split")), TASK);
        TrainingListener stopAt6 = new TrainingListener() {
            @Override
            public void onStep(StepRecord r) {
                if (r.step() == 6) {
                    throw new IllegalStateException("interrupted");
                }
            }
        };
        assertThrows(IllegalStateException.class, () -> interrupted.estimate(tc, children, stopAt6));
        assertTrue(interrupted.cached(tc, children).isEmpty());
        double[] resumed = interrupted.estimate(tc, children, new TrainingListener() {}).losses();
        assertArrayEquals(expected, resumed);
        assertTrue(Files.notExists(tmp.resolve("split").resolve("checkpoints")) || isEmptyTree(tmp.resolve("split").resolve("checkpoints")),
                "checkpoints are removed once the estimate is stored");
        assertEquals(4, expected.length);
    }

    private static long countJson(Path dir) {
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".json")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean isEmptyTree(Path dir) throws java.io.IOException {
        try (var s = Files.walk(dir)) {
            return s.allMatch(Files::isDirectory);
        }
    }
}
