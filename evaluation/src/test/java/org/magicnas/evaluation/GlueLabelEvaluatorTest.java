package org.magicnas.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.magicnas.evaluation.LabelFixtures.concat;
import static org.magicnas.evaluation.LabelFixtures.evaluate;
import static org.magicnas.evaluation.LabelFixtures.repeat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.magicnas.data.glue.GlueMetric;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.baseline.DummyClassifierTrainer;
import org.tribuo.evaluation.metrics.MetricID;
import org.tribuo.evaluation.metrics.MetricTarget;

class GlueLabelEvaluatorTest {

    private static final double EPS = 1e-12;

    @Test
    void binaryTableByHand() {
        // tp = 6, fn = 2, fp = 1, tn = 3 with "1" positive.
        List<String> truth = concat(repeat("1", 8), repeat("0", 4));
        List<String> predicted = concat(repeat("1", 6), repeat("0", 2), repeat("1", 1),
                repeat("0", 3));
        GlueLabelEvaluation e = evaluate(new GlueLabelEvaluator(), truth, predicted);
        // (6*3 - 1*2) / sqrt(7 * 8 * 4 * 5)
        assertEquals(16 / Math.sqrt(1120), e.matthewsCorrelation(), EPS);
        assertEquals(0.47809144373375745, e.matthewsCorrelation(), EPS);
        assertEquals(9.0 / 12, e.accuracy(), EPS);
        assertEquals(2.0 * 6 / (2 * 6 + 1 + 2), e.f1(), EPS);
        assertEquals(6, e.getConfusionMatrix().tp(new Label("1")), EPS);
        assertEquals(12, e.getPredictions().size());
        assertEquals(e.f1(), e.asMap().get(new MetricID<>(
                new MetricTarget<>(new Label("1")), "f1")), EPS);
    }

    @Test
    void sklearnMatthewsExampleWithoutPositiveLabel() {
        // sklearn.metrics.matthews_corrcoef docstring: -0.33...
        GlueLabelEvaluation e = evaluate(new GlueLabelEvaluator(),
                List.of("+1", "+1", "+1", "-1"), List.of("+1", "-1", "+1", "+1"));
        assertEquals(-1.0 / 3, e.matthewsCorrelation(), EPS);
        assertEquals(0.5, e.accuracy(), EPS);
        assertFalse(e.glueMetrics().contains(GlueMetric.F1));
        IllegalArgumentException noF1 = assertThrows(IllegalArgumentException.class, e::f1);
        assertTrue(noF1.getMessage().contains("positive label"), noF1.getMessage());
    }

    @Test
    void sklearnF1ExampleWithAChosenPositiveLabel() {
        // sklearn.metrics.f1_score docstring, average=None: [0.8, 0.0, 0.0]
        List<String> truth = List.of("0", "1", "2", "0", "1", "2");
        List<String> predicted = List.of("0", "2", "1", "0", "0", "1");
        assertEquals(0.8, evaluate(new GlueLabelEvaluator("0"), truth, predicted).f1(), EPS);
        GlueLabelEvaluation one = evaluate(new GlueLabelEvaluator(), truth, predicted);
        assertEquals(0.0, one.f1(), EPS);
        assertEquals(2.0 / 6, one.accuracy(), EPS);
    }

    @Test
    void sklearnAccuracyExample() {
        // sklearn.metrics.accuracy_score docstring: y_pred [0, 2, 1, 3], y_true [0, 1, 2, 3]
        GlueLabelEvaluation e = evaluate(new GlueLabelEvaluator(),
                List.of("0", "1", "2", "3"), List.of("0", "2", "1", "3"));
        assertEquals(0.5, e.get(GlueMetric.ACCURACY), EPS);
    }

    @Test
    void multiClassMatthewsIsGorodkinsRk() {
        // c = 4, s = 6, t = (3, 2, 1), p = (2, 2, 2): (4*6 - 12) / sqrt((36 - 12) * (36 - 14))
        GlueLabelEvaluation e = evaluate(new GlueLabelEvaluator(),
                List.of("0", "0", "0", "1", "1", "2"), List.of("0", "0", "1", "1", "2", "2"));
        assertEquals(12 / Math.sqrt(24 * 22), e.matthewsCorrelation(), EPS);
        GlueLabelEvaluation symmetric = evaluate(new GlueLabelEvaluator(),
                List.of("0", "0", "1", "1", "2", "2"), List.of("0", "1", "1", "2", "2", "0"));
        assertEquals(0.25, symmetric.matthewsCorrelation(), EPS);
        GlueLabelEvaluation perfect = evaluate(new GlueLabelEvaluator(),
                List.of("a", "b", "c"), List.of("a", "b", "c"));
        assertEquals(1.0, perfect.matthewsCorrelation(), EPS);
    }

    @Test
    void evaluatesAModelOnADataset() {
        MutableDataset<Label> train = LabelFixtures.dataset(List.of("0", "1", "1"));
        Model<Label> constant = DummyClassifierTrainer.createConstantTrainer("1").train(train);
        MutableDataset<Label> dev = LabelFixtures.dataset(List.of("1", "1", "0", "0", "0"));
        GlueLabelEvaluation e = new GlueLabelEvaluator().evaluate(constant, dev);
        assertEquals(0.4, e.accuracy(), EPS);
        assertEquals(0.0, e.matthewsCorrelation(), EPS, "undefined MCC is 0, as in sklearn");
        assertEquals(4.0 / 7, e.f1(), EPS);
        assertTrue(e.toString().contains("mcc=0.0000"), e.toString());

        MutableDataset<Label> unlabelled = LabelFixtures.dataset(List.of());
        unlabelled.add(new org.tribuo.impl.ArrayExample<>(LabelFactory.UNKNOWN_LABEL,
                new String[] {"t000"}, new double[] {2}));
        assertThrows(IllegalArgumentException.class,
                () -> new GlueLabelEvaluator().evaluate(constant, unlabelled));
    }

    @Test
    void matthewsOfAnEmptyMatrixIsNaN() {
        Model<Label> model = LabelFixtures.model(List.of("0", "1"), List.of());
        GlueLabelEvaluation e = new GlueLabelEvaluator().evaluate(model, List.of(),
                LabelFixtures.dataset(List.of()).getProvenance());
        assertTrue(Double.isNaN(e.matthewsCorrelation()));
    }
}
