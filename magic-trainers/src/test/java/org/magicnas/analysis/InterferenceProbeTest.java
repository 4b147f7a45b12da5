package org.magicnas.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.magicnas.sampling.SplitMix64;
import org.magicnas.space.Architecture;
import org.magicnas.supernet.SuperNet;
import org.magicnas.train.Method;
import org.magicnas.train.SuperNetTrainer;
import org.magicnas.train.TrainerFixture;

/** The interference probe: what it compares, that it leaves the super-net alone, and that it is repeatable. */
class InterferenceProbeTest {

    @Test
    void trialsBuildTheChildrenOfThePaperAndLeaveTheWeightsUntouched() {
        try (NDManager m = NDManager.newBaseManager()) {
            SuperNet net = trained(m);
            float[][] before = weights(net);
            GradientProbe gradients = new GradientProbe(net, m, TrainerFixture.validation().get(0));
            InterferenceProbe probe = new InterferenceProbe(gradients, TrainerFixture.SPACE);
            int c = TrainerFixture.SPACE.choices();
            for (int m2 = 1; m2 <= 2; m2++) {
                InterferenceProbe.Trial t = probe.trial(1, m2, new SplitMix64(5));
                assertEquals(c, t.children().size());
                for (int i = 0; i < c; i++) {
                    Architecture a = t.children().get(i);
                    assertEquals(i, a.choice(2), "child i takes candidate i right after o_g");
                    for (int k = 0; k < c; k++) {
                        Architecture b = t.children().get(k);
                        for (int layer = 0; layer < 4; layer++) {
                            boolean differing = layer >= 2 && layer < 2 + m2;
                            assertEquals(!differing || i == k, a.choice(layer) == b.choice(layer), "layer " + layer + " of children " + i + ", " + k);
                        }
                        assertEquals(t.cosine()[i][k], t.cosine()[k][i]);
                        assertTrue(Math.abs(t.cosine()[i][k]) <= 1 + 1e-9);
                    }
                    assertEquals(1.0, t.cosine()[i][i]);
                }
                // Different downstream operators send different gradients to o_g (near initialisation the
                // residual path dominates, so the cosines are close to 1, but not equal to it).
                assertTrue(t.meanOffDiagonal() < 1 - 1e-6, "mean cosine " + t.meanOffDiagonal());
            }
            assertTrue(java.util.Arrays.deepEquals(before, weights(net)), "the probe changed weights");
            // Gradients are cleared after each probe: the same child gives the same gradient twice.
            Architecture a = Architecture.parse(TrainerFixture.SPACE, "MHA2,FFN,CONV3,FFN");
            float[] g1 = gradients.gradient(a, 0, 3);
            float[] g2 = gradients.gradient(a, 0, 3);
            assertArrayEquals(g1, g2);
            assertEquals(1.0, GradientProbe.cosine(g1, g2), 1e-9);
            assertThrows(IllegalArgumentException.class, () -> probe.trial(2, 2, new SplitMix64(1)));
        }
    }

    @Test
    void sweepsAreRepeatableAndCoverTheLayers() {
        try (NDManager m = NDManager.newBaseManager()) {
            SuperNet net = trained(m);
            InterferenceProbe probe = new InterferenceProbe(new GradientProbe(net, m, TrainerFixture.validation().get(0)), TrainerFixture.SPACE);
            List<InterferenceProbe.Point> a = probe.mSweep(0, 3, 2, new SplitMix64(9));
            List<InterferenceProbe.Point> b = probe.mSweep(0, 3, 2, new SplitMix64(9));
            assertEquals(a, b);
            assertEquals(List.of(1, 2, 3), a.stream().map(InterferenceProbe.Point::x).toList());
            List<InterferenceProbe.Point> layers = probe.layerSweep(1, 2, new SplitMix64(9));
            assertEquals(List.of(1, 2, 3), layers.stream().map(InterferenceProbe.Point::x).toList());
            InterferenceProbe.Matrix matrix = probe.matrix(0, 2, new SplitMix64(3));
            assertEquals(List.of("MHA2", "FFN", "CONV3"), matrix.labels());
            assertEquals(1.0, matrix.mean()[1][1], 1e-12);
        }
    }

    @Test
    void monitoringDoesNotChangeTraining() throws Exception {
        float[][] plain;
        float[][] monitored;
        try (NDManager m = NDManager.newBaseManager()) {
            SuperNet net = TrainerFixture.net(m, 3);
            try (SuperNetTrainer t = TrainerFixture.trainer(net, m, TrainerFixture.config(Method.SPOS, 12, 0.01, 0))) {
                t.train(12, new org.magicnas.train.TrainingListener() {}, null);
            }
            plain = weights(net);
        }
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("monitor");
        try (NDManager m = NDManager.newBaseManager(); org.magicnas.run.CsvLog log = org.magicnas.run.CsvLog.open(dir.resolve("monitor.csv"),
                GradientMonitor.COLUMNS, 0)) {
            SuperNet net = TrainerFixture.net(m, 3);
            GradientMonitor monitor = new GradientMonitor(new GradientProbe(net, m, TrainerFixture.validation().get(0)), 3, log);
            try (SuperNetTrainer t = TrainerFixture.trainer(net, m, TrainerFixture.config(Method.SPOS, 12, 0.01, 0))) {
                t.train(12, monitor, null);
            }
            monitored = weights(net);
        }
        List<String[]> rows = org.magicnas.run.CsvFiles.read(dir.resolve("monitor.csv"));
        assertTrue(java.util.Arrays.deepEquals(plain, monitored), "the monitor changed training");
        assertEquals(List.of("step", "changed", "shared_operators", "cosine"), List.of(rows.get(0)));
        assertEquals(5, rows.size(), java.util.Arrays.deepToString(rows.toArray()));
        for (String[] f : rows.subList(1, rows.size())) {
            String row = String.join(",", f);
            int changed = Integer.parseInt(f[1]);
            assertEquals(4 - changed, Integer.parseInt(f[2]), "shared operators = N - changed: " + row);
            assertTrue(changed == 4 ? f[3].isEmpty() : Math.abs(Double.parseDouble(f[3])) <= 1, "no shared operator, no cosine: " + row);
        }
    }

    private static SuperNet trained(NDManager m) {
        SuperNet net = TrainerFixture.net(m, 1);
        try (SuperNetTrainer t = TrainerFixture.trainer(net, m, TrainerFixture.config(Method.SPOS, 10, 0.01, 0))) {
            for (int i = 0; i < 10; i++) {
                t.step();
            }
        }
        return net;
    }

    private static float[][] weights(SuperNet net) {
        List<Parameter> ps = net.allParameters();
        float[][] out = new float[ps.size()][];
        for (int i = 0; i < ps.size(); i++) {
            out[i] = ps.get(i).getArray().toFloatArray();
        }
        return out;
    }
}
