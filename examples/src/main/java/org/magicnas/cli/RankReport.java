package org.magicnas.cli;

import static org.magicnas.run.CsvFiles.fixed;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.magicnas.evaluation.rank.Bootstrap;
import org.magicnas.evaluation.rank.BootstrapResult;
import org.magicnas.evaluation.rank.Interval;
import org.magicnas.evaluation.rank.NoiseCeiling;
import org.magicnas.evaluation.rank.RankCorrelation;
import org.magicnas.evaluation.rank.Statistic;
import org.magicnas.evaluation.rank.Verdict;
import org.magicnas.alignment.AnchorStatistics;
import org.magicnas.analysis.SuperNetEstimates;
import org.magicnas.run.CsvFiles;
import org.magicnas.run.RunDirectory;
import org.magicnas.space.Architecture;

/**
 * The statistics and output of {@code rank-correlation}. The ground truth of a child is its negative
 * stand-alone validation loss (the mean over its two seeds when every child has two), a method's
 * estimate its negative loss on the super-net. Per method:
 * Kendall tau-b and Spearman averaged over the super-net seeds, with percentile-bootstrap intervals
 * over children (each resample recomputes every seed's correlation on the same children), the spread
 * over seeds, precision at top-k, and the paired difference of tau against SPOS. The noise ceiling
 * (tau between two seeds of stand-alone training) says whether the ground truth discriminates at all.
 * The paper's claims (Table 1, Figure 3) are judged by paired differences: supported, contradicted or
 * unresolved at this power, with the half-width of each interval (the smallest difference the study
 * resolves) and, for unresolved ones, the panel size that would resolve the estimated difference.
 */
final class RankReport {
    private final List<Architecture> children;
    private final double[] seed1;
    private final double[] replicate;
    private final double[] truth;
    private final boolean meanOfSeeds;
    private final Map<String, List<double[]>> byMethod = new LinkedHashMap<>();
    private final Map<String, List<AnchorStatistics>> anchors = new LinkedHashMap<>();
    private final int topK;
    private final Bootstrap bootstrap;

    /** One method's results. */
    record MethodResult(String method, int seeds, BootstrapResult tau, double tauSeedSd, BootstrapResult spearman, double precisionAtK,
            BootstrapResult tauMinusSpos) {}

    /** A claim of the paper judged on this study: {@code tau(better) - tau(worse) > 0}. */
    record Claim(String source, String text, String better, String worse, BootstrapResult difference, Verdict verdict, long childrenToResolve) {}

    RankReport(List<Architecture> children, double[] seed1Loss, double[] seed2Loss, List<RankCorrelationCommand.Variant> variants,
            List<SuperNetEstimates.Estimate> estimates, int topK, int resamples, long seed) {
        this.children = children;
        this.seed1 = negate(seed1Loss);
        this.replicate = negate(seed2Loss);
        this.meanOfSeeds = replicate.length == seed1.length;
        this.truth = seed1.clone();
        if (meanOfSeeds) {
            for (int i = 0; i < truth.length; i++) {
                truth[i] = (seed1[i] + replicate[i]) / 2;
            }
        }
        for (int i = 0; i < variants.size(); i++) {
            byMethod.computeIfAbsent(variants.get(i).label(), x -> new ArrayList<>()).add(negate(estimates.get(i).losses()));
            if (estimates.get(i).anchor() != null && estimates.get(i).anchor().comparisons() > 0) {
                anchors.computeIfAbsent(variants.get(i).label(), x -> new ArrayList<>()).add(estimates.get(i).anchor());
            }
        }
        this.topK = topK;
        this.bootstrap = new Bootstrap(resamples, Bootstrap.DEFAULT_LEVEL, seed);
    }

    void write(RunDirectory run) throws IOException {
        int k = children.size();
        double[] index = new double[k];
        for (int i = 0; i < k; i++) {
            index[i] = i;
        }
        List<String> methods = new ArrayList<>(byMethod.keySet());
        List<MethodResult> results = new ArrayList<>();
        for (String m : methods) {
            List<double[]> est = byMethod.get(m);
            BootstrapResult tau = bootstrap.interval(index, index, meanOverSeeds(est, RankCorrelation::kendallTauB));
            BootstrapResult rho = bootstrap.interval(index, index, meanOverSeeds(est, RankCorrelation::spearman));
            double[] perSeed = est.stream().mapToDouble(e -> RankCorrelation.kendallTauB(e, truth)).toArray();
            double p = est.stream().mapToDouble(e -> RankCorrelation.precisionAtTopK(e, truth, topK)).average().orElseThrow();
            BootstrapResult diff = null;
            if (byMethod.containsKey("spos") && !m.equals("spos")) {
                diff = pairedDifference(est, byMethod.get("spos"), index);
            }
            results.add(new MethodResult(m, est.size(), tau, sd(perSeed), rho, p, diff));
        }
        NoiseCeiling noise = replicate.length >= 3 ? NoiseCeiling.of(java.util.Arrays.copyOf(seed1, replicate.length), replicate, bootstrap) : null;
        List<Claim> claims = claims(index);

        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%d children; ground truth = -(stand-alone validation loss%s), estimate = -(super-net validation loss)%n", k,
                meanOfSeeds ? ", mean of two seeds" : ""));
        text.append(String.format(Locale.ROOT, "ground truth: loss from %.4f to %.4f (sd %.4f)%n", -max(truth), -min(truth), sd(truth)));
        if (noise != null) {
            text.append(String.format(Locale.ROOT, "noise ceiling (%d children, two seeds): tau %s; seed noise sd %.4f, between-child sd %.4f, ratio %.1f%n",
                    noise.children(), noise.seedTau().interval(), noise.noiseSd(), noise.spreadSd(), noise.spreadToNoise()));
            text.append(noise.discriminates()
                    ? "  the ground truth discriminates: children differ by more than seed noise (ratio > 2, seed-vs-seed tau > 0)\n"
                    : "  WARNING: the ground truth does NOT discriminate (ratio <= 2 or seed-vs-seed tau not above 0): the taus below are noise\n");
        } else {
            text.append("noise ceiling: not measured (fewer than 3 children with a second seed)\n");
        }
        text.append(String.format(Locale.ROOT, "%n%-20s %5s %24s %8s %24s %6s %26s %7s%n", "method", "seeds", "Kendall tau-b [95% CI]", "seed sd",
                "Spearman [95% CI]", "P@" + topK, "tau - spos [95% CI]", "+/-"));
        for (MethodResult r : results) {
            BootstrapResult d = r.tauMinusSpos();
            text.append(String.format(Locale.ROOT, "%-20s %5d %24s %8.3f %24s %6.2f %26s %7s%n", r.method(), r.seeds(), r.tau().interval(), r.tauSeedSd(),
                    r.spearman().interval(), r.precisionAtK(), d == null ? "-" : d.interval() + (d.interval().contains(0) ? " ~" : ""),
                    d == null ? "-" : String.format(Locale.ROOT, "%.3f", d.interval().width() / 2)));
        }
        text.append("~ : the interval contains 0, the difference from SPOS is within noise; +/- : half the interval's width. Intervals are over"
                + " children (the panel); a method's tau is the mean over its super-net seeds, whose spread (seed sd) they do not include\n");
        double[] halfWidths = results.stream().filter(r -> r.tauMinusSpos() != null).mapToDouble(r -> r.tauMinusSpos().interval().width() / 2)
                .sorted().toArray();
        if (halfWidths.length > 0) {
            text.append(String.format(Locale.ROOT, "smallest tau difference this study resolves: %.3f to %.3f (half-widths of the paired 95%% intervals"
                    + " against SPOS, median %.3f)%n", halfWidths[0], halfWidths[halfWidths.length - 1], new Median().evaluate(halfWidths)));
        }
        text.append(claimsText(claims));
        text.append(anchorText());
        System.out.print(text);
        run.writeString("results.txt", text.toString());
        run.writeString("panel.csv", panelCsv());
        run.writeString("estimates.csv", estimatesCsv());
        run.writeString("results.csv", resultsCsv(results));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("children", children.stream().map(Architecture::toString).toList());
        json.put("groundTruthLoss", negate(truth));
        json.put("groundTruthIsMeanOfSeeds", meanOfSeeds);
        json.put("seed1Loss", negate(seed1));
        json.put("replicateLoss", negate(replicate));
        json.put("noiseCeiling", noise);
        json.put("discriminates", noise == null ? null : noise.discriminates());
        json.put("methods", results);
        json.put("claims", claims);
        json.put("anchorComparisons", anchors);
        run.writeString("results.json", SuperNetRun.GSON.toJson(json));
        run.writeString("claims.csv", claimsCsv(claims));
        RankPlots.write(results, noise, truth.length, run.root());
    }

    private BootstrapResult pairedDifference(List<double[]> a, List<double[]> b, double[] index) {
        int k = index.length;
        double[] shifted = new double[k];
        for (int i = 0; i < k; i++) {
            shifted[i] = i + k;
        }
        // Estimates carry child indices (B's shifted by k), so one statistic serves both methods.
        Statistic tauA = meanOverSeeds(a, RankCorrelation::kendallTauB);
        Statistic tauB = meanOverSeeds(b, RankCorrelation::kendallTauB);
        Statistic either = (e, t) -> {
            if (e[0] < k) {
                return tauA.apply(e, t);
            }
            double[] back = new double[e.length];
            for (int i = 0; i < e.length; i++) {
                back[i] = e[i] - k;
            }
            return tauB.apply(back, t);
        };
        return bootstrap.pairedDifference(index, index, shifted, either);
    }

    /** A statistic over resampled child indices: the correlation of each seed's estimate with the truth, averaged. */
    private Statistic meanOverSeeds(List<double[]> estimates, Statistic correlation) {
        return (idx, truthIdx) -> {
            double sum = 0;
            for (double[] est : estimates) {
                double[] e = new double[idx.length];
                double[] t = new double[idx.length];
                for (int i = 0; i < idx.length; i++) {
                    e[i] = est[(int) idx[i]];
                    t[i] = truth[(int) truthIdx[i]];
                }
                sum += correlation.apply(e, t);
            }
            return sum / estimates.size();
        };
    }

    /** The paper's claims that this study's variants can judge. */
    private List<Claim> claims(double[] index) {
        List<Claim> out = new ArrayList<>();
        claim(out, index, "Table 1", "MAGIC-T ranks better than SPOS", "magic-t", "spos");
        claim(out, index, "Table 1", "MAGIC-A ranks better than SPOS", "magic-a", "spos");
        claim(out, index, "Table 1", "MAGIC-AT ranks better than MAGIC-T", "magic-at", "magic-t");
        claim(out, index, "Table 1", "MAGIC-AT ranks better than MAGIC-A", "magic-at", "magic-a");
        claim(out, index, "Table 1", "MAGIC-AT ranks better than SPOS", "magic-at", "spos");
        claim(out, index, "Figure 3a", "k=1 ranks better than k=2", "magic-t", "magic-t:k=2");
        claim(out, index, "Figure 3a", "k=2 ranks better than k=4", "magic-t:k=2", "magic-t:k=4");
        claim(out, index, "Figure 3a", "k=1 ranks better than k=4", "magic-t", "magic-t:k=4");
        claim(out, index, "Figure 3b", "an anchor at the top 10% ranks better than one at 30%", "magic-a:p=10", "magic-a:p=30");
        claim(out, index, "Figure 3b", "an anchor at the top 30% ranks better than one at 50%", "magic-a:p=30", "magic-a:p=50");
        claim(out, index, "Figure 3b", "an anchor at the top 10% ranks better than one at 50%", "magic-a:p=10", "magic-a:p=50");
        return out;
    }

    private void claim(List<Claim> out, double[] index, String source, String text, String betterSpec, String worseSpec) {
        String better = variant(betterSpec);
        String worse = variant(worseSpec);
        if (better == null || worse == null) {
            return;
        }
        BootstrapResult d = pairedDifference(byMethod.get(better), byMethod.get(worse), index);
        out.add(new Claim(source, text, better, worse, d, Verdict.of(d.interval()), Verdict.childrenToResolve(d.interval(), children.size())));
    }

    /** The variant a claim names (e.g. {@code magic-a:p=10}), whatever its comparison interval ({@code :e=}), or null. */
    private String variant(String spec) {
        java.util.Set<String> wanted = java.util.Set.of(spec.split(":"));
        for (String label : byMethod.keySet()) {
            java.util.Set<String> parts = new java.util.HashSet<>(List.of(label.split(":")));
            parts.removeIf(x -> x.startsWith("e="));
            if (parts.equals(wanted)) {
                return label;
            }
        }
        return null;
    }

    private String claimsText(List<Claim> claims) {
        if (claims.isEmpty()) {
            return "";
        }
        StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "%nthe paper's claims (paired bootstrap over children, 95%%)%n%-10s %-54s %26s %7s  %s%n",
                "source", "claim", "tau difference [95% CI]", "+/-", "verdict"));
        for (Claim c : claims) {
            t.append(String.format(Locale.ROOT, "%-10s %-54s %26s %7.3f  %s%s%n", c.source(), c.text(), c.difference().interval(),
                    c.difference().interval().width() / 2, c.verdict().word(), c.verdict() == Verdict.UNRESOLVED
                            ? String.format(Locale.ROOT, " (this difference would need about %s children)", c.childrenToResolve() == Long.MAX_VALUE
                                    ? "infinitely many" : Long.toString(c.childrenToResolve())) : ""));
        }
        Verdict[] table1 = claims.stream().filter(c -> c.better().equals("magic-at") && !c.worse().equals("spos")).map(Claim::verdict)
                .toArray(Verdict[]::new);
        if (table1.length == 2) {
            t.append(String.format(Locale.ROOT, "Table 1, MAGIC-AT ranks better than both MAGIC-T and MAGIC-A: %s%n", Verdict.all(table1).word()));
        }
        return t.toString();
    }

    private String anchorText() {
        if (anchors.isEmpty()) {
            return "";
        }
        StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "%nanchor comparisons (mean over seeds)%n%-20s %12s %13s %12s %12s %10s%n", "method",
                "comparisons", "replacements", "mean |gap|", "mean s.e.", "overhead"));
        for (Map.Entry<String, List<AnchorStatistics>> e : anchors.entrySet()) {
            List<AnchorStatistics> s = e.getValue();
            t.append(String.format(Locale.ROOT, "%-20s %12.0f %13.1f %12.4f %12.4f %9.1f%%%n", e.getKey(), mean(s, AnchorStatistics::comparisons),
                    mean(s, AnchorStatistics::replacements), mean(s, AnchorStatistics::meanAbsGap), mean(s, AnchorStatistics::meanStandardError),
                    100 * mean(s, AnchorStatistics::overhead)));
        }
        t.append("gap: the validation loss difference between the sampled child and the anchor; s.e.: its standard error over the comparison's batches;"
                + " overhead: comparison time over training-step time\n");
        return t.toString();
    }

    private static double mean(List<AnchorStatistics> stats, java.util.function.ToDoubleFunction<AnchorStatistics> f) {
        return stats.stream().mapToDouble(f).average().orElse(Double.NaN);
    }

    private static String claimsCsv(List<Claim> claims) {
        List<String[]> rows = new ArrayList<>();
        for (Claim c : claims) {
            Interval d = c.difference().interval();
            rows.add(new String[] {c.source(), c.text(), c.better(), c.worse(), fixed(d.estimate(), 6), fixed(d.lower(), 6), fixed(d.upper(), 6),
                fixed(d.width() / 2, 6), c.verdict().word(), c.childrenToResolve() == Long.MAX_VALUE ? "" : Long.toString(c.childrenToResolve())});
        }
        return CsvFiles.text(List.of("source", "claim", "better", "worse", "difference", "lower", "upper", "half_width", "verdict", "children_to_resolve"),
                rows, 1);
    }

    private String panelCsv() {
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            rows.add(new String[] {children.get(i).toString(), fixed(-seed1[i], 6), i < replicate.length ? fixed(-replicate[i], 6) : "", fixed(-truth[i], 6)});
        }
        return CsvFiles.text(List.of("architecture", "standalone_loss_seed1", "standalone_loss_seed2", "ground_truth_loss"), rows, 0);
    }

    private String estimatesCsv() {
        List<String[]> rows = new ArrayList<>();
        for (Map.Entry<String, List<double[]>> e : byMethod.entrySet()) {
            for (int s = 0; s < e.getValue().size(); s++) {
                for (int i = 0; i < children.size(); i++) {
                    rows.add(new String[] {e.getKey(), Integer.toString(s + 1), children.get(i).toString(), fixed(-e.getValue().get(s)[i], 6)});
                }
            }
        }
        return CsvFiles.text(List.of("method", "seed_index", "architecture", "supernet_loss"), rows, 2);
    }

    private static String resultsCsv(List<MethodResult> results) {
        List<String[]> rows = new ArrayList<>();
        for (MethodResult r : results) {
            BootstrapResult d = r.tauMinusSpos();
            rows.add(new String[] {r.method(), String.valueOf(r.seeds()), fixed(r.tau().estimate(), 6), fixed(r.tau().interval().lower(), 6),
                fixed(r.tau().interval().upper(), 6), fixed(r.tauSeedSd(), 6), fixed(r.spearman().estimate(), 6), fixed(r.spearman().interval().lower(), 6),
                fixed(r.spearman().interval().upper(), 6), fixed(r.precisionAtK(), 6), d == null ? "" : fixed(d.estimate(), 6),
                d == null ? "" : fixed(d.interval().lower(), 6), d == null ? "" : fixed(d.interval().upper(), 6)});
        }
        return CsvFiles.text(List.of("method", "seeds", "tau", "tau_lower", "tau_upper", "tau_seed_sd", "spearman", "spearman_lower", "spearman_upper",
                "precision_at_k", "tau_minus_spos", "diff_lower", "diff_upper"), rows);
    }

    private static double[] negate(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = -v[i];
        }
        return out;
    }

    /** The sample standard deviation (n - 1), 0 for fewer than two values. */
    private static double sd(double[] v) {
        return v.length < 2 ? 0 : new StandardDeviation().evaluate(v);
    }

    private static double min(double[] v) {
        return java.util.Arrays.stream(v).min().orElseThrow();
    }

    private static double max(double[] v) {
        return java.util.Arrays.stream(v).max().orElseThrow();
    }
}
