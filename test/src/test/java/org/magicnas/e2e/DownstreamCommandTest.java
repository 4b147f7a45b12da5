package org.magicnas.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.magicnas.cli.Magic;
import org.magicnas.data.glue.GlueDataSource;
import org.magicnas.data.glue.GlueTask;
import org.magicnas.data.tribuo.BertTextExtractor;
import org.magicnas.data.tribuo.Split;
import org.tribuo.DataSource;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

/** finetune and glue end to end on small files in the official GLUE layout. */
class DownstreamCommandTest {
    private record Result(int code, String err) {}

    private static Result run(String... args) {
        StringWriter err = new StringWriter();
        int code = Magic.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
        return new Result(code, err.toString());
    }

    @Test
    void glueRunsEveryTaskWritesSubmissionFilesAndATable(@TempDir Path tmp) throws Exception {
        Path data = GlueFixtures.glueData(tmp.resolve("glue"));
        Path encoder = GlueFixtures.encoder(tmp.resolve("encoder"));
        Path runs = tmp.resolve("runs");
        Result r = run("glue", "--data", data.toString(), "--encoder", encoder.toString(), "--epochs", "1", "--lr", "1e-3", "--runs-dir", runs.toString());
        assertEquals(0, r.code(), r.err());
        Path run;
        try (Stream<Path> s = Files.list(runs)) {
            run = s.findFirst().orElseThrow();
        }
        for (String f : List.of("SST-2.tsv", "STS-B.tsv", "MNLI-m.tsv", "MNLI-mm.tsv")) {
            List<String> lines = Files.readAllLines(run.resolve("predictions").resolve(f));
            assertEquals("index\tprediction", lines.get(0), f);
            assertEquals(13, lines.size(), f);
        }
        List<String> sts = Files.readAllLines(run.resolve("predictions").resolve("STS-B.tsv"));
        Double.parseDouble(sts.get(1).split("\t")[1]);
        assertTrue(List.of("entailment", "neutral", "contradiction").contains(Files.readAllLines(run.resolve("predictions").resolve("MNLI-m.tsv")).get(1).split("\t")[1]));
        String table = Files.readString(run.resolve("glue.txt"));
        for (String col : List.of("MNLI-m", "MNLI-mm", "SST-2", "STS-B", "AVG")) {
            assertTrue(table.contains(col), table);
        }
        assertTrue(Files.isRegularFile(run.resolve("mnli-encoder").resolve("encoder.params")), "STS-B starts from the MNLI model's encoder");
        Model<?> sst = Model.deserializeFromFile(run.resolve("SST-2.model"));
        assertTrue(sst.generatesProbabilities());

        // The table's numbers are the saved models' dev scores, recomputed here from their predictions.
        Map<String, Double> points = tableRow(table);
        assertEquals(List.of("MNLI-m", "MNLI-mm", "SST-2", "STS-B", "AVG"), List.copyOf(points.keySet()), table);
        Map<String, Double> recomputed = new LinkedHashMap<>();
        try (BertTextExtractor<Label> x = new BertTextExtractor<>(encoder.resolve("tokenizer.json"), 64)) {
            for (GlueTask t : List.of(GlueTask.MNLI_MATCHED, GlueTask.MNLI_MISMATCHED, GlueTask.SST2)) {
                String saved = (t == GlueTask.MNLI_MISMATCHED ? GlueTask.MNLI_MATCHED : t).submissionName() + ".model";
                List<Prediction<Label>> ps = predict(run.resolve(saved), GlueDataSource.classification(t, data, Split.DEV, x, false));
                long right = ps.stream().filter(p -> p.getOutput().getLabel().equals(p.getExample().getOutput().getLabel())).count();
                assertEquals(12, ps.size(), t.toString());
                recomputed.put(t.submissionName(), 100.0 * right / ps.size());
            }
        }
        try (BertTextExtractor<Regressor> x = new BertTextExtractor<>(encoder.resolve("tokenizer.json"), 64)) {
            List<Prediction<Regressor>> ps = predict(run.resolve("STS-B.model"), GlueDataSource.regression(data, Split.DEV, x, false));
            double[] predicted = ps.stream().mapToDouble(p -> p.getOutput().getValues()[0]).toArray();
            double[] gold = ps.stream().mapToDouble(p -> p.getExample().getOutput().getValues()[0]).toArray();
            recomputed.put("STS-B", 100 * new SpearmansCorrelation().correlation(predicted, gold));
        }
        recomputed.put("AVG", recomputed.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow());
        for (Map.Entry<String, Double> e : recomputed.entrySet()) {
            // glue.txt prints one decimal
            assertEquals(e.getValue(), points.get(e.getKey()), 0.05 + 1e-9, e.getKey() + " in " + table);
        }
    }

    /** The table's columns and the numbers of its one row, in order (the first column names the encoder). */
    private static Map<String, Double> tableRow(String table) {
        String[] lines = table.strip().split("\n");
        assertEquals(2, lines.length, table);
        String[] header = lines[0].strip().split(" +");
        String[] row = lines[1].strip().split(" +");
        assertEquals(header.length, row.length, table);
        Map<String, Double> points = new LinkedHashMap<>();
        for (int i = 1; i < header.length; i++) {
            points.put(header[i], Double.parseDouble(row[i]));
        }
        return points;
    }

    @SuppressWarnings("unchecked")
    private static <T extends Output<T>> List<Prediction<T>> predict(Path modelFile, DataSource<T> dev) throws IOException {
        Model<T> model = (Model<T>) Model.deserializeFromFile(modelFile);
        try {
            return model.predict(new MutableDataset<>(dev));
        } finally {
            if (model instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
