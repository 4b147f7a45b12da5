package org.magicnas.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.magicnas.analysis.InterferenceProbe;
import org.magicnas.cli.chart.ChartFiles;
import org.magicnas.cli.chart.HeatmapChart;
import org.magicnas.cli.chart.IntervalLineChart;
import org.magicnas.cli.chart.IntervalSeries;
import org.magicnas.cli.chart.IntervalStyle;

/**
 * The PNG plots of {@code interference}: a heatmap per super-net (Figure 2a/2b; a sequential scale
 * over the observed range, as trained super-nets give cosines in a narrow band), the m-sweep (2c,
 * error bars) and the layer sweep (8, bands). {@code replot} draws them again from a run's CSV files.
 */
final class InterferencePlots {
    private InterferencePlots() {}

    /**
     * What the plots show of one probed super-net.
     *
     * @param label the super-net's label (e.g. {@code magic-a})
     * @param operators the operator names of the matrix
     * @param matrix the mean cosine matrix
     * @param trials the trials per matrix entry
     * @param mSweep mean cosine by m
     * @param layerSweep mean cosine by layer, empty if not measured
     */
    record Net(String label, List<String> operators, double[][] matrix, int trials, List<InterferenceProbe.Point> mSweep,
            List<InterferenceProbe.Point> layerSweep) {}

    static void writeProbed(List<InterferenceCommand.Probed> results, int layer, Path dir) throws IOException {
        write(results.stream().map(p -> new Net(p.label(), p.matrix().labels(), p.matrix().mean(), p.matrix().trials(), p.mSweep(), p.layerSweep()))
                .toList(), layer, dir);
    }

    /**
     * Writes heatmap-&lt;label&gt;.png per super-net, m-sweep.png and, when measured, layer-sweep.png.
     *
     * @param nets the super-nets, at least one
     * @param layer the layer j of o_g of the matrices and the m-sweep
     * @param dir the directory of the PNGs
     * @return the file names written
     */
    static List<String> write(List<Net> nets, int layer, Path dir) throws IOException {
        List<String> written = new ArrayList<>();
        for (Net n : nets) {
            String name = "heatmap-" + n.label() + ".png";
            ChartFiles.write(HeatmapChart.create(String.format(Locale.ROOT, "%s: gradient cosine on o_g (layer %d), children differ in layer %d (%d trials)",
                    n.label(), layer, layer + 1, n.trials()), n.operators(), n.matrix(), "cosine similarity"), dir.resolve(name));
            written.add(name);
        }
        ChartFiles.write(IntervalLineChart.create("Mean gradient cosine vs. number of differing operators m", "m (operators in which the children differ)",
                "mean off-diagonal cosine (95% CI)", IntervalStyle.BARS, curves(nets, true)), dir.resolve("m-sweep.png"));
        written.add("m-sweep.png");
        if (!nets.get(0).layerSweep().isEmpty()) {
            ChartFiles.write(IntervalLineChart.create("Mean gradient cosine vs. layer of o_g (m = 1)", "layer j of the shared operator o_g",
                    "mean off-diagonal cosine (95% CI)", IntervalStyle.BAND, curves(nets, false)), dir.resolve("layer-sweep.png"));
            written.add("layer-sweep.png");
        }
        return written;
    }

    private static List<IntervalSeries> curves(List<Net> nets, boolean bym) {
        List<IntervalSeries> out = new ArrayList<>();
        for (Net n : nets) {
            List<InterferenceProbe.Point> pts = bym ? n.mSweep() : n.layerSweep();
            out.add(IntervalSeries.symmetric(n.label(), pts.stream().mapToDouble(InterferenceProbe.Point::x).toArray(),
                    pts.stream().mapToDouble(InterferenceProbe.Point::mean).toArray(),
                    pts.stream().mapToDouble(InterferenceProbe.Point::halfWidth95).toArray()));
        }
        return out;
    }
}
