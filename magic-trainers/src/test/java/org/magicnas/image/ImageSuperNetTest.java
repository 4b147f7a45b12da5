package org.magicnas.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.magicnas.alignment.AlignmentConfig;
import org.magicnas.sampling.SplitMix64;
import org.magicnas.search.EvolutionarySearch;
import org.magicnas.space.Architecture;
import org.magicnas.space.Preset;
import org.magicnas.space.SearchSpace;
import org.magicnas.supernet.SuperNet;
import org.magicnas.train.AdamSettings;
import org.magicnas.train.Method;
import org.magicnas.train.StepRecord;
import org.magicnas.train.TrainingConfig;
import org.magicnas.train.TrainingListener;

class ImageSuperNetTest {
    private static final SearchSpace SPACE = Preset.MOBILENET_CPU.space();

    /** Ten classes of 28x28 grey images: class k is a bright bar at angle k plus noise (the shapes differ, the noise is seeded). */
    static ImageData bars(int count, long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        float[] px = new float[count * 28 * 28];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            int k = rng.nextInt(10);
            labels[i] = k;
            double angle = Math.PI * k / 10;
            for (int r = 0; r < 28; r++) {
                for (int c = 0; c < 28; c++) {
                    double dist = Math.abs((c - 13.5) * Math.sin(angle) - (r - 13.5) * Math.cos(angle));
                    px[i * 784 + r * 28 + c] = (float) Math.min(1, (dist < 2 ? 0.8 : 0.1) + 0.2 * rng.nextDouble());
                }
            }
        }
        return new ImageData(1, 28, 10, px, labels);
    }

    private static ImageNasSettings settings(Method method, long steps) {
        TrainingConfig sn = new TrainingConfig(method, steps, 1e-2, steps / 10, AdamSettings.paper(), 7, 2, AlignmentConfig.defaults(steps / 4),
                0, 1);
        return new ImageNasSettings(sn, TrainingConfig.standAlone(120, 1e-2, 8), 32, new BatchNormPolicy(2, 64),
                new EvolutionarySearch(6, 1, 3, 0.2), 0, 0, 0.1f);
    }

    @Test
    void childCostCountsExactlyTheParametersItsPathTrains() {
        try (NDManager m = NDManager.newBaseManager()) {
            ImageNas nas = new ImageNas(SPACE, bars(64, 1), bars(32, 2), settings(Method.SPOS, 10), m);
            SuperNet net = nas.newNet(1);
            SplitMix64 rng = new SplitMix64(3);
            for (int trial = 0; trial < 5; trial++) {
                int[] c = new int[SPACE.layers()];
                for (int i = 0; i < c.length; i++) {
                    do {
                        c[i] = rng.nextInt(SPACE.choices());
                    } while (SPACE.refusal(i, c[i]) != null);
                }
                Architecture child = new Architecture(SPACE, c);
                long trained = 0;
                for (Parameter p : net.pathParameters(child)) {
                    trained += p.getArray().size();
                }
                assertEquals(trained, nas.cost(child).parameters(), child.toString());
            }
        }
    }

    @Test
    void zeroOutIsRefusedWhereTheShapeChangesAndAllowedWhereItIsKept() {
        String changing = "ZERO,MB3E3,MB3E3,MB3E3,MB3E3,MB3E3,MB3E3";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Architecture.parse(SPACE, changing));
        assertEquals("layer 1: ZERO (zero-out) where the layer changes shape (8 -> 16 channels, stride 1); it is allowed only where a layer "
                + "keeps its shape", e.getMessage());
        Architecture shallow = Architecture.parse(SPACE, "MB3E3,ZERO,MB3E3,ZERO,ZERO,MB3E3,ZERO");
        Architecture deep = Architecture.parse(SPACE, "MB3E3,MB3E3,MB3E3,MB3E3,MB3E3,MB3E3,MB3E3");
        assertTrue(SPACE.image().cost(shallow, 10).parameters() < SPACE.image().cost(deep, 10).parameters());
        assertTrue(SPACE.image().cost(shallow, 10).forwardFlops() < SPACE.image().cost(deep, 10).forwardFlops());
        // 7 candidates where the shape is kept (layers 2, 4, 5, 7), 6 where it changes (layers 1, 3, 6)
        assertEquals(java.math.BigInteger.valueOf(7L * 7 * 7 * 7 * 6 * 6 * 6), SPACE.size());
        assertArrayEquals(new int[] {1, 4, 6}, SPACE.boundaries(4));
    }

    @Test
    void mobilenetPresetMatchesProxylessNasFrame() {
        SearchSpace s = Preset.MOBILENET.space();
        assertEquals(21, s.layers());
        assertEquals(7, s.image().inputSide(s.layers()));
        Architecture mb3e6 = Architecture.parse(s, String.join(",", java.util.Collections.nCopies(21, "MB3E6")));
        // The all-MB3E6 child of this frame: 4,684,776 parameters and 472,620,800 multiply-adds (2 FLOPs each) at 224x224
        // (MobileNetV2: 3.4e6, 300e6).
        assertEquals(4_684_776L, s.image().cost(mb3e6, 1000).parameters());
        assertEquals(2 * 472_620_800L, s.image().cost(mb3e6, 1000).forwardFlops());
    }

    private static List<Double> run(Method method, long steps) throws Exception {
        List<Double> losses = new ArrayList<>();
        try (NDManager m = NDManager.newBaseManager()) {
            ImageNas nas = new ImageNas(SPACE, bars(256, 1), bars(64, 2), settings(method, steps), m);
            nas.trainSuperNet(new TrainingListener() {
                @Override
                public void onStep(StepRecord r) {
                    losses.add(r.predictionLoss());
                }
            }, null);
        }
        return losses;
    }

    @Tag("slow")
    @Test
    void seededMagicAtTrainingIsReproducibleAndLearns() throws Exception {
        List<Double> a = run(Method.MAGIC_AT, 100);
        List<Double> b = run(Method.MAGIC_AT, 100);
        assertEquals(a, b);
        double first = a.subList(0, 10).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double last = a.subList(90, 100).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertTrue(last < first - 0.5, "loss " + first + " -> " + last);
    }

    @Test
    void recalibrationSetsTheChildsStatisticsAndSavesWithTheWeights() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            ImageData train = bars(128, 1);
            ImageNas nas = new ImageNas(SPACE, train, bars(64, 2), settings(Method.SPOS, 5), m);
            SuperNet net = nas.newNet(1);
            Architecture child = Architecture.parse(SPACE, "MB3E3,MB5E3,MB3E6,ZERO,MB7E3,MB3E3,MB5E6");
            ImageScore before = ImageObjective.evaluate(net, child, train, nas.normalisation(), 32, m);
            ByteArrayOutputStream saved = new ByteArrayOutputStream();
            net.save(new DataOutputStream(saved));
            ImageScore after = nas.objective(1).score(net, child, train, m);
            assertNotEquals(before.loss(), after.loss());
            // Scoring again recalibrates on the same batches: the same numbers.
            assertEquals(after, nas.objective(1).score(net, child, train, m));
            // Loading the saved weights restores the running statistics as they were before recalibration.
            net.load(new DataInputStream(new ByteArrayInputStream(saved.toByteArray())));
            assertEquals(before, ImageObjective.evaluate(net, child, train, nas.normalisation(), 32, m));
        }
    }

    @Tag("slow")
    @Test
    void searchAndRetrainFindAndTrainAChild() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            ImageData valid = bars(64, 2);
            ImageNas nas = new ImageNas(SPACE, bars(256, 1), valid, settings(Method.SPOS, 60), m);
            SuperNet net = nas.trainSuperNet(new TrainingListener() {}, null);
            EvolutionarySearch.Result found = nas.search(net);
            assertTrue(found.scored() >= 6);
            SuperNet alone = nas.retrain(found.best(), new TrainingListener() {});
            ImageScore score = nas.evaluate(alone, found.best(), valid);
            assertTrue(score.top1Error() < 0.2, "stand-alone error " + score.top1Error());
            assertTrue(score.top5Error() <= score.top1Error());
        }
    }
}
