package org.magicnas.cli;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.magicnas.analysis.InterferenceProbe;
import org.magicnas.evaluation.plot.Heatmap;
import org.magicnas.evaluation.plot.LineChart;
import org.magicnas.evaluation.plot.Palette;
import org.magicnas.run.RunDirectory;

/**
 * The PNG plots of {@code interference}: a heatmap per super-net (Figure 2a/2b; a sequential scale
 * over the observed range, as trained super-nets give cosines in a narrow band), the m-sweep (2c)
 * and the layer sweep (8).
 */
final class InterferencePlots {
    private InterferencePlots() {}

    static void write(List<InterferenceCommand.Probed> results, int layer, RunDirectory run) throws IOException {
        for (InterferenceCommand.Probed p : results) {
            Heatmap.builder(p.matrix().labels(), p.matrix().mean())
                    .title(String.format(Locale.ROOT, "%s: gradient cosine on o_g (layer %d), children differ in layer %d (%d trials)", p.label(), layer, layer + 1,
                            p.matrix().trials()))
                    .palette(Palette.SEQUENTIAL).colorBarLabel("cosine similarity").build().write(run.resolve("heatmap-" + p.label() + ".png"));
        }
        curves(results, true).write(run.resolve("m-sweep.png"));
        if (!results.get(0).layerSweep().isEmpty()) {
            curves(results, false).write(run.resolve("layer-sweep.png"));
        }
    }

    private static LineChart curves(List<InterferenceCommand.Probed> results, boolean bym) {
        List<InterferenceProbe.Point> first = bym ? results.get(0).mSweep() : results.get(0).layerSweep();
        double[] x = first.stream().mapToDouble(InterferenceProbe.Point::x).toArray();
        LineChart.Builder b = LineChart.builder(x).xTicks(x)
                .title(bym ? "Mean gradient cosine vs. number of differing operators m" : "Mean gradient cosine vs. layer of o_g (m = 1)")
                .xLabel(bym ? "m (operators in which the children differ)" : "layer j of the shared operator o_g")
                .yLabel("mean off-diagonal cosine (95% CI)");
        for (InterferenceCommand.Probed p : results) {
            List<InterferenceProbe.Point> pts = bym ? p.mSweep() : p.layerSweep();
            b.series(p.label(), pts.stream().mapToDouble(InterferenceProbe.Point::mean).toArray(),
                    pts.stream().mapToDouble(InterferenceProbe.Point::halfWidth95).toArray());
        }
        return b.build();
    }
}
