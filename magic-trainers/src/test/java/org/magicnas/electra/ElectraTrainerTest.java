package org.magicnas.electra;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.nn.Parameter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
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
    void binaryCrossEntropyIsFiniteForLargeLogits() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {100f, -100f, 0f, 100f, -100f, 1000f});
            NDArray y = m.create(new float[] {0f, 1f, 0f, 1f, 0f, 0f});
            x.setRequiresGradient(true);
            float[] loss;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray l = ElectraTrainer.binaryCrossEntropyWithLogits(x, y);
                loss = l.toFloatArray();
                gc.backward(l.sum());
            }
            float[] grad = x.getGradient().toFloatArray();
            // softplus(x) - x y, and its derivative sigmoid(x) - y
            assertArrayEquals(new float[] {100f, 100f, (float) Math.log(2), 0f, 0f, 1000f}, loss, 1e-5f);
            assertArrayEquals(new float[] {1f, -1f, 0.5f, 0f, 0f, 1f}, grad, 1e-6f);
        }
    }

    @Test
    void gumbelNoiseIsFiniteNextToOne() {
        try (NDManager m = NDManager.newBaseManager()) {
            double[] u = {1 - 0x1.0p-53, 1 - 0x1.0p-26, 0x1.0p-54, 0.5};
            float[] noise = ElectraTrainer.gumbelNoise(m, u, new Shape(4)).toFloatArray();
            for (int i = 0; i < u.length; i++) {
                assertEquals(-Math.log(-Math.log(u[i])), noise[i], 1e-5, "u = " + u[i]);
            }
        }
    }

    /**
     * Two seeded runs agree bit for bit, the second while another thread keeps running the garbage
     * collector and writing into freshly allocated direct memory, as happens at random moments of a long
     * run. Autograd used to keep scalars that were views of direct buffers the collector had freed (a
     * Java number operand of mul or div), so the gradient read whatever memory they had become.
     */
    @Tag("slow")
    @Test
    void seededRunsAreBitIdenticalWhileTheCollectorRuns() throws InterruptedException {
        List<float[]> w1 = new ArrayList<>();
        List<ElectraTrainer.Step> a = train(30, w1);
        List<float[]> w2 = new ArrayList<>();
        List<ElectraTrainer.Step> b;
        try (CollectorChurn churn = new CollectorChurn()) {
            b = train(30, w2);
        }
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i), b.get(i), "step " + i);
        }
        assertEquals(w1.size(), w2.size());
        for (int i = 0; i < w1.size(); i++) {
            assertArrayEquals(w1.get(i), w2.get(i), "parameter " + i);
        }
    }

    /** A thread that runs the garbage collector and fills new direct buffers with 1e30 until closed. */
    private static final class CollectorChurn implements AutoCloseable {
        private final Thread thread;
        private volatile boolean stop;

        CollectorChurn() {
            thread = new Thread(() -> {
                while (!stop) {
                    System.gc();
                    List<ByteBuffer> junk = new ArrayList<>();
                    for (int i = 0; i < 512; i++) {
                        ByteBuffer buf = ByteBuffer.allocateDirect(64).order(ByteOrder.nativeOrder());
                        for (int j = 0; j < 16; j++) {
                            buf.putFloat(4 * j, 1e30f);
                        }
                        junk.add(buf);
                    }
                }
            }, "collector-churn");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws InterruptedException {
            stop = true;
            thread.join();
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
    }
}
