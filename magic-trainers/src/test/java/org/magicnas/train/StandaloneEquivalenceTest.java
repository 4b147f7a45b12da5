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
