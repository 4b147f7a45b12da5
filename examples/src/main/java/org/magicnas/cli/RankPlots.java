package org.magicnas.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.magicnas.evaluation.plot.BarChart;
import org.magicnas.evaluation.plot.LineChart;
import org.magicnas.evaluation.rank.NoiseCeiling;
import org.magicnas.run.RunDirectory;

/**
 * The PNG plots of {@code rank-correlation}: Kendall tau per method with bootstrap intervals (like
 * Table 1, with the noise ceiling as a bar when measured), and tau against k for MAGIC-T (Figure 3a)
 * when the study has more than one k.
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
        BarChart.builder(names).title(String.format("Kendall tau-b of super-net estimate vs. stand-alone loss (%d children, 95%% CI)", children))
                .yLabel("Kendall tau-b").series("tau", column(rows, 0), column(rows, 1), column(rows, 2)).legend(false).build()
                .write(run.resolve("kendall-tau.png"));
        List<double[]> kPoints = new ArrayList<>();
        for (RankReport.MethodResult r : results) {
            if (r.method().equals("magic-t") || r.method().startsWith("magic-t:k=")) {
                double k = r.method().equals("magic-t") ? 1 : Double.parseDouble(r.method().substring("magic-t:k=".length()));
                kPoints.add(new double[] {k, r.tau().estimate(), (r.tau().interval().upper() - r.tau().interval().lower()) / 2});
            }
        }
        if (kPoints.size() > 1) {
            kPoints.sort((a, b) -> Double.compare(a[0], b[0]));
            double[] x = column(kPoints, 0);
            LineChart.builder(x).xTicks(x).title("MAGIC-T: Kendall tau-b vs. operators changed per step k").xLabel("k")
                    .yLabel("Kendall tau-b (95% CI half-width)").series("magic-t", column(kPoints, 1), column(kPoints, 2)).build()
                    .write(run.resolve("k-sweep.png"));
        }
    }

    private static double[] column(List<double[]> rows, int i) {
        return rows.stream().mapToDouble(r -> r[i]).toArray();
    }
}
