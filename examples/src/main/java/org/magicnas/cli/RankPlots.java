package org.magicnas.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.magicnas.cli.chart.ChartFiles;
import org.magicnas.cli.chart.IntervalBarChart;
import org.magicnas.cli.chart.IntervalLineChart;
import org.magicnas.cli.chart.IntervalSeries;
import org.magicnas.cli.chart.IntervalStyle;
import org.magicnas.evaluation.rank.NoiseCeiling;

/**
 * The PNG plots of {@code rank-correlation}: Kendall tau per method with bootstrap intervals (like
 * Table 1, with the noise ceiling as a bar when measured), tau against k for MAGIC-T (Figure 3a) and
 * against the anchor percentile p for MAGIC-A (Figure 3b) when the study has more than one value.
 * {@code replot} draws them again from a study's {@code results.csv}.
 */
final class RankPlots {
    private RankPlots() {}

    /**
     * A method's Kendall tau with its 95% interval.
     *
     * @param method the method label (e.g. {@code magic-t:k=2})
     * @param tau the estimate
     * @param lower the interval's lower bound
     * @param upper the interval's upper bound
     */
    record Tau(String method, double tau, double lower, double upper) {}

    static void write(List<RankReport.MethodResult> results, NoiseCeiling noise, int children, Path dir)
            throws IOException {
        List<Tau> taus = results.stream().map(r -> new Tau(r.method(), r.tau().estimate(), r.tau().interval().lower(), r.tau().interval().upper()))
                .toList();
        Tau ceiling = noise == null ? null
                : new Tau("seed vs seed", noise.seedTau().estimate(), noise.seedTau().interval().lower(), noise.seedTau().interval().upper());
        write(taus, ceiling, children, dir);
    }

    /**
     * Writes kendall-tau.png, and k-sweep.png and p-sweep.png where the study has two or more values of k or p.
     *
     * @param taus the methods' taus, in table order
     * @param ceiling the seed-vs-seed tau, or null if not measured
     * @param children the panel size
     * @param dir the directory of the PNGs
     * @return the file names written
     */
    static List<String> write(List<Tau> taus, Tau ceiling, int children, Path dir) throws IOException {
        List<Tau> bars = new ArrayList<>(taus);
        if (ceiling != null) {
            bars.add(ceiling);
        }
        List<String> written = new ArrayList<>();
        ChartFiles.write(IntervalBarChart.create(String.format(Locale.ROOT, "Super-net vs. stand-alone ranking, %d children (95%% CI)", children),
                "Kendall tau-b", bars.stream().map(Tau::method).toList(), bars.stream().mapToDouble(Tau::tau).toArray(),
                bars.stream().mapToDouble(Tau::lower).toArray(), bars.stream().mapToDouble(Tau::upper).toArray()), dir.resolve("kendall-tau.png"));
        written.add("kendall-tau.png");
        if (sweep(taus, "magic-t", "k", 1, "MAGIC-T: Kendall tau-b vs. operators changed per step k", dir.resolve("k-sweep.png"))) {
            written.add("k-sweep.png");
        }
        if (sweep(taus, "magic-a", "p", Double.NaN, "MAGIC-A: Kendall tau-b vs. the anchor's rank percentile p", dir.resolve("p-sweep.png"))) {
            written.add("p-sweep.png");
        }
        return written;
    }

    /** Tau against a method's parameter (method:name=value); the plain method counts as {@code plain}, or is left out if NaN. */
    private static boolean sweep(List<Tau> taus, String method, String name, double plain, String title, Path png) throws IOException {
        List<Tau> points = new ArrayList<>();
        List<Double> xs = new ArrayList<>();
        String prefix = method + ":" + name + "=";
        for (Tau t : taus) {
            double x = t.method().equals(method) ? plain : t.method().startsWith(prefix)
                    ? Double.parseDouble(t.method().substring(prefix.length()).split(":")[0]) : Double.NaN;
            if (!Double.isNaN(x)) {
                points.add(t);
                xs.add(x);
            }
        }
        if (points.size() < 2) {
            return false;
        }
        Integer[] order = new Integer[points.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(xs.get(a), xs.get(b)));
        double[] x = new double[order.length];
        double[] y = new double[order.length];
        double[] lo = new double[order.length];
        double[] hi = new double[order.length];
        for (int i = 0; i < order.length; i++) {
            Tau t = points.get(order[i]);
            x[i] = xs.get(order[i]);
            y[i] = t.tau();
            lo[i] = t.lower();
            hi[i] = t.upper();
        }
        ChartFiles.write(IntervalLineChart.create(title, name, "Kendall tau-b (95% CI)", IntervalStyle.BARS,
                List.of(new IntervalSeries(method, x, y, lo, hi))), png);
        return true;
    }
}
