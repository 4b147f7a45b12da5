package org.magicnas.tribuo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.config.PropertyException;
import ai.djl.Device;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.magicnas.device.Devices;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.magicnas.data.tribuo.BertTextExtractor;
import org.tribuo.test.Helpers;

class MagicFineTuneTrainerTest {
    private static final Path dir = TopicFixture.dir();
    private static final BertTextExtractor<Regressor> values = TopicFixture.values();
    private static final String[] SPORT = TopicFixture.SPORT;
    private static final String[] FOOD = TopicFixture.FOOD;

    private static MutableDataset<Label> topics(int n, long seed) {
        return TopicFixture.topics(n, seed);
    }

    private static MagicFineTuneTrainer<Label> trainer() {
        return new MagicFineTuneTrainer<Label>(dir, EncoderStart.PRETRAINED, 8, 2e-3, 7).withShape(24, 16, 0.2, 3);
    }

    @Test
    void learnsTopicsAndPredictsProbabilitiesInBatches() {
        MutableDataset<Label> train = topics(200, 1);
        try (MagicModel<Label> model = trainer().train(train)) {
            var eval = new LabelEvaluator().evaluate(model, topics(100, 2));
            assertTrue(eval.accuracy() > 0.9, "accuracy " + eval.accuracy());
            List<Prediction<Label>> batch = model.predict(topics(10, 3));
            for (Prediction<Label> p : batch) {
                double sum = p.getOutputScores().values().stream().mapToDouble(Label::getScore).sum();
                assertEquals(1.0, sum, 1e-5);
                assertEquals(2, p.getOutputScores().size());
            }
            Example<Label> one = topics(10, 3).getExample(4);
            assertEquals(batch.get(4).getOutput().getScore(), model.predict(one).getOutput().getScore(), 1e-6);
            var architecture = (com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance) model.getProvenance().getInstanceProvenance()
                    .getMap().get("architecture");
            assertEquals("MHA2,FFN", architecture.getValue());
            assertTrue(model.getProvenance().getInstanceProvenance().getMap().containsKey("encoder-sha256"));
            assertTrue(model.getProvenance().getInstanceProvenance().getMap().containsKey("tokenizer-sha256"));
        }
    }

    @Test
    void protobufRoundTripIsSelfContainedAndPredictsTheSame() {
        MutableDataset<Label> train = topics(80, 4);
        try (MagicModel<Label> model = trainer().train(train)) {
            Model<Label> copy = Helpers.testModelProtoSerialization(model, Label.class, topics(30, 5), 0.0);
            assertTrue(copy instanceof MagicModel);
            ((MagicModel<Label>) copy).close();
            try (MagicModel<Label> twin = (MagicModel<Label>) model.copy()) {
                assertTrue(Helpers.predictionListDistributionEquals(model.predict(topics(20, 6)), twin.predict(topics(20, 6)), 0.0));
                assertEquals(model.getProvenance(), twin.getProvenance());
            }
        }
    }

    @Test
    void aModelMovesToAnotherDeviceAsACopy() {
        try (MagicModel<Label> model = trainer().train(topics(60, 4))) {
            assertEquals(Devices.name(Devices.defaultDevice()), model.device());
            try (MagicModel<Label> cpu = model.onDevice("cpu")) {
                assertEquals("cpu", cpu.device());
                assertEquals(model.getProvenance(), cpu.getProvenance());
                assertTrue(Helpers.predictionListDistributionEquals(model.predict(topics(20, 6)), cpu.predict(topics(20, 6)), 0.0));
            }
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.onDevice("gpu:99"));
            assertTrue(e.getMessage().startsWith("device gpu:99: no such device; the engine (PyTorch "), e.getMessage());
            assertEquals(1, model.predict(topics(1, 7)).size(), "the model still predicts after a refused move");
        }
    }

    @Test
    void aTrainerRecreatedFromTheModelsProvenanceTrainsTheSameModel() {
        MutableDataset<Label> train = topics(80, 6);
        MagicFineTuneTrainer<Label> original = trainer();
        original.setDevice("cpu");
        original.train(topics(20, 9)).close();
        try (MagicModel<Label> model = original.train(train)) {
            assertEquals("cpu", model.getProvenance().getTrainerProvenance().getConfiguredParameters().get("device").toString());
            assertEquals("cpu", model.getProvenance().getInstanceProvenance().getMap().get("device").toString(), "the device used");
            @SuppressWarnings("unchecked")
            MagicFineTuneTrainer<Label> replay = Replay.trainerOf(model, MagicFineTuneTrainer.class);
            assertEquals(1, replay.getInvocationCount());
            // The device is not part of what is trained: the replay runs on the engine's default device (the CPU here).
            replay.setDevice("");
            Assumptions.assumeTrue(Devices.defaultDevice().equals(Device.cpu()), "bit-for-bit equality is a CPU property");
            try (MagicModel<Label> again = replay.train(train)) {
                MutableDataset<Label> test = topics(40, 10);
                List<Prediction<Label>> a = model.predict(test);
                List<Prediction<Label>> b = again.predict(test);
                for (int i = 0; i < a.size(); i++) {
                    assertEquals(a.get(i).getOutput().getLabel(), b.get(i).getOutput().getLabel());
                    assertEquals(a.get(i).getOutput().getScore(), b.get(i).getOutput().getScore(), 0.0);
                }
            }
        }
    }

    @Test
    void aDeviceTheEngineDoesNotSeeIsRefusedBeforeTraining() {
        MagicFineTuneTrainer<Label> trainer = trainer();
        trainer.setDevice("gpu:99");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> trainer.train(topics(20, 9)));
        assertTrue(e.getMessage().startsWith("device gpu:99: no such device; the engine (PyTorch "), e.getMessage());
        assertEquals(0, trainer.getInvocationCount(), "a refused call is not counted");
    }

    @Test
    void regressionOnAScore() {
        Random r = new Random(11);
        List<Example<Regressor>> list = new ArrayList<>();
        for (int i = 0; i < 160; i++) {
            boolean sport = r.nextBoolean();
            String[] pool = sport ? SPORT : FOOD;
            list.add(values.extract(new Regressor("score", sport ? 4.0 : 1.0), pool[r.nextInt(pool.length)]));
        }
        MutableDataset<Regressor> data = new MutableDataset<>(new ListDataSource<>(list, new RegressionFactory(),
                new SimpleDataSourceProvenance("scores", new RegressionFactory())));
        MagicFineTuneTrainer<Regressor> t = new MagicFineTuneTrainer<Regressor>(dir, EncoderStart.PRETRAINED, 30, 2e-3, 3).withShape(24, 16, 0.2, 30);
        try (MagicModel<Regressor> model = t.train(data)) {
            double se = 0;
            for (Prediction<Regressor> p : model.predict(data)) {
                double d = p.getOutput().getValues()[0] - p.getExample().getOutput().getValues()[0];
                se += d * d;
            }
            // Predicting the mean gives a squared error of about 2.25 per example.
            assertTrue(se / data.size() < 0.5, "mean squared error " + se / data.size());
            assertArrayEquals(new String[] {"score"}, model.predict(data.getExample(0)).getOutput().getNames());
        }
    }

    @Test
    void badConfigurationNamesTheField() {
        PropertyException e = assertThrows(PropertyException.class, () -> new MagicFineTuneTrainer<Label>(dir, EncoderStart.PRETRAINED, 0, 1e-3, 1));
        assertTrue(e.getMessage().contains("epochs"), e.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> new MagicFineTuneTrainer<Label>(dir.resolve("nowhere"), EncoderStart.PRETRAINED, 1, 1e-3, 1).train(topics(10, 1)));
        assertTrue(missing.getMessage().contains("nowhere"), missing.getMessage());
    }
}
