package org.magicnas.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.magicnas.run.CsvFiles;
import org.magicnas.run.RunDirectory;

/**
 * The table of {@code pipeline --seeds}: per row, the mean over seeds of the MLM loss, genre accuracy
 * and macro-F1 with a 95% Student-t interval, and the paired difference of MAGIC-AT's row against
 * SPOS's (the same seed's data and budget), which answers whether MAGIC-AT's searched child beats
 * SPOS's downstream.
 */
final class PipelineSeedsReport {
    private final List<Long> seeds;
    private final Map<String, List<PipelineCommand.Row>> byRow = new LinkedHashMap<>();

    /** A mean with its interval. */
    record Estimate(double mean, double lower, double upper) {
        static Estimate of(double[] values) {
            SummaryStatistics s = new SummaryStatistics();
            for (double v : values) {
                s.addValue(v);
            }
            double half = new TDistribution(values.length - 1).inverseCumulativeProbability(0.975) * s.getStandardDeviation() / Math.sqrt(values.length);
            return new Estimate(s.getMean(), s.getMean() - half, s.getMean() + half);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.4f [%.4f, %.4f]", mean, lower, upper);
        }
    }

    PipelineSeedsReport(List<Long> seeds, List<List<PipelineCommand.Row>> tables) {
        this.seeds = seeds;
        for (List<PipelineCommand.Row> table : tables) {
            for (PipelineCommand.Row r : table) {
                byRow.computeIfAbsent(r.name(), x -> new ArrayList<>()).add(r);
            }
        }
    }

    void write(RunDirectory run) throws IOException {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%d seeds (%s); mean [95%% t-interval over seeds]%n", seeds.size(), seeds));
        text.append(String.format(Locale.ROOT, "%-10s %-28s %-28s %-28s%n", "row", "MLM loss", "accuracy", "macro-F1"));
        List<String[]> csv = new ArrayList<>();
        for (Map.Entry<String, List<PipelineCommand.Row>> e : byRow.entrySet()) {
            List<PipelineCommand.Row> rows = e.getValue();
            Estimate loss = of(rows, PipelineCommand.Row::mlmLoss);
            Estimate acc = of(rows, PipelineCommand.Row::accuracy);
            Estimate f1 = of(rows, PipelineCommand.Row::macroF1);
            text.append(String.format(Locale.ROOT, "%-10s %-28s %-28s %-28s%n", e.getKey(), loss, acc, f1));
            csvRows(csv, e.getKey(), List.of("mlm_val_loss", "genre_accuracy", "genre_macro_f1"), List.of(loss, acc, f1), rows.size());
        }
        List<PipelineCommand.Row> at = byRow.get("magic-at");
        List<PipelineCommand.Row> spos = byRow.get("spos");
        if (at != null && spos != null && at.size() == spos.size()) {
            Estimate loss = paired(at, spos, PipelineCommand.Row::mlmLoss);
            Estimate acc = paired(at, spos, PipelineCommand.Row::accuracy);
            Estimate f1 = paired(at, spos, PipelineCommand.Row::macroF1);
            text.append(String.format(Locale.ROOT, "%-10s %-28s %-28s %-28s%n", "at - spos", loss, acc, f1));
            text.append(String.format(Locale.ROOT, "magic-at - spos, paired by seed: accuracy %s, macro-F1 %s, MLM loss %s (lower is better)%n",
                    verdict(acc, true), verdict(f1, true), verdict(loss, false)));
            csvRows(csv, "magic-at-minus-spos", List.of("mlm_val_loss", "genre_accuracy", "genre_macro_f1"), List.of(loss, acc, f1), at.size());
        }
        text.append("children found:\n");
        for (Map.Entry<String, List<PipelineCommand.Row>> e : byRow.entrySet()) {
            for (int i = 0; i < e.getValue().size(); i++) {
                text.append(String.format(Locale.ROOT, "  %-10s seed %-6d %s%n", e.getKey(), seeds.get(i), e.getValue().get(i).arch()));
            }
        }
        System.out.print(text);
        run.writeString("results.txt", text.toString());
        run.writeString("results.csv", CsvFiles.text(List.of("row", "metric", "mean", "lower", "upper", "seeds"), csv));
        System.out.println("run directory: " + run);
    }

    private static Estimate of(List<PipelineCommand.Row> rows, ToDoubleFunction<PipelineCommand.Row> metric) {
        return Estimate.of(rows.stream().mapToDouble(metric).toArray());
    }

    private static Estimate paired(List<PipelineCommand.Row> a, List<PipelineCommand.Row> b, ToDoubleFunction<PipelineCommand.Row> metric) {
        double[] d = new double[a.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = metric.applyAsDouble(a.get(i)) - metric.applyAsDouble(b.get(i));
        }
        return Estimate.of(d);
    }

    private static String verdict(Estimate diff, boolean higherIsBetter) {
        if (diff.lower() <= 0 && diff.upper() >= 0) {
            return "no difference resolved";
        }
        return (diff.mean() > 0) == higherIsBetter ? "magic-at better" : "spos better";
    }

    private static void csvRows(List<String[]> csv, String row, List<String> metrics, List<Estimate> values, int n) {
        for (int i = 0; i < metrics.size(); i++) {
            Estimate v = values.get(i);
            csv.add(new String[] {row, metrics.get(i), CsvFiles.fixed(v.mean(), 6), CsvFiles.fixed(v.lower(), 6), CsvFiles.fixed(v.upper(), 6), String.valueOf(n)});
        }
    }
}
