package org.magicnas.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.baseline.DummyClassifierTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** Hand-made classification predictions and a model that knows their labels. */
final class LabelFixtures {

    private LabelFixtures() {}

    static ArrayExample<Label> example(String label) {
        return new ArrayExample<>(new Label(label), new String[] {"t000"}, new double[] {2});
    }

    static MutableDataset<Label> dataset(List<String> labels) {
        MutableDataset<Label> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance("hand-made", new LabelFactory()),
                new LabelFactory());
        for (String label : labels) {
            dataset.add(example(label));
        }
        return dataset;
    }

    /** A model whose label domain is every label in {@code truth} and {@code predicted}. */
    static Model<Label> model(List<String> truth, List<String> predicted) {
        List<String> all = new ArrayList<>(new TreeSet<>(truth));
        all.addAll(predicted);
        return DummyClassifierTrainer.createMostFrequentTrainer().train(dataset(all));
    }

    static List<Prediction<Label>> predictions(List<String> truth, List<String> predicted) {
        List<Prediction<Label>> out = new ArrayList<>();
        for (int i = 0; i < truth.size(); i++) {
            out.add(new Prediction<>(new Label(predicted.get(i)), 1, example(truth.get(i))));
        }
        return out;
    }

    static GlueLabelEvaluation evaluate(
            GlueLabelEvaluator evaluator, List<String> truth, List<String> predicted) {
        Model<Label> model = model(truth, predicted);
        return evaluator.evaluate(model, predictions(truth, predicted),
                dataset(truth).getProvenance());
    }

    static List<String> repeat(String label, int times) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            out.add(label);
        }
        return out;
    }

    @SafeVarargs
    static List<String> concat(List<String>... parts) {
        List<String> out = new ArrayList<>();
        for (List<String> part : parts) {
            out.addAll(part);
        }
        return out;
    }
}
