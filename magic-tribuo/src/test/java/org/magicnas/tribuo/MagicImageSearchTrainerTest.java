package org.magicnas.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.magicnas.data.image.PixelFeatures;
import org.magicnas.evaluation.TopKLabelEvaluation;
import org.magicnas.evaluation.TopKLabelEvaluator;
import org.magicnas.sampling.SplitMix64;
import org.magicnas.train.Method;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.test.Helpers;

class MagicImageSearchTrainerTest {

    /**
     * Ten classes of 28x28 grey images, a bar at angle k with noise, as sparse pixel features: pixels
     * that are 0 (a two-pixel border, in every image) are left out, as Tribuo's IDX source does.
     */
    static MutableDataset<Label> bars(int n, long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        List<Example<Label>> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = rng.nextInt(10);
            double angle = Math.PI * k / 10;
            List<String> names = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (int r = 2; r < 26; r++) {
                for (int c = 2; c < 26; c++) {
                    double dist = Math.abs((c - 13.5) * Math.sin(angle) - (r - 13.5) * Math.cos(angle));
                    names.add(PixelFeatures.name(r * 28 + c));
                    values.add(Math.min(1, (dist < 2 ? 0.8 : 0.1) + 0.2 * rng.nextDouble()));
                }
            }
            list.add(new ArrayExample<>(new Label("angle" + k), names.toArray(new String[0]), values.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        LabelFactory f = new LabelFactory();
        return new MutableDataset<>(new ListDataSource<>(list, f, new SimpleDataSourceProvenance("bars", f)));
    }

    private static MagicImageSearchTrainer trainer() {
        return new MagicImageSearchTrainer(Method.MAGIC_AT, "mobilenet-cpu", 40, 100, 3).withSearch(4, 1, 0, 0).withTraining(32, 1e-2, 2);
    }

    @Tag("slow")
    @Test
    void searchesRetrainsAndPredictsProbabilitiesAndReplaysFromProvenance() {
        MutableDataset<Label> train = bars(400, 1);
        MutableDataset<Label> test = bars(100, 2);
        assertTrue(train.getFeatureMap().size() < 28 * 28, "border pixels are absent from the feature map");
        MagicImageSearchTrainer trainer = trainer();
        try (MagicImageModel model = trainer.train(train); MagicImageModel again = Replay.trainerOf(model, MagicImageSearchTrainer.class).train(train)) {
            // The trainer re-created from the model's provenance alone searches and trains the same model.
            assertEquals(model.architecture(), again.architecture());
            assertTrue(Helpers.predictionListDistributionEquals(model.predict(test), again.predict(test), 0.0));
            double accuracy = new LabelEvaluator().evaluate(model, test).accuracy();
            assertTrue(accuracy > 0.8, "accuracy " + accuracy);
            TopKLabelEvaluation topK = new TopKLabelEvaluator().evaluate(model, test);
            assertEquals(1 - accuracy, topK.error(1), 1e-9);
            assertTrue(topK.error(5) <= topK.error(1));
            var instance = model.getProvenance().getInstanceProvenance().getMap();
            assertEquals(model.architecture().toString(), ((StringProvenance) instance.get("architecture")).getValue());
            assertEquals("recalibrate on 2 training batches of 32 images", ((StringProvenance) instance.get("batchnorm-policy")).getValue());
            assertTrue(instance.containsKey("flops-per-image") && instance.containsKey("search-validation-top1-error"));
            Model<Label> copy = Helpers.testModelProtoSerialization(model, Label.class, test, 0.0);
            ((MagicImageModel) copy).close();
            try (MagicImageModel cpu = model.onDevice("cpu")) {
                assertEquals("cpu", cpu.device());
                assertTrue(Helpers.predictionListDistributionEquals(model.predict(test), cpu.predict(test), 0.0));
            }
        }
    }

    @Test
    void rejectsPixelsOutsideTheSpacesImagesAndTextSpaces() {
        List<Example<Label>> list = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            list.add(new ArrayExample<>(new Label("c" + (i % 2)), new String[] {PixelFeatures.name(i % 2 == 0 ? 5 : 28 * 28)}, new double[] {1}));
        }
        LabelFactory f = new LabelFactory();
        MutableDataset<Label> wide = new MutableDataset<>(new ListDataSource<>(list, f, new SimpleDataSourceProvenance("wide", f)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> trainer().train(wide));
        assertEquals("example 1: example has pixel feature px000784, expected indices below 784 (1x28x28 images of the space)", e.getMessage());
        assertThrows(PropertyException.class, () -> new MagicImageSearchTrainer(Method.SPOS, "tiny", 10, 10, 1));
    }
}
