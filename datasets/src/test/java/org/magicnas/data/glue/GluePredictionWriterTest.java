package org.magicnas.data.glue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

class GluePredictionWriterTest {

    @TempDir Path dir;

    private static <T extends Output<T>> Prediction<T> predict(T unknown, String index, T output) {
        ArrayExample<T> example = new ArrayExample<>(unknown, new String[] {"t000"},
                new double[] {2});
        if (index != null) {
            example.setMetadataValue(GlueDataSource.METADATA_INDEX, index);
        }
        return new Prediction<>(output, 1, example);
    }

    private static List<Prediction<Label>> labels(String... indexAndLabel) {
        List<Prediction<Label>> out = new ArrayList<>();
        for (int i = 0; i < indexAndLabel.length; i += 2) {
            out.add(predict(LabelFactory.UNKNOWN_LABEL, indexAndLabel[i],
                    new Label(indexAndLabel[i + 1])));
        }
        return out;
    }

    @Test
    void writesClassificationSubmissionsWithTaskFileNames() throws IOException {
        Path cola = GluePredictionWriter.write(GlueTask.COLA, labels("0", "1", "1", "0"), dir);
        assertEquals(dir.resolve("CoLA.tsv").toAbsolutePath(), cola);
        assertEquals("index\tprediction\n0\t1\n1\t0\n", Files.readString(cola));

        Path matched = GluePredictionWriter.write(GlueTask.MNLI_MATCHED,
                labels("7", "entailment", "3", "contradiction"), dir);
        assertEquals("MNLI-m.tsv", matched.getFileName().toString());
        assertEquals("index\tprediction\n7\tentailment\n3\tcontradiction\n",
                Files.readString(matched));
        Path mismatched = GluePredictionWriter.write(GlueTask.MNLI_MISMATCHED,
                labels("0", "neutral"), dir.resolve("sub"));
        assertEquals(dir.resolve("sub/MNLI-mm.tsv").toAbsolutePath(), mismatched);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(3, files.count(), "CoLA.tsv, MNLI-m.tsv, sub/: no temporary files");
        }
    }

    @Test
    void writesStsbScoresAsDecimals() throws IOException {
        List<Prediction<Regressor>> predictions = List.of(
                predict(RegressionFactory.UNKNOWN_REGRESSOR, "0", new Regressor("score", 3.25)),
                predict(RegressionFactory.UNKNOWN_REGRESSOR, "1", new Regressor("score", 0.1)));
        Path file = GluePredictionWriter.write(GlueTask.STSB, predictions, dir);
        assertEquals("STS-B.tsv", file.getFileName().toString());
        List<String> lines = Files.readAllLines(file);
        assertEquals(List.of("index\tprediction", "0\t3.25", "1\t0.1"), lines);
    }

    @Test
    void rejectsPredictionsThatDoNotFit() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> GluePredictionWriter.write(GlueTask.RTE, labels("0", "neutral"), dir));
        assertTrue(unknown.getMessage().contains("[entailment, not_entailment]"),
                unknown.getMessage());
        IllegalArgumentException noIndex = assertThrows(IllegalArgumentException.class,
                () -> GluePredictionWriter.write(GlueTask.SST2, labels(null, "1"), dir));
        assertTrue(noIndex.getMessage().contains("'index' metadata"), noIndex.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> GluePredictionWriter.write(GlueTask.SST2, labels("4", "1", "4", "0"), dir));
        assertThrows(IllegalArgumentException.class,
                () -> GluePredictionWriter.write(GlueTask.STSB, labels("0", "1"), dir));
        assertThrows(IllegalArgumentException.class,
                () -> GluePredictionWriter.write(GlueTask.COLA, List.of(), dir));
        assertTrue(!Files.exists(dir.resolve("SST-2.tsv")), "nothing written on failure");
    }

    @Test
    void submissionFilesReadBackWithOpenCsv() throws Exception {
        Path sts = GluePredictionWriter.write(GlueTask.STSB, List.of(
                predict(RegressionFactory.UNKNOWN_REGRESSOR, "0",
                        new Regressor(Regressor.DEFAULT_NAME, 3.25)),
                predict(RegressionFactory.UNKNOWN_REGRESSOR, "1",
                        new Regressor(Regressor.DEFAULT_NAME, 1e-4))), dir);
        List<String[]> rows;
        try (com.opencsv.CSVReader reader = GlueReader.tsvReader(
                Files.newBufferedReader(sts))) {
            rows = reader.readAll();
        }
        assertEquals(List.of("index", "prediction"), List.of(rows.get(0)));
        assertEquals(List.of("0", "3.25"), List.of(rows.get(1)));
        assertEquals(List.of("1", "1.0E-4"), List.of(rows.get(2)));
        assertEquals(1e-4, Double.parseDouble(rows.get(2)[1]));
        assertEquals(3, rows.size());
    }
}
