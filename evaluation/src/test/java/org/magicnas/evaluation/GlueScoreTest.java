package org.magicnas.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.magicnas.evaluation.LabelFixtures.evaluate;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.magicnas.data.glue.GlueMetric;
import org.magicnas.data.glue.GlueTask;

class GlueScoreTest {

    private static final GlueTask[] TABLE_2 = {GlueTask.MNLI_MATCHED, GlueTask.QQP,
            GlueTask.QNLI, GlueTask.COLA, GlueTask.SST2, GlueTask.STSB, GlueTask.RTE,
            GlueTask.MRPC};

    private static double tableAverage(double... points) {
        List<GlueScore> scores = new ArrayList<>();
        for (int i = 0; i < TABLE_2.length; i++) {
            scores.add(new GlueScore(TABLE_2[i], TABLE_2[i].metric(), points[i] / 100));
        }
        return GlueScore.average(scores);
    }

    @Test
    void averageReproducesThePapersTable2() {
        // MAGIC paper, Table 2 (dev): MNLI QQP QNLI CoLA SST-2 STS-B RTE MRPC -> AVG
        assertEquals(85.7, tableAverage(85.6, 91.3, 91.8, 61.1, 93.5, 90.3, 80.9, 90.9), 0.05);
        assertEquals(82.1, tableAverage(84.4, 89.9, 88.4, 54.3, 92.7, 88.9, 71.1, 86.7), 0.051);
        assertEquals(84.6, tableAverage(85.9, 89.6, 92.4, 60.3, 93.4, 87.3, 80.4, 87.4), 0.05);
    }

    @Test
    void headlineMetricsAreThoseOfThePaper() {
        List<String> truth = List.of("1", "1", "1", "0", "0");
        List<String> predicted = List.of("1", "1", "0", "0", "1");
        GlueLabelEvaluation e = evaluate(new GlueLabelEvaluator(), truth, predicted);
        GlueScore cola = GlueScore.headline(GlueTask.COLA, e);
        assertEquals(GlueMetric.MATTHEWS_CORRELATION, cola.metric());
        assertEquals(e.matthewsCorrelation(), cola.value(), 0);
        GlueScore mrpc = GlueScore.headline(GlueTask.MRPC, e);
        assertEquals(GlueMetric.ACCURACY, mrpc.metric());
        assertEquals(60.0, mrpc.points(), 1e-9);
        assertEquals(e.f1(), GlueScore.of(GlueTask.QQP, GlueMetric.F1, e).value(), 0);
        assertEquals("MRPC accuracy 60.0", mrpc.toString());
        assertEquals(GlueMetric.SPEARMAN, GlueTask.STSB.metric());
        assertThrows(IllegalArgumentException.class,
                () -> GlueScore.headline(GlueTask.STSB, e), "a classifier has no Spearman");
        assertThrows(IllegalArgumentException.class,
                () -> GlueScore.of(GlueTask.COLA, GlueMetric.F1, e), "CoLA is not scored by F1");
    }

    @Test
    void averageRejectsEmptyAndRepeatedTasks() {
        GlueScore sst = new GlueScore(GlueTask.SST2, GlueMetric.ACCURACY, 0.9);
        GlueScore cola = new GlueScore(GlueTask.COLA, GlueMetric.MATTHEWS_CORRELATION, 0.6);
        assertEquals(75.0, GlueScore.average(List.of(sst, cola)), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> GlueScore.average(List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> GlueScore.average(List.of(sst, sst)));
    }
}
