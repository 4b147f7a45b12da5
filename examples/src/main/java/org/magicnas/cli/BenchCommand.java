package org.magicnas.cli;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.magicnas.alignment.AlignmentConfig;
import org.magicnas.alignment.AlignmentTargetKind;
import org.magicnas.data.MlmCorpus;
import org.magicnas.data.MlmDataSpec;
import org.magicnas.run.RunDirectory;
import org.magicnas.sampling.FixedSampler;
import org.magicnas.space.Architecture;
import org.magicnas.space.ChildCost;
import org.magicnas.space.Preset;
import org.magicnas.space.SearchSpace;
import org.magicnas.supernet.ChildModel;
import org.magicnas.supernet.SuperNet;
import org.magicnas.supernet.SuperNetConfig;
import org.magicnas.train.ChildTrainer;
import org.magicnas.train.Method;
import org.magicnas.train.StepRecord;
import org.magicnas.train.SuperNetTrainer;
import org.magicnas.train.TrainingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/magic bench}: the fixed benchmark configuration (vocabulary 8192, E=256, N=8,
 * {MHA4 d=256, FFN 1024, CONV3, CONV5}, sequence 128, batch 32, masked-LM on 15% of positions, Adam)
 * for every method, against the machine's own matrix-product rate measured in the same process, and
 * the super-net step of one fixed child against a stand-alone model of that child.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time super-net steps of every method on the benchmark configuration and print one line per method.")
final class BenchCommand implements Callable<Integer> {
    static final int VOCAB = 8192;
    static final int SEQ = 128;
    static final int BATCH = 32;
    static final String FIXED_CHILD = "MHA4,FFN,MHA4,FFN,MHA4,FFN,MHA4,FFN";

    @Option(names = "--steps", defaultValue = "30", description = "Measured steps per method (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--warmup-steps", defaultValue = "3", description = "Unmeasured steps first (default: ${DEFAULT-VALUE}).")
    int warmupSteps;

    @Option(names = "--methods", defaultValue = "spos,magic-t,magic-a,magic-at", split = ",", description = "Methods to time (default: ${DEFAULT-VALUE}).")
    List<String> methods;

    @Option(names = "--eval-children", defaultValue = "48", description = "Children scored in the evaluation benchmark, 0 to skip (default: ${DEFAULT-VALUE}).")
    int evalChildren;

    @Option(names = "--corpus", description = "Corpus (default: the Brown corpus).")
    Path corpus;

    @Option(names = "--runs-dir", defaultValue = "runs", description = "Where the bench's run directory goes (default: ${DEFAULT-VALUE}).")
    Path runsDir;

    /** Timings of one series of steps. */
    record Series(double medianMs, double medianGflops, double flopsPerStep, double rssAt20, double rssEnd) {}

    @Override
    public Integer call() throws Exception {
        if (steps < 1 || warmupSteps < 0) {
            throw new IllegalArgumentException("--steps must be >= 1 and --warmup-steps >= 0, got " + steps + " and " + warmupSteps);
        }
        List<Method> list = new ArrayList<>();
        for (String m : methods) {
            list.add(Method.of(m.trim()));
        }
        SearchSpace space = Preset.SMALL.space();
        try (MlmCorpus data = MlmCorpus.prepare(new MlmDataSpec(corpus, VOCAB, SEQ, BATCH, 0.1, 0.1, 42))) {
            RunDirectory run = RunDirectory.create(runsDir, "bench");
            SuperNetConfig netConfig = new SuperNetConfig(space, data.tokenizer().vocabSize(), SEQ, 0.1f);
            double matmul = matmulGflops();
            System.out.printf(Locale.ROOT, "bench: %s, vocabulary %d, sequence %d, batch %d, %d threads, device %s; 1024x1024 matmul %.1f GFLOP/s%n",
                    space.describe(), data.tokenizer().vocabSize(), SEQ, BATCH, Runtime.getRuntime().availableProcessors(), CommandDevice.name(), matmul);
            Map<String, Object> results = new LinkedHashMap<>();
            results.put("device", CommandDevice.name());
            results.put("matmulGflops", matmul);
            Map<Method, Series> byMethod = new LinkedHashMap<>();
            for (Method m : list) {
                Series s = superNetSeries(netConfig, data, config(m), null);
                byMethod.put(m, s);
                results.put(m.id(), s);
                System.out.printf(Locale.ROOT, "%-9s %8.1f ms/step %9.0f tokens/s %7.2f GFLOP/step %7.1f GFLOP/s  matmul %6.1f GFLOP/s  ratio %.2f  RSS step 20 %.2f GiB, end %.2f GiB%n",
                        m.id(), s.medianMs(), BATCH * SEQ * 1000 / s.medianMs(), s.flopsPerStep() / 1e9, s.medianGflops(), matmul,
                        s.medianGflops() / matmul, s.rssAt20(), s.rssEnd());
            }
            if (byMethod.containsKey(Method.SPOS) && byMethod.containsKey(Method.MAGIC_AT)) {
                double ratio = byMethod.get(Method.MAGIC_AT).medianMs() / byMethod.get(Method.SPOS).medianMs();
                results.put("magicAtOverSpos", ratio);
                System.out.printf(Locale.ROOT, "magic-at / spos step time: %.3f (target <= 1.35)%n", ratio);
            }
            Architecture child = Architecture.parse(space, FIXED_CHILD);
            Series standAlone = standAloneSeries(netConfig, data, child);
            Series superNet = superNetSeries(netConfig, data, config(Method.SPOS), child);
            double ratio = superNet.medianMs() / standAlone.medianMs();
            results.put("standAlone", standAlone);
            results.put("superNetFixedChild", superNet);
            results.put("superNetOverStandAlone", ratio);
            System.out.printf(Locale.ROOT, "fixed child %s: super-net %.1f ms/step, stand-alone %.1f ms/step, ratio %.3f (target <= 1.05)%n", child,
                    superNet.medianMs(), standAlone.medianMs(), ratio);
            if (byMethod.containsKey(Method.SPOS)) {
                System.out.printf(Locale.ROOT, "spos achieved / matmul: %.2f (target >= 0.5)%n", byMethod.get(Method.SPOS).medianGflops() / matmul);
            }
            if (evalChildren > 0) {
                results.put("evaluation", evaluationBench(netConfig, data));
            }
            run.writeString("bench.json", SuperNetRun.GSON.toJson(results));
            System.out.println("results: " + run.resolve("bench.json"));
        }
        return 0;
    }

    private TrainingConfig config(Method m) {
        TrainingConfig d = TrainingConfig.defaults(m, 10_000, 42);
        // Alignment from the first step, anchor comparisons outside the measured steps.
        AlignmentConfig align = new AlignmentConfig(0.5, 4, 0, AlignmentTargetKind.ANCHOR, 4, Integer.MAX_VALUE, 1);
        return new TrainingConfig(m, d.steps(), d.peakLearningRate(), d.warmupSteps(), d.adam(), d.seed(), 1, align, 0, 1);
    }

    private Series superNetSeries(SuperNetConfig netConfig, MlmCorpus data, TrainingConfig config, Architecture fixed) {
        try (NDManager manager = NDManager.newBaseManager(CommandDevice.get())) {
            Engine.getInstance().setRandomSeed(42);
            SuperNet net = new SuperNet(netConfig);
            net.initialize(manager);
            try (SuperNetTrainer t = new SuperNetTrainer(net, manager, config, s -> data.train().batchAt(s), data.validation(1),
                    fixed == null ? null : new FixedSampler(fixed))) {
                return measure(t::step, data);
            }
        }
    }

    private Series standAloneSeries(SuperNetConfig netConfig, MlmCorpus data, Architecture child) {
        try (NDManager manager = NDManager.newBaseManager(CommandDevice.get())) {
            Engine.getInstance().setRandomSeed(42);
            ChildModel model = ChildModel.create(netConfig, child);
            model.initialize(manager);
            try (ChildTrainer t = new ChildTrainer(model, manager, config(Method.SPOS), s -> data.train().batchAt(s))) {
                return measure(t::step, data);
            }
        }
    }

    private Series measure(Supplier<StepRecord> step, MlmCorpus data) {
        for (int i = 0; i < warmupSteps; i++) {
            step.get();
        }
        double[] ms = new double[steps];
        double[] gflops = new double[steps];
        double flops = 0;
        double rss20 = Double.NaN;
        for (int i = 0; i < steps; i++) {
            StepRecord r = step.get();
            int masked = data.train().batchAt(r.step()).maskedCount();
            double f = 3.0 * BATCH * ChildCost.of(r.child(), VOCAB, SEQ, SEQ, masked / (double) BATCH).forwardFlops();
            ms[i] = r.millis();
            gflops[i] = f / (r.millis() * 1e6);
            flops += f;
            if (warmupSteps + i + 1 == 20) {
                rss20 = ProcessMemory.residentGiB();
            }
        }
        return new Series(median(ms), median(gflops), flops / steps, rss20, ProcessMemory.residentGiB());
    }

    /**
     * Children scored per second on 2 validation batches, one at a time against sharing common
     * prefixes, for uniformly drawn children and for the neighbourhood a random walk visits.
     */
    private Map<String, Object> evaluationBench(SuperNetConfig netConfig, MlmCorpus data) {
        Map<String, Object> out = new LinkedHashMap<>();
        try (NDManager manager = NDManager.newBaseManager(CommandDevice.get())) {
            Engine.getInstance().setRandomSeed(42);
            SuperNet net = new SuperNet(netConfig);
            net.initialize(manager);
            var validation = data.validation(2);
            org.magicnas.train.ChildEvaluator one = new org.magicnas.train.ChildEvaluator(net, manager);
            org.magicnas.train.PrefixSharingEvaluator shared = new org.magicnas.train.PrefixSharingEvaluator(net, manager);
            Map<String, java.util.function.Supplier<Architecture>> kinds = new LinkedHashMap<>();
            org.magicnas.sampling.SplitMix64 rng = new org.magicnas.sampling.SplitMix64(7);
            kinds.put("uniform", () -> org.magicnas.sampling.PathSampler.uniform(net.space(), rng));
            org.magicnas.sampling.RandomWalkSampler walk = new org.magicnas.sampling.RandomWalkSampler(net.space(), 1, 8);
            kinds.put("random-walk", walk::next);
            for (var kind : kinds.entrySet()) {
                List<Architecture> children = new ArrayList<>(new java.util.LinkedHashSet<>(
                        java.util.stream.Stream.generate(kind.getValue()).limit(evalChildren).toList()));
                long t0 = System.nanoTime();
                double[] alone = children.stream().mapToDouble(a -> one.evaluate(a, validation).loss()).toArray();
                double secondsAlone = (System.nanoTime() - t0) / 1e9;
                long t1 = System.nanoTime();
                var together = shared.evaluate(children, validation);
                double secondsShared = (System.nanoTime() - t1) / 1e9;
                double maxDiff = 0;
                for (int i = 0; i < children.size(); i++) {
                    maxDiff = Math.max(maxDiff, Math.abs(alone[i] - together.get(children.get(i)).loss()));
                }
                System.out.printf(Locale.ROOT, "evaluation, %d %s children on 2 batches: %.2f children/s one at a time, %.2f with shared prefixes (x%.2f);"
                        + " largest loss difference %.1e%n", children.size(), kind.getKey(), children.size() / secondsAlone,
                        children.size() / secondsShared, secondsAlone / secondsShared, maxDiff);
                Map<String, Object> row = new LinkedHashMap<>(); // a fixed key order: Map.of's differs from JVM to JVM
                row.put("children", children.size());
                row.put("childrenPerSecondAlone", children.size() / secondsAlone);
                row.put("childrenPerSecondShared", children.size() / secondsShared);
                row.put("largestLossDifference", maxDiff);
                out.put(kind.getKey(), row);
            }
        }
        return out;
    }

    static double matmulGflops() {
        try (NDManager m = NDManager.newBaseManager(CommandDevice.get())) {
            NDArray a = m.randomUniform(-1, 1, new ai.djl.ndarray.types.Shape(1024, 1024));
            NDArray b = m.randomUniform(-1, 1, new ai.djl.ndarray.types.Shape(1024, 1024));
            for (int i = 0; i < 5; i++) {
                a.matMul(b).close();
            }
            int n = 30;
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                a.matMul(b).close();
            }
            return 2.0 * 1024 * 1024 * 1024 * n / (System.nanoTime() - start);
        }
    }

    static double median(double[] values) {
        return new Median().evaluate(values);
    }
}
