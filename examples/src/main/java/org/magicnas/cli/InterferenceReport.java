package org.magicnas.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.magicnas.analysis.InterferenceProbe;
import org.magicnas.run.CsvFiles;
import org.magicnas.run.RunDirectory;

/**
 * The output of {@code interference}: a table on the console and in {@code results.txt}, the
 * matrices and sweeps as CSV and JSON, and PNG plots like the paper's Figures 2 and 8.
 */
final class InterferenceReport {
    private final List<InterferenceCommand.Probed> results;
    private final int layer;
    private final int repeats;

    InterferenceReport(List<InterferenceCommand.Probed> results, int layer, int repeats) {
        this.results = results;
        this.layer = layer;
        this.repeats = repeats;
    }

    void write(RunDirectory run) throws IOException {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "mean gradient cosine on o_g in layer %d, %d trials each (higher = less interference)%n", layer, repeats));
        int maxM = results.get(0).mSweep().size();
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-14s %10s %10s", "super-net", "same kind", "other kind"));
        for (int m = 1; m <= maxM; m++) {
            head.append(String.format(Locale.ROOT, " %15s", "m=" + m));
        }
        text.append(head).append('\n');
        List<String[]> sweepCsv = new ArrayList<>();
        Map<String, Object> json = new LinkedHashMap<>();
        for (InterferenceCommand.Probed p : results) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-14s %10.3f %10.3f", p.label(), p.sameKind(), p.otherKind()));
            for (InterferenceProbe.Point pt : p.mSweep()) {
                row.append(String.format(Locale.ROOT, " %7.3f +-%5.3f", pt.mean(), pt.halfWidth95()));
            }
            text.append(row).append('\n');
            appendSweep(sweepCsv, p.label(), "m", p.mSweep());
            appendSweep(sweepCsv, p.label(), "layer", p.layerSweep());
            run.writeString("matrix-" + p.label() + ".csv", matrixCsv(p.matrix()));
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("labels", p.matrix().labels());
            one.put("matrix", p.matrix().mean());
            one.put("trials", p.matrix().trials());
            one.put("sameKindMean", p.sameKind());
            one.put("otherKindMean", p.otherKind());
            one.put("mSweep", p.mSweep());
            one.put("layerSweep", p.layerSweep());
            json.put(p.label(), one);
        }
        if (!results.get(0).layerSweep().isEmpty()) {
            text.append(String.format(Locale.ROOT, "%nmean gradient cosine by the layer j of o_g (children differ in layer j+1)%n"));
            StringBuilder h = new StringBuilder(String.format(Locale.ROOT, "%-14s", "super-net"));
            for (InterferenceProbe.Point pt : results.get(0).layerSweep()) {
                h.append(String.format(Locale.ROOT, " %6s", "j=" + pt.x()));
            }
            text.append(h).append('\n');
            for (InterferenceCommand.Probed p : results) {
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-14s", p.label()));
                for (InterferenceProbe.Point pt : p.layerSweep()) {
                    row.append(String.format(Locale.ROOT, " %6.3f", pt.mean()));
                }
                text.append(row).append('\n');
            }
        }
        System.out.print(text);
        run.writeString("results.txt", text.toString());
        run.writeString("sweeps.csv", CsvFiles.text(List.of("supernet", "sweep", "x", "mean", "sd", "trials"), sweepCsv));
        run.writeString("interference.json", SuperNetRun.GSON.toJson(json));
        InterferencePlots.writeProbed(results, layer, run.root());
    }

    private static void appendSweep(List<String[]> csv, String label, String sweep, List<InterferenceProbe.Point> points) {
        for (InterferenceProbe.Point pt : points) {
            csv.add(new String[] {label, sweep, String.valueOf(pt.x()), CsvFiles.fixed(pt.mean(), 6), CsvFiles.fixed(pt.sd(), 6), String.valueOf(pt.trials())});
        }
    }

    private static String matrixCsv(InterferenceProbe.Matrix m) {
        List<String> header = new ArrayList<>();
        header.add("operator");
        header.addAll(m.labels());
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < m.labels().size(); i++) {
            List<String> cells = new ArrayList<>();
            cells.add(m.labels().get(i));
            for (double v : m.mean()[i]) {
                cells.add(CsvFiles.fixed(v, 6));
            }
            rows.add(cells.toArray(String[]::new));
        }
        return CsvFiles.text(header, rows);
    }
}
