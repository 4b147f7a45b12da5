package org.magicnas.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.magicnas.sampling.FixedSampler;
import org.magicnas.space.Architecture;
import org.magicnas.supernet.ChildModel;
import org.magicnas.supernet.SuperNet;

class StandaloneEquivalenceTest {

    @Test
    void aChildSavedFromTheSuperNetReloadsWithTheSameScore(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Architecture arch = Architecture.parse(TrainerFixture.SPACE, "FFN,CONV3,MHA2,MHA2");
        try (NDManager m = NDManager.newBaseManager()) {
            SuperNet net = TrainerFixture.net(m, 12);
            org.magicnas.supernet.SuperNetConfig cfg = net.config();
            org.magicnas.supernet.EncoderFiles.save(dir, cfg, ChildModel.of(net, arch));
            ChildModel loaded = org.magicnas.supernet.EncoderFiles.load(dir, m);
            ChildEvaluator e = new ChildEvaluator(net, m);
            assertEquals(e.evaluate(arch, TrainerFixture.validation()), ChildEvaluator.evaluate(loaded, TrainerFixture.validation(), m));
        }
    }

    /**
     * A super-net trained on one fixed path and a stand-alone child wrapped around the same
     * (identically initialised) operators take exactly the same steps: the super-net adds nothing to
     * the child's computation.
     */
    @Test
    void superNetStepOnAFixedPathEqualsTheChildsOwnStep() {
        Architecture arch = Architecture.parse(TrainerFixture.SPACE, "MHA2,CONV3,FFN,MHA2");
        TrainingConfig cfg = TrainerFixture.config(Method.SPOS, 20, 0.01, 0);
        try (NDManager m1 = NDManager.newBaseManager(); NDManager m2 = NDManager.newBaseManager()) {
            SuperNet a = TrainerFixture.net(m1, 8);
            SuperNet b = TrainerFixture.net(m2, 8);
            ChildModel child = ChildModel.of(b, arch);
            try (SuperNetTrainer t = new SuperNetTrainer(a, m1, cfg, TrainerFixture::batch, TrainerFixture.validation(), new FixedSampler(arch));
                    ChildTrainer c = new ChildTrainer(child, m2, cfg, TrainerFixture::batch)) {
                for (int i = 0; i < 10; i++) {
                    assertEquals(t.step().predictionLoss(), c.step().predictionLoss(), "step " + i);
                }
                List<Parameter> pa = a.pathParameters(arch);
                List<Parameter> pb = child.trainableParameters();
                assertEquals(pa.size(), pb.size());
                for (int i = 0; i < pa.size(); i++) {
                    assertArrayEquals(pa.get(i).getArray().toFloatArray(), pb.get(i).getArray().toFloatArray(), pa.get(i).getName());
                }
                assertEquals(t.evaluator().evaluate(arch, TrainerFixture.validation()), c.evaluate(TrainerFixture.validation()));
            }
        }
    }
}
