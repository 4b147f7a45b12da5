package org.magicnas.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.magicnas.data.glue.GlueMetric;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.baseline.DummyRegressionTrainer;

class GlueRegressionEvaluatorTest {

    private static final double EPS = 1e-12;

    private static ArrayExample<Regressor> example(Regressor output) {
        return new ArrayExample<>(output, new String[] {"t000"}, new double[] {2});
    }

    private static MutableDataset<Regressor> dataset(List<Regressor> outputs) {
        MutableDataset<Regressor> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance("hand-made", new RegressionFactory()),
                new RegressionFactory());
        outputs.forEach(o -> dataset.add(example(o)));
        return dataset;
    }

    private static List<Regressor> scores(double... values) {
        List<Regressor> out = new ArrayList<>();
        for (double v : values) {
            out.add(new Regressor("score", v));
        }
        return out;
    }

    private static GlueRegressionEvaluation evaluate(double[] predicted, double[] truth) {
        MutableDataset<Regressor> data = dataset(scores(truth));
        Model<Regressor> model = DummyRegressionTrainer.createMeanTrainer().train(data);
        List<Prediction<Regressor>> predictions = new ArrayList<>();
        for (int i = 0; i < truth.length; i++) {
            predictions.add(new Prediction<>(new Regressor("score", predicted[i]), 1,
                    data.getExample(i)));
        }
        return new GlueRegressionEvaluator().evaluate(model, predictions, data.getProvenance());
    }

    @Test
    void pearsonMatchesScipyExample() {
        // scipy.stats.pearsonr docstring: x = [1..7], y = [10, 9, 2.5, 6, 4, 3, 2]
        GlueRegressionEvaluation e = evaluate(new double[] {1, 2, 3, 4, 5, 6, 7},
                new double[] {10, 9, 2.5, 6, 4, 3, 2});
        assertEquals(-0.8285038835884281, e.pearson(), 1e-12);
        assertEquals(e.pearson(), e.get(GlueMetric.PEARSON, "score"), EPS);
    }

    @Test
    void spearmanAveragesTiedRanks() {
        // scipy.stats.spearmanr([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]) = 0.8207826816681233
        assertEquals(0.8207826816681233, evaluate(new double[] {1, 2, 3, 4, 5},
                new double[] {5, 6, 7, 8, 7}).spearman(), 1e-12);
        // By hand: ranks (1, 2.5, 2.5, 4) and (1, 3, 2, 4) -> 4.5 / sqrt(4.5 * 5)
        GlueRegressionEvaluation e = evaluate(new double[] {1, 2, 2, 3},
                new double[] {1, 3, 2, 4});
        assertEquals(4.5 / Math.sqrt(4.5 * 5), e.spearman(), EPS);
        assertEquals(e.spearman(), e.get(GlueMetric.SPEARMAN), EPS);
        // Monotone but not linear: Spearman 1, Pearson below 1.
        GlueRegressionEvaluation monotone = evaluate(new double[] {1, 2, 3, 4},
                new double[] {1, 4, 9, 100});
        assertEquals(1.0, monotone.spearman(), EPS);
        assertTrue(monotone.pearson() < 0.9, "pearson " + monotone.pearson());
    }

    @Test
    void undefinedCorrelationsAreNaN() {
        assertTrue(Double.isNaN(evaluate(new double[] {2, 2, 2},
                new double[] {1, 2, 3}).pearson()));
        assertTrue(Double.isNaN(evaluate(new double[] {1, Double.NaN, 3},
                new double[] {1, 2, 3}).spearman()));
        assertTrue(Double.isNaN(evaluate(new double[] {1}, new double[] {1}).pearson()));
        assertThrows(IllegalArgumentException.class,
                () -> GlueRegressionMetrics.PEARSON.compute(new double[2], new double[3]));
    }

    @Test
    void matchesDimensionsByNameAndAveragesThem() {
        List<Regressor> truth = new ArrayList<>();
        double[][] t = {{1, 10}, {2, 30}, {3, 20}, {4, 40}};
        for (double[] row : t) {
            truth.add(new Regressor(new String[] {"b", "a"}, new double[] {row[0], row[1]}));
        }
        MutableDataset<Regressor> data = dataset(truth);
        Model<Regressor> model = DummyRegressionTrainer.createMeanTrainer().train(data);
        List<Prediction<Regressor>> predictions = new ArrayList<>();
        for (int i = 0; i < t.length; i++) {
            // "b" predicted perfectly, "a" predicted in reverse order.
            predictions.add(new Prediction<>(new Regressor(new String[] {"a", "b"},
                    new double[] {-t[i][1], t[i][0]}), 1, data.getExample(i)));
        }
        GlueRegressionEvaluation e =
                new GlueRegressionEvaluator().evaluate(model, predictions, data.getProvenance());
        assertEquals(1.0, e.get(GlueMetric.SPEARMAN, "b"), EPS);
        assertEquals(-1.0, e.get(GlueMetric.SPEARMAN, "a"), EPS);
        assertEquals(0.0, e.spearman(), EPS);
        assertEquals(List.of("a", "b"), e.getContext().dimensions());
        assertThrows(IllegalArgumentException.class, () -> e.get(GlueMetric.ACCURACY));
    }

    @Test
    void evaluatesAModelOnADatasetAndRejectsUnknownTruth() {
        MutableDataset<Regressor> data = dataset(scores(1, 2, 3));
        Model<Regressor> mean = DummyRegressionTrainer.createMeanTrainer().train(data);
        GlueRegressionEvaluation e = new GlueRegressionEvaluator().evaluate(mean, data);
        assertEquals(3, e.getPredictions().size());
        assertTrue(Double.isNaN(e.pearson()), "a constant prediction has no correlation");
        List<Prediction<Regressor>> unknown = List.of(new Prediction<>(
                new Regressor("score", 1), 1, example(RegressionFactory.UNKNOWN_REGRESSOR)));
        assertThrows(IllegalArgumentException.class, () -> new GlueRegressionEvaluator()
                .evaluate(mean, unknown, data.getProvenance()));
    }
}
