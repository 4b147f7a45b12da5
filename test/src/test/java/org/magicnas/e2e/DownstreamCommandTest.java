package org.magicnas.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opencsv.CSVParserBuilder;
import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.ICSVParser;
import com.opencsv.exceptions.CsvException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.junit.jupiter.api.Tag;
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
        assertTrue(table.lines().skip(1).findFirst().orElseThrow().strip().endsWith(" -"), "no WNLI: AVG+WNLI is '-': " + table);
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
        // AVG as in the paper's Table 2: MNLI-mm (and WNLI) left out
        recomputed.put("AVG", recomputed.entrySet().stream().filter(e -> !e.getKey().equals("MNLI-mm")).mapToDouble(Map.Entry::getValue).average()
                .orElseThrow());
        for (Map.Entry<String, Double> e : recomputed.entrySet()) {
            // glue.txt prints one decimal
            assertEquals(e.getValue(), points.get(e.getKey()), 0.05 + 1e-9, e.getKey() + " in " + table);
        }
    }

    private static List<String[]> tsv(Path file) throws IOException {
        try (CSVReader reader = new CSVReaderBuilder(Files.newBufferedReader(file)).withCSVParser(new CSVParserBuilder().withSeparator('\t')
                .withQuoteChar(ICSVParser.NULL_CHARACTER).withEscapeChar(ICSVParser.NULL_CHARACTER).withIgnoreQuotations(true).build()).build()) {
            return reader.readAll();
        } catch (CsvException e) {
            throw new IOException(e);
        }
    }

    /** Every task and the diagnostic set: the 11 files the GLUE server expects, read back with OpenCSV, and their zip (about 30 s). */
    @Tag("slow")
    @Test
    void glueRunsEveryTaskWritesTheElevenSubmissionFilesAZipAndATable(@TempDir Path tmp) throws Exception {
        Path data = GlueFixtures.fullGlueData(tmp.resolve("glue"));
        Path encoder = GlueFixtures.encoder(tmp.resolve("encoder"));
        Path runs = tmp.resolve("runs");
        Result r = run("glue", "--data", data.toString(), "--encoder", encoder.toString(), "--epochs", "1", "--lr", "1e-3", "--runs-dir", runs.toString(),
                "--zip");
        assertEquals(0, r.code(), r.err());
        Path run;
        try (Stream<Path> s = Files.list(runs)) {
            run = s.findFirst().orElseThrow();
        }
        List<String> expected = List.of("CoLA.tsv", "SST-2.tsv", "MRPC.tsv", "QQP.tsv", "STS-B.tsv", "MNLI-m.tsv", "MNLI-mm.tsv", "QNLI.tsv", "RTE.tsv",
                "WNLI.tsv", "AX.tsv");
        try (Stream<Path> s = Files.list(run.resolve("predictions"))) {
            assertEquals(new TreeSet<>(expected), s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new)));
        }
        Map<String, List<String>> labels = Map.of("CoLA.tsv", List.of("0", "1"), "SST-2.tsv", List.of("0", "1"), "MRPC.tsv", List.of("0", "1"),
                "QQP.tsv", List.of("0", "1"), "MNLI-m.tsv", List.of("entailment", "neutral", "contradiction"), "MNLI-mm.tsv",
                List.of("entailment", "neutral", "contradiction"), "QNLI.tsv", List.of("entailment", "not_entailment"), "RTE.tsv",
                List.of("entailment", "not_entailment"), "WNLI.tsv", List.of("0", "1"), "AX.tsv", List.of("entailment", "neutral", "contradiction"));
        for (String f : expected) {
            List<String[]> rows = tsv(run.resolve("predictions").resolve(f));
            assertEquals(List.of("index", "prediction"), List.of(rows.get(0)), f);
            int n = f.equals("AX.tsv") ? GlueFixtures.FULL_EVAL + 1 : GlueFixtures.FULL_EVAL;
            assertEquals(n + 1, rows.size(), f);
            for (int i = 1; i < rows.size(); i++) {
                assertEquals(2, rows.get(i).length, f);
                assertEquals(Integer.toString(i - 1), rows.get(i)[0], f + ": the test file's index, in order");
                if (f.equals("STS-B.tsv")) {
                    double score = Double.parseDouble(rows.get(i)[1]);
                    assertTrue(Double.isFinite(score), f);
                } else {
                    assertTrue(labels.get(f).contains(rows.get(i)[1]), f + ": " + rows.get(i)[1]);
                }
            }
        }
        List<String> zipped = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(run.resolve("submission.zip")))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                zipped.add(e.getName());
                assertArrayEquals(Files.readAllBytes(run.resolve("predictions").resolve(e.getName())), in.readAllBytes(), e.getName());
            }
        }
        assertEquals(expected, zipped, "the prediction files at the archive's root, in the server's order");

        List<String> table = Files.readAllLines(run.resolve("glue.txt"));
        List<String> columns = List.of(table.get(0).trim().split(" +"));
        assertEquals(List.of("model", "MNLI-m", "MNLI-mm", "QQP", "QNLI", "CoLA", "SST-2", "STS-B", "RTE", "MRPC", "WNLI", "AVG", "AVG+WNLI"), columns);
        List<String> values = List.of(table.get(1).trim().split(" +"));
        double[] v = values.subList(1, values.size()).stream().mapToDouble(Double::parseDouble).toArray();
        double table2 = (v[0] + v[2] + v[3] + v[4] + v[5] + v[6] + v[7] + v[8]) / 8;
        assertEquals(table2, v[10], 0.101, "AVG: the eight tasks of Table 2, without MNLI-mm and WNLI");
        assertEquals((8 * table2 + v[9]) / 9, v[11], 0.101, "AVG+WNLI");
        assertTrue(table.get(2).contains("the paper's Table 2 uses") && table.get(2).contains("leaves out WNLI"), table.get(2));
        assertTrue(Files.isRegularFile(run.resolve("mnli-encoder").resolve("encoder.params")), "STS-B starts from the MNLI model's encoder");
        for (String task : List.of("WNLI", "RTE", "MNLI-m", "CoLA")) {
            assertTrue(Files.isRegularFile(run.resolve(task + ".model")), task);
        }
        Model<?> sst = Model.deserializeFromFile(run.resolve("SST-2.model"));
        assertTrue(sst.generatesProbabilities());
    }

    /** The table's columns and the numbers of its one row, in order (the first column names the encoder; '-' columns left out). */
    private static Map<String, Double> tableRow(String table) {
        String[] lines = table.strip().split("\n");
        assertEquals(3, lines.length, table);
        assertTrue(lines[2].startsWith("AVG: "), table);
        String[] header = lines[0].strip().split(" +");
        String[] row = lines[1].strip().split(" +");
        assertEquals(header.length, row.length, table);
        assertEquals("AVG+WNLI", header[header.length - 1], table);
        Map<String, Double> points = new LinkedHashMap<>();
        for (int i = 1; i < header.length; i++) {
            if (!row[i].equals("-")) {
                points.put(header[i], Double.parseDouble(row[i]));
            }
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
