package org.magicnas.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.magicnas.evaluation.rank.Bootstrap;
import org.magicnas.evaluation.rank.BootstrapResult;
import org.magicnas.evaluation.rank.NoiseCeiling;
import org.magicnas.evaluation.rank.RankCorrelation;
import org.magicnas.evaluation.rank.Statistic;
import org.magicnas.run.RunDirectory;
import org.magicnas.space.Architecture;

/**
 * The statistics and output of {@code rank-correlation}. The ground truth of a child is its negative
 * stand-alone validation loss, a method's estimate its negative loss on the super-net. Per method:
 * Kendall tau-b and Spearman averaged over the super-net seeds, with percentile-bootstrap intervals
 * over children (each resample recomputes every seed's correlation on the same children), the spread
 * over seeds, precision at top-k, and the paired difference of tau against SPOS. The noise ceiling
 * (tau between two seeds of stand-alone training) says whether the ground truth discriminates at all.
 */
final class RankReport {
    private final List<Architecture> children;
    private final double[] truth;
    private final double[] replicate;
    private final Map<String, List<double[]>> byMethod = new LinkedHashMap<>();
    private final int topK;
    private final Bootstrap bootstrap;

    /** One method's results. */
    record MethodResult(String method, int seeds, BootstrapResult tau, double tauSeedSd, BootstrapResult spearman, double precisionAtK,
            BootstrapResult tauMinusSpos) {}

    RankReport(List<Architecture> children, double[] truthLoss, double[] replicateLoss, List<RankCorrelationCommand.Variant> variants,
            List<double[]> estimateLoss, int topK, int resamples, long seed) {
        this.children = children;
        this.truth = negate(truthLoss);
        this.replicate = negate(replicateLoss);
        for (int i = 0; i < variants.size(); i++) {
            byMethod.computeIfAbsent(variants.get(i).label(), x -> new ArrayList<>()).add(negate(estimateLoss.get(i)));
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
        NoiseCeiling noise = replicate.length >= 3 ? NoiseCeiling.of(java.util.Arrays.copyOf(truth, replicate.length), replicate, bootstrap) : null;

        StringBuilder text = new StringBuilder();
        text.append(String.format("%d children; ground truth = -(stand-alone validation loss), estimate = -(super-net validation loss)%n", k));
        text.append(String.format("ground truth: loss from %.4f to %.4f (sd %.4f)%n", -max(truth), -min(truth), sd(truth)));
        if (noise != null) {
            text.append(String.format("noise ceiling (%d children, two seeds): tau %s; seed noise sd %.4f, between-child sd %.4f, ratio %.1f%n",
                    noise.children(), noise.seedTau().interval(), noise.noiseSd(), noise.spreadSd(), noise.spreadToNoise()));
            text.append(noise.discriminates()
                    ? "  the ground truth discriminates: children differ by more than seed noise (ratio > 2, seed-vs-seed tau > 0)\n"
                    : "  WARNING: the ground truth does NOT discriminate (ratio <= 2 or seed-vs-seed tau not above 0): the taus below are noise\n");
        } else {
            text.append("noise ceiling: not measured (fewer than 3 children with a second seed)\n");
        }
        text.append(String.format("%n%-14s %5s %24s %8s %24s %6s %26s%n", "method", "seeds", "Kendall tau-b [95% CI]", "seed sd", "Spearman [95% CI]",
                "P@" + topK, "tau - spos [95% CI]"));
        for (MethodResult r : results) {
            text.append(String.format("%-14s %5d %24s %8.3f %24s %6.2f %26s%n", r.method(), r.seeds(), r.tau().interval(), r.tauSeedSd(),
                    r.spearman().interval(), r.precisionAtK(), r.tauMinusSpos() == null ? "-" : r.tauMinusSpos().interval()
                            + (r.tauMinusSpos().interval().contains(0) ? " ~" : "")));
        }
        text.append("~ : the interval contains 0, the difference from SPOS is within noise\n");
        System.out.print(text);
        run.writeString("results.txt", text.toString());
        run.writeString("panel.csv", panelCsv());
        run.writeString("estimates.csv", estimatesCsv());
        run.writeString("results.csv", resultsCsv(results));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("children", children.stream().map(Architecture::toString).toList());
        json.put("groundTruthLoss", negate(truth));
        json.put("replicateLoss", negate(replicate));
        json.put("noiseCeiling", noise);
        json.put("discriminates", noise == null ? null : noise.discriminates());
        json.put("methods", results);
        run.writeString("results.json", SuperNetRun.GSON.toJson(json));
        RankPlots.write(results, noise, truth.length, run);
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

    private String panelCsv() {
        StringBuilder csv = new StringBuilder("architecture,standalone_loss_seed1,standalone_loss_seed2\n");
        for (int i = 0; i < children.size(); i++) {
            csv.append(String.format("\"%s\",%.6f,%s%n", children.get(i), -truth[i], i < replicate.length ? String.format("%.6f", -replicate[i]) : ""));
        }
        return csv.toString();
    }

    private String estimatesCsv() {
        StringBuilder csv = new StringBuilder("method,seed_index,architecture,supernet_loss\n");
        for (Map.Entry<String, List<double[]>> e : byMethod.entrySet()) {
            for (int s = 0; s < e.getValue().size(); s++) {
                for (int i = 0; i < children.size(); i++) {
                    csv.append(String.format("%s,%d,\"%s\",%.6f%n", e.getKey(), s + 1, children.get(i), -e.getValue().get(s)[i]));
                }
            }
        }
        return csv.toString();
    }

    private static String resultsCsv(List<MethodResult> results) {
        StringBuilder csv = new StringBuilder("method,seeds,tau,tau_lower,tau_upper,tau_seed_sd,spearman,spearman_lower,spearman_upper,precision_at_k,"
                + "tau_minus_spos,diff_lower,diff_upper\n");
        for (MethodResult r : results) {
            BootstrapResult d = r.tauMinusSpos();
            csv.append(String.format("%s,%d,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%s%n", r.method(), r.seeds(), r.tau().estimate(),
                    r.tau().interval().lower(), r.tau().interval().upper(), r.tauSeedSd(), r.spearman().estimate(), r.spearman().interval().lower(),
                    r.spearman().interval().upper(), r.precisionAtK(), d == null ? ",," : String.format("%.6f,%.6f,%.6f", d.estimate(),
                            d.interval().lower(), d.interval().upper())));
        }
        return csv.toString();
    }

    private static double[] negate(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = -v[i];
        }
        return out;
    }

    private static double sd(double[] v) {
        if (v.length < 2) {
            return 0;
        }
        double mean = java.util.Arrays.stream(v).average().orElseThrow();
        double ss = 0;
        for (double d : v) {
            ss += (d - mean) * (d - mean);
        }
        return Math.sqrt(ss / (v.length - 1));
    }

    private static double min(double[] v) {
        return java.util.Arrays.stream(v).min().orElseThrow();
    }

    private static double max(double[] v) {
        return java.util.Arrays.stream(v).max().orElseThrow();
    }
}
