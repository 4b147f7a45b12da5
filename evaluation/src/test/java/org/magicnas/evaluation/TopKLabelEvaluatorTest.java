package org.magicnas.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.DataProvenance;

class TopKLabelEvaluatorTest {

    private static final double EPS = 1e-12;
    private static final DataProvenance DATA = LabelFixtures.dataset(List.of()).getProvenance();

    /** A model whose domain is the given labels. */
    private static Model<Label> domain(String... labels) {
        return LabelFixtures.model(List.of(labels), List.of());
    }

    /**
     * A prediction of {@code truth} from alternating label names and scores, kept in the given
     * order; the predicted label is the best-scored one (ties: name ascending).
     */
    private static Prediction<Label> scored(String truth, Object... namesAndScores) {
        Map<String, Label> scores = new LinkedHashMap<>();
        for (int i = 0; i < namesAndScores.length; i += 2) {
            String name = (String) namesAndScores[i];
            scores.put(name, new Label(name, ((Number) namesAndScores[i + 1]).doubleValue()));
        }
        Label best = scores.values().stream()
                .min(Comparator.comparingDouble(Label::getScore).reversed()
                        .thenComparing(Label::getLabel))
                .orElseThrow();
        return new Prediction<>(best, scores, 1, LabelFixtures.example(truth), true);
    }

    @Test
    void topOneErrorIsOneMinusTribuoAccuracy() {
        String[] labels = {"a", "b", "c", "d", "e", "f"};
        Random rng = new Random(42);
        List<Prediction<Label>> predictions = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Object[] namesAndScores = new Object[2 * labels.length];
            for (int j = 0; j < labels.length; j++) {
                namesAndScores[2 * j] = labels[j];
                namesAndScores[2 * j + 1] = rng.nextDouble();
            }
            predictions.add(scored(labels[rng.nextInt(labels.length)], namesAndScores));
        }
        Model<Label> model = domain(labels);
        TopKLabelEvaluation e = new TopKLabelEvaluator().evaluate(model, predictions, DATA);
        double accuracy = new LabelEvaluator().evaluate(model, predictions, DATA).accuracy();
        assertTrue(accuracy > 0.05 && accuracy < 0.5, "a non-trivial case: " + accuracy);
        assertEquals(1 - accuracy, e.error(1), EPS);
        assertEquals(accuracy, e.accuracy(1), EPS);
        assertTrue(e.error(5) < e.error(1));
        assertEquals(List.of(1, 5), e.ks());
        assertEquals(2, e.asMap().size());
        assertEquals(200, e.getPredictions().size());
    }

    @Test
    void topTwoAndTopFiveByHand() {
        Model<Label> model = domain("a", "b", "c", "d", "e", "f", "g");
        List<Prediction<Label>> predictions = List.of(
                // c third: a top-2 miss, a top-5 hit
                scored("c", "a", .5, "b", .3, "c", .1, "d", .05, "e", .03, "f", .01, "g", .01),
                // b second: hits
                scored("b", "a", .5, "b", .3, "c", .1, "d", .05, "e", .03, "f", .01, "g", .01),
                // g last: misses
                scored("g", "a", .5, "b", .3, "c", .1, "d", .05, "e", .03, "f", .02, "g", 0),
                // f sixth of seven, scores listed out of order: misses
                scored("f", "f", .02, "g", .01, "a", .5, "b", .3, "c", .1, "d", .05, "e", .03));
        TopKLabelEvaluation e = new TopKLabelEvaluator(5, 2).evaluate(model, predictions, DATA);
        assertEquals(List.of(2, 5), e.ks());
        assertEquals(3.0 / 4, e.error(2), EPS);
        assertEquals(2.0 / 4, e.error(5), EPS);
        assertEquals(0.5, e.accuracy(5), EPS);
        assertEquals("top-2 error 0.7500, top-5 error 0.5000 (n=4)", e.toString());
        assertEquals(e.error(2), e.asMap().get(TopKError.forK(2).getID()), EPS);
    }

    @Test
    void tiesGoToTheHigherScoreThenTheSmallerLabelName() {
        Model<Label> model = domain("a", "b", "c", "d");
        TopKLabelEvaluator evaluator = new TopKLabelEvaluator(1, 2, 3);
        // All tied: the ranking is a, b, c, d whatever the map order.
        TopKLabelEvaluation tied = evaluator.evaluate(model, List.of(
                scored("b", "d", .25, "c", .25, "b", .25, "a", .25)), DATA);
        assertEquals(1, tied.error(1), EPS);
        assertEquals(0, tied.error(2), EPS);
        TopKLabelEvaluation last = evaluator.evaluate(model, List.of(
                scored("d", "d", .25, "c", .25, "b", .25, "a", .25)), DATA);
        assertEquals(1, last.error(3), EPS);
        // c ties with b behind a: b comes first, so c is third.
        TopKLabelEvaluation behind = evaluator.evaluate(model, List.of(
                scored("c", "c", .3, "b", .3, "a", .4, "d", 0)), DATA);
        assertEquals(1, behind.error(2), EPS);
        assertEquals(0, behind.error(3), EPS);
        // A higher score beats a smaller name.
        TopKLabelEvaluation higher = evaluator.evaluate(model, List.of(
                scored("d", "a", .3, "b", .3, "c", .3, "d", .31)), DATA);
        assertEquals(0, higher.error(1), EPS);
    }

    @Test
    void kAtLeastTheNumberOfLabelsHasNoError() {
        Model<Label> model = domain("x", "y", "z");
        List<Prediction<Label>> predictions = List.of(
                scored("z", "x", .7, "y", .2, "z", .1), scored("y", "x", .7, "y", .2, "z", .1));
        TopKLabelEvaluation e = new TopKLabelEvaluator().evaluate(model, predictions, DATA);
        assertEquals(1, e.error(1), EPS);
        assertEquals(0, e.error(5), EPS);
        assertEquals(1, e.accuracy(5), EPS);
        assertEquals(0, new TopKLabelEvaluator(3).evaluate(model, predictions, DATA).error(3), EPS);
        assertEquals(0.5, new TopKLabelEvaluator(2).evaluate(model, predictions, DATA).error(2),
                EPS);
    }

    @Test
    void predictionsWithoutScoresAreRejected() {
        Model<Label> model = domain("0", "1");
        List<Prediction<Label>> unscored = LabelFixtures.predictions(
                List.of("0", "1"), List.of("0", "0"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TopKLabelEvaluator().evaluate(model, unscored, DATA));
        assertTrue(e.getMessage().contains("needs per-label scores"), e.getMessage());
        assertTrue(e.getMessage().contains("DummyClassifierModel"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());

        MutableDataset<Label> dev = LabelFixtures.dataset(List.of("0", "1"));
        IllegalArgumentException viaModel = assertThrows(IllegalArgumentException.class,
                () -> new TopKLabelEvaluator().evaluate(model, dev));
        assertTrue(viaModel.getMessage().contains("per-label scores"), viaModel.getMessage());
    }

    @Test
    void unknownTruthIsRejected() {
        Model<Label> model = domain("0", "1");
        Prediction<Label> unknown = new Prediction<>(new Label("0"),
                Map.of("0", new Label("0", .6), "1", new Label("1", .4)), 1,
                new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, new String[] {"t000"},
                        new double[] {2}), true);
        assertThrows(IllegalArgumentException.class,
                () -> new TopKLabelEvaluator().evaluate(model, List.of(unknown), DATA));
        MutableDataset<Label> unlabelled = LabelFixtures.dataset(List.of());
        unlabelled.add(unknown.getExample());
        assertThrows(IllegalArgumentException.class,
                () -> new TopKLabelEvaluator().evaluate(model, unlabelled));
    }

    @Test
    void badKsAreRejected() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> new TopKLabelEvaluator(1, 0));
        assertEquals("k must be positive, got 0", zero.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> new TopKLabelEvaluator(-3));
        assertTrue(negative.getMessage().contains("-3"), negative.getMessage());
        IllegalArgumentException repeated = assertThrows(IllegalArgumentException.class,
                () -> new TopKLabelEvaluator(1, 5, 1));
        assertTrue(repeated.getMessage().contains("k 1 is repeated"), repeated.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TopKLabelEvaluator(new int[0]));
        assertEquals(List.of(1, 5), new TopKLabelEvaluator().ks());

        TopKLabelEvaluation e = new TopKLabelEvaluator().evaluate(domain("0", "1"),
                List.of(scored("0", "0", .9, "1", .1)), DATA);
        IllegalArgumentException notEvaluated = assertThrows(IllegalArgumentException.class,
                () -> e.error(3));
        assertEquals("top-3 error was not evaluated: this evaluation has ks [1, 5]",
                notEvaluated.getMessage());
        assertThrows(IllegalArgumentException.class, () -> e.accuracy(2));
    }
}
