package org.magicnas.finetune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.magicnas.space.Architecture;
import org.magicnas.space.OperatorSpec;
import org.magicnas.space.SearchSpace;
import org.magicnas.supernet.ChildModel;
import org.magicnas.supernet.EncoderFiles;
import org.magicnas.supernet.SuperNetConfig;
import org.magicnas.train.AdamSettings;
import org.magicnas.train.CheckpointStore;

class FineTuneTrainerTest {
    private static final SearchSpace SPACE = new SearchSpace("ft", 32, 2, 32,
            List.of(OperatorSpec.mha(2, 32), OperatorSpec.ffn("FFN", 64), OperatorSpec.conv(3)));
    private static final SuperNetConfig CONFIG = new SuperNetConfig(SPACE, 50, 16, 0.1f);
    private static final Architecture ARCH = Architecture.parse(SPACE, "CONV3,MHA2");

    /** The label is the token right after [CLS] (10 or 11, 12 for a third class): learnable by a CONV3 layer. */
    static SequenceData data(int n, long seed, boolean pairs) {
        Random r = new Random(seed);
        int[][] ids = new int[n][];
        int[][] seg = new int[n][];
        int[] classes = new int[n];
        for (int i = 0; i < n; i++) {
            int len = 4 + r.nextInt(10);
            ids[i] = new int[len];
            seg[i] = new int[len];
            ids[i][0] = 2;
            classes[i] = r.nextInt(3);
            ids[i][1] = 10 + classes[i];
            for (int t = 2; t < len; t++) {
                ids[i][t] = 13 + r.nextInt(37);
                seg[i][t] = pairs && t > len / 2 ? 1 : 0;
            }
        }
        return new SequenceData(ids, seg, classes, null);
    }

    private static FineTuneConfig config(int epochs) {
        return new FineTuneConfig(epochs, 16, 3e-3, 0.1, new AdamSettings(0.9, 0.999, 1e-6, 0.01, 1.0), 5, 0.2, 3);
    }

    @Test
    void learnsATaskKeepsTheBestEpochAndIsDeterministic(@TempDir Path dir) throws Exception {
        float[][] first = null;
        for (int run = 0; run < 2; run++) {
            try (NDManager manager = NDManager.newBaseManager()) {
                Engine.getInstance().setRandomSeed(3);
                ChildModel encoder = ChildModel.create(CONFIG, ARCH);
                encoder.initialize(manager);
                SequenceModel model = new SequenceModel(encoder, TaskKind.CLASSIFICATION, 3, 0.1f);
                model.initializeHead(manager);
                FineTuneTrainer trainer = new FineTuneTrainer(config(12));
                FineTuneResult result = trainer.train(model, manager, data(300, 1, true), new CheckpointStore(dir.resolve("ckpt" + run), 2), e -> { });
                double best = result.history().stream().mapToDouble(EpochRecord::validMetric).max().orElseThrow();
                assertEquals(best, result.history().get(result.bestEpoch() - 1).validMetric());
                assertEquals(best, trainer.evaluate(model, manager, result.validation())[1], 1e-9, "restored weights are not the best epoch's");
                assertTrue(best >= 0.9, "validation accuracy " + best);
                assertTrue(Files.isDirectory(dir.resolve("ckpt" + run).resolve(String.format("step-%09d", result.history().size()))));
                float[][] p = SequencePredictor.predict(model, manager, data(40, 9, true), 7);
                for (float[] row : p) {
                    float sum = 0;
                    for (float v : row) {
                        sum += v;
                    }
                    assertEquals(1f, sum, 1e-5f);
                }
                if (first == null) {
                    first = p;
                } else {
                    for (int i = 0; i < p.length; i++) {
                        assertArrayEquals(first[i], p[i], "run 2 differs at example " + i);
                    }
                }
            }
        }
    }

    /** Fine-tuning stopped in epoch 3 resumes from its checkpoint and ends with the weights and history of a straight run. */
    @Test
    void interruptedFineTuningResumesExactly(@TempDir Path dir) throws Exception {
        SequenceData data = data(100, 4, false);
        float[][] straight;
        List<EpochRecord> straightHistory;
        try (NDManager manager = NDManager.newBaseManager()) {
            SequenceModel model = model(manager);
            straightHistory = new FineTuneTrainer(config(4)).train(model, manager, data, null, e -> { }).history();
            straight = SequencePredictor.predict(model, manager, data(30, 9, false), 8);
        }
        CheckpointStore store = new CheckpointStore(dir, 2);
        try (NDManager manager = NDManager.newBaseManager()) {
            SequenceModel model = model(manager);
            assertThrows(IllegalStateException.class, () -> new FineTuneTrainer(config(4)).train(model, manager, data, store, e -> {
                if (e.epoch() == 3) {
                    throw new IllegalStateException("killed");
                }
            }));
        }
        List<Integer> epochs = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            SequenceModel model = model(manager);
            FineTuneResult r = new FineTuneTrainer(config(4)).train(model, manager, data, store, e -> epochs.add(e.epoch()));
            assertEquals(List.of(3, 4).subList(0, epochs.size()), epochs, "resumed after epoch 2");
            assertEquals(straightHistory, r.history());
            float[][] p = SequencePredictor.predict(model, manager, data(30, 9, false), 8);
            for (int i = 0; i < p.length; i++) {
                assertArrayEquals(straight[i], p[i], "example " + i);
            }
        }
    }

    private static SequenceModel model(NDManager manager) {
        Engine.getInstance().setRandomSeed(3);
        ChildModel encoder = ChildModel.create(CONFIG, ARCH);
        encoder.initialize(manager);
        SequenceModel model = new SequenceModel(encoder, TaskKind.CLASSIFICATION, 3, 0.1f);
        model.initializeHead(manager);
        return model;
    }

    @Test
    void regressionHeadTrainsOnTargets() throws Exception {
        SequenceData cls = data(200, 2, false);
        float[] targets = new float[cls.size()];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = cls.classes()[i] * 2.5f;
        }
        SequenceData reg = new SequenceData(cls.ids(), cls.segments(), null, targets);
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            ChildModel encoder = ChildModel.create(CONFIG, ARCH);
            encoder.initialize(manager);
            SequenceModel model = new SequenceModel(encoder, TaskKind.REGRESSION, 1, 0.1f);
            model.initializeHead(manager);
            FineTuneResult r = new FineTuneTrainer(new FineTuneConfig(25, 16, 3e-3, 0.1, new AdamSettings(0.9, 0.999, 1e-6, 0.01, 1.0), 5, 0.2, 25))
                    .train(model, manager, reg, null, e -> { });
            // Predicting the mean gives an MSE of about 4.2 (variance of {0, 2.5, 5}); the model must do far better.
            assertTrue(-r.history().get(r.bestEpoch() - 1).validMetric() < 1.0, "validation MSE " + r.history());
        }
    }

    @Test
    void savedEncoderReloadsWithIdenticalOutputs(@TempDir Path dir) throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(4);
            ChildModel encoder = ChildModel.create(CONFIG, ARCH);
            encoder.initialize(manager);
            EncoderFiles.save(dir, CONFIG, encoder);
            ChildModel loaded = EncoderFiles.load(dir, manager);
            assertEquals(ARCH, EncoderFiles.spec(dir).architecture());
            assertEquals(ARCH, loaded.architecture());
            SequenceData d = data(10, 3, true);
            try (NDManager sm = manager.newSubManager()) {
                var ctx = SequenceBatches.context(sm, d, 0, d.size(), 0);
                assertArrayEquals(encoder.forward(ctx, false, new int[0]).output().toFloatArray(),
                        loaded.forward(ctx, false, new int[0]).output().toFloatArray());
            }
        }
    }
}
