package org.magicnas.data.glue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.magicnas.data.tribuo.Split;

class GlueTaskTest {

    @Test
    void filesFollowTheOfficialLayout() {
        assertEquals("CoLA/train.tsv", GlueTask.COLA.relativeFile(Split.TRAIN));
        assertEquals("CoLA/dev.tsv", GlueTask.COLA.relativeFile(Split.DEV));
        assertEquals("CoLA/test.tsv", GlueTask.COLA.relativeFile(Split.TEST));
        assertEquals("SST-2/dev.tsv", GlueTask.SST2.relativeFile(Split.DEV));
        assertEquals("STS-B/test.tsv", GlueTask.STSB.relativeFile(Split.TEST));
        assertEquals("MNLI/train.tsv", GlueTask.MNLI_MATCHED.relativeFile(Split.TRAIN));
        assertEquals("MNLI/train.tsv", GlueTask.MNLI_MISMATCHED.relativeFile(Split.TRAIN));
        assertEquals("MNLI/dev_matched.tsv", GlueTask.MNLI_MATCHED.relativeFile(Split.DEV));
        assertEquals("MNLI/test_matched.tsv", GlueTask.MNLI_MATCHED.relativeFile(Split.TEST));
        assertEquals("MNLI/dev_mismatched.tsv", GlueTask.MNLI_MISMATCHED.relativeFile(Split.DEV));
        assertEquals("MNLI/test_mismatched.tsv",
                GlueTask.MNLI_MISMATCHED.relativeFile(Split.TEST));
        assertEquals(Path.of("/g/QNLI/dev.tsv"), GlueTask.QNLI.file(Path.of("/g"), Split.DEV));
    }

    @Test
    void onlyColaTrainAndDevLackAHeader() {
        for (GlueTask task : GlueTask.values()) {
            for (Split split : Split.values()) {
                boolean headerless = task == GlueTask.COLA && split != Split.TEST;
                assertEquals(!headerless, task.hasHeader(split), task + " " + split);
            }
        }
        assertEquals(List.of("source", "label", "original_label", "sentence"),
                GlueTask.COLA.headerlessColumns());
    }

    @Test
    void columnsLabelsAndMetrics() {
        assertEquals(List.of("#1 String", "#2 String"), GlueTask.MRPC.textColumns());
        assertEquals("Quality", GlueTask.MRPC.labelColumn());
        assertEquals("is_duplicate", GlueTask.QQP.labelColumn());
        assertEquals("id", GlueTask.QQP.indexColumn());
        assertEquals("gold_label", GlueTask.MNLI_MISMATCHED.labelColumn());
        assertEquals(List.of("entailment", "neutral", "contradiction"),
                GlueTask.MNLI_MATCHED.labels());
        assertEquals(List.of("entailment", "not_entailment"), GlueTask.RTE.labels());
        assertTrue(GlueTask.STSB.isRegression());
        assertEquals("score", GlueTask.STSB.labelColumn());
        assertFalse(GlueTask.COLA.isPair());
        assertTrue(GlueTask.QNLI.isPair());
        assertEquals(GlueMetric.MATTHEWS_CORRELATION, GlueTask.COLA.metric());
        assertEquals(GlueMetric.SPEARMAN, GlueTask.STSB.metric());
        assertEquals(GlueMetric.ACCURACY, GlueTask.MRPC.metric());
        assertEquals(List.of(GlueMetric.ACCURACY, GlueMetric.F1), GlueTask.QQP.metrics());
        for (GlueTask task : GlueTask.values()) {
            assertTrue(task.metrics().contains(task.metric()), task.toString());
            assertEquals(task.isRegression(), task.labels().isEmpty());
        }
    }

    @Test
    void submissionFiles() {
        assertEquals(List.of("CoLA.tsv", "SST-2.tsv", "MRPC.tsv", "QQP.tsv", "STS-B.tsv",
                        "MNLI-m.tsv", "MNLI-mm.tsv", "QNLI.tsv", "RTE.tsv", "WNLI.tsv", "AX.tsv"),
                Arrays.stream(GlueTask.values()).map(GlueTask::submissionFile).toList());
        assertEquals(11, GlueTask.SUBMISSION_FILES.size());
    }

    @Test
    void theDiagnosticSetIsTestOnlyInMnliLabels() {
        assertEquals("diagnostic/diagnostic.tsv", GlueTask.AX.relativeFile(Split.TEST));
        assertThrows(IllegalArgumentException.class, () -> GlueTask.AX.relativeFile(Split.TRAIN));
        assertThrows(IllegalArgumentException.class, () -> GlueTask.AX.file(Path.of("/g"), Split.DEV));
        assertEquals(GlueTask.MNLI_MATCHED.labels(), GlueTask.AX.labels());
        assertEquals(List.of("sentence1", "sentence2"), GlueTask.AX.textColumns());
        assertTrue(GlueTask.AX.testOnly());
        assertEquals(1, Arrays.stream(GlueTask.values()).filter(GlueTask::testOnly).count());
    }
}
