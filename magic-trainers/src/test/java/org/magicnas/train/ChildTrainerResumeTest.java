package org.magicnas.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.magicnas.space.Architecture;
import org.magicnas.supernet.SuperNetConfig;

class ChildTrainerResumeTest {

    /** A stand-alone training stopped after 5 of 12 steps and resumed from its checkpoint equals a straight one. */
    @Test
    void interruptedStandAloneTrainingResumesExactly(@TempDir Path dir) throws Exception {
        SuperNetConfig config = new SuperNetConfig(TrainerFixture.SPACE, TrainerFixture.VOCAB, TrainerFixture.SEQ, 0.1f);
        Architecture arch = Architecture.parse(TrainerFixture.SPACE, "MHA2,CONV3,FFN,MHA2");
        TrainingConfig training = TrainingConfig.standAlone(12, 1e-3, 7).withCheckpointEvery(2);
        List<Double> straightLosses = new ArrayList<>();
        ChildScore straightScore;
        List<float[]> straight = new ArrayList<>();
        try (NDManager m = NDManager.newBaseManager()) {
            ChildTrainer.Trained t = ChildTrainer.fromScratch(config, arch, m, training, TrainerFixture::batch, TrainerFixture.validation(),
                    r -> straightLosses.add(r.predictionLoss()));
            straightScore = t.score();
            for (Parameter p : t.child().trainableParameters()) {
                straight.add(p.getArray().toFloatArray());
            }
        }
        CheckpointStore store = new CheckpointStore(dir, 2);
        List<Double> losses = new ArrayList<>();
        try (NDManager m = NDManager.newBaseManager()) {
            assertThrows(IllegalStateException.class, () -> ChildTrainer.fromScratch(config, arch, m, training, TrainerFixture::batch,
                    TrainerFixture.validation(), r -> {
                        losses.add(r.predictionLoss());
                        if (r.step() == 4) {
                            throw new IllegalStateException("killed");
                        }
                    }, store));
        }
        assertEquals(4, losses.size() - 1, "killed during step 5, after the checkpoint of step 4");
        losses.remove(losses.size() - 1);
        try (NDManager m = NDManager.newBaseManager()) {
            ChildTrainer.Trained t = ChildTrainer.fromScratch(config, arch, m, training, TrainerFixture::batch, TrainerFixture.validation(),
                    r -> losses.add(r.predictionLoss()), store);
            assertEquals(straightLosses, losses);
            assertEquals(straightScore, t.score());
            List<Parameter> params = t.child().trainableParameters();
            for (int i = 0; i < params.size(); i++) {
                assertArrayEquals(straight.get(i), params.get(i).getArray().toFloatArray(), params.get(i).getName());
            }
        }
    }
}
