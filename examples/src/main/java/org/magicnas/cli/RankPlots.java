package org.magicnas.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.magicnas.evaluation.plot.BarChart;
import org.magicnas.evaluation.plot.LineChart;
import org.magicnas.evaluation.rank.NoiseCeiling;
import org.magicnas.run.RunDirectory;

/**
 * The PNG plots of {@code rank-correlation}: Kendall tau per method with bootstrap intervals (like
 * Table 1, with the noise ceiling as a bar when measured), tau against k for MAGIC-T (Figure 3a) and
 * against the anchor percentile p for MAGIC-A (Figure 3b) when the study has more than one value.
 */
final class RankPlots {
    private RankPlots() {}

    static void write(List<RankReport.MethodResult> results, NoiseCeiling noise, int children, RunDirectory run) throws IOException {
        List<String> names = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (RankReport.MethodResult r : results) {
            names.add(r.method());
            rows.add(new double[] {r.tau().estimate(), r.tau().interval().lower(), r.tau().interval().upper()});
        }
        if (noise != null) {
            names.add("seed vs seed");
            rows.add(new double[] {noise.seedTau().estimate(), noise.seedTau().interval().lower(), noise.seedTau().interval().upper()});
        }
        BarChart.builder(names).title(String.format(Locale.ROOT, "Super-net vs. stand-alone ranking, %d children (95%% CI)", children))
                .yLabel("Kendall tau-b").series("tau", column(rows, 0), column(rows, 1), column(rows, 2)).legend(false).build()
                .write(run.resolve("kendall-tau.png"));
        sweep(results, "magic-t", "k", 1, "MAGIC-T: Kendall tau-b vs. operators changed per step k", run.resolve("k-sweep.png"));
        sweep(results, "magic-a", "p", Double.NaN, "MAGIC-A: Kendall tau-b vs. the anchor's rank percentile p", run.resolve("p-sweep.png"));
    }

    /** Tau against a method's parameter (method:name=value); the plain method counts as {@code plain}, or is left out if NaN. */
    private static void sweep(List<RankReport.MethodResult> results, String method, String name, double plain, String title, java.nio.file.Path png)
            throws IOException {
        List<double[]> points = new ArrayList<>();
        String prefix = method + ":" + name + "=";
        for (RankReport.MethodResult r : results) {
            double x = r.method().equals(method) ? plain : r.method().startsWith(prefix)
                    ? Double.parseDouble(r.method().substring(prefix.length()).split(":")[0]) : Double.NaN;
            if (!Double.isNaN(x)) {
                points.add(new double[] {x, r.tau().estimate(), (r.tau().interval().upper() - r.tau().interval().lower()) / 2});
            }
        }
        if (points.size() > 1) {
            points.sort((a, b) -> Double.compare(a[0], b[0]));
            double[] x = column(points, 0);
            LineChart.builder(x).xTicks(x).title(title).xLabel(name).yLabel("Kendall tau-b (95% CI half-width)")
                    .series(method, column(points, 1), column(points, 2)).build().write(png);
        }
    }

    private static double[] column(List<double[]> rows, int i) {
        return rows.stream().mapToDouble(r -> r[i]).toArray();
    }
}
