package org.magicnas.cli;

import ai.djl.ndarray.NDManager;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.magicnas.alignment.AnchorReplacement;
import org.magicnas.analysis.GradientMonitor;
import org.magicnas.analysis.GradientProbe;
import org.magicnas.data.MlmBatch;
import org.magicnas.data.MlmCorpus;
import org.magicnas.device.Precision;
import org.magicnas.run.CsvFiles;
import org.magicnas.run.CsvLog;
import org.magicnas.run.RunDirectory;
import org.magicnas.sampling.PathSampler;
import org.magicnas.sampling.SplitMix64;
import org.magicnas.search.ChildScorer;
import org.magicnas.search.Constraints;
import org.magicnas.search.Deletion;
import org.magicnas.search.ProgressiveShrinking;
import org.magicnas.space.Architecture;
import org.magicnas.space.ChildCost;
import org.magicnas.space.SearchSpace;
import org.magicnas.supernet.ChildModel;
import org.magicnas.supernet.EncoderFiles;
import org.magicnas.supernet.SuperNet;
import org.magicnas.supernet.SuperNetConfig;
import org.magicnas.train.CheckpointStore;
import org.magicnas.train.ChildScore;
import org.magicnas.train.PrefixSharingEvaluator;
import org.magicnas.train.SeededInit;
import org.magicnas.train.StepRecord;
import org.magicnas.train.SuperNetTrainer;
import org.magicnas.train.TrainingConfig;
import org.magicnas.train.TrainingListener;

/**
 * One super-net training run in a run directory: trains (or resumes) with progress, metrics and
 * checkpoints, then scores the anchor and a few random children on validation data.
 */
final class SuperNetRun {
    static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeSpecialFloatingPointValues()
            .registerTypeHierarchyAdapter(Path.class, new PathAdapter().nullSafe()).create();
    static final String CONFIG = "config.json";
    static final String ENCODER = "encoder";
    /** The children a finished run reports, best first. */
    static final String CHILDREN = "children.json";

    /** A child's final validation result. */
    record ChildRow(String role, Architecture arch, long parameters, long flops, ChildScore score) {}

    private SuperNetRun() {}

    /**
     * Starts a new run directory for the options: the command, config and tokenizer.
     *
     * @return the directory
     */
    static RunDirectory create(Path runsDir, SuperNetOptions options, MlmCorpus data, Object command) throws IOException {
        com.google.gson.JsonObject config = GSON.toJsonTree(options).getAsJsonObject();
        if (options.trainingMethod().aligns()) {
            // For the reader only (resuming reads the options): the alignment rule and the layers it aligns.
            config.addProperty("alignmentBoundaries", options.trainingConfig().alignment().describe(options.searchSpace()));
        }
        RunDirectory run = CommandRuns.create(runsDir, options.runName(), command, CONFIG, config);
        Files.copy(data.tokenizer().file(), run.resolve("tokenizer.json"), StandardCopyOption.REPLACE_EXISTING);
        return run;
    }

    /** Reads the options a run was started with. */
    static SuperNetOptions readOptions(RunDirectory run) throws IOException {
        return CommandRuns.options(run, CONFIG, SuperNetOptions.class);
    }

    /**
     * A super-net run inside a larger command's run (pipeline, interference): trained, or continued
     * from its latest checkpoint, unless it finished before (its {@code children.json} exists).
     *
     * @param options the super-net's options
     * @param data the prepared data
     * @param dir the sub-run's directory
     * @param console where progress goes
     * @return the children the run reported, in order
     * @throws IOException if the run cannot be read or written
     */
    static List<Architecture> trainOrKeep(SuperNetOptions options, MlmCorpus data, Path dir, PrintStream console) throws IOException {
        RunDirectory sub = RunDirectory.open(Files.createDirectories(dir));
        if (Files.isRegularFile(sub.resolve(CHILDREN))) {
            console.printf(Locale.ROOT, "== %s super-net: finished before (%s)%n", options.runName(), sub);
            return children(options.searchSpace(), dir);
        }
        sub.writeString(CONFIG, GSON.toJson(options));
        List<Architecture> out = new ArrayList<>();
        for (ChildRow r : execute(options, data, sub, Long.MAX_VALUE, 0, console)) {
            out.add(r.arch());
        }
        return out;
    }

    /**
     * The children a finished run reported ({@value #CHILDREN}), in order: the searched child first
     * after progressive shrinking.
     *
     * @param space the run's space
     * @param dir the run directory
     * @return the children
     * @throws IOException if the file cannot be read
     */
    static List<Architecture> children(SearchSpace space, Path dir) throws IOException {
        List<Architecture> out = new ArrayList<>();
        for (com.google.gson.JsonElement e : com.google.gson.JsonParser.parseString(Files.readString(dir.resolve(CHILDREN))).getAsJsonArray()) {
            out.add(Architecture.parse(space, e.getAsJsonObject().get("architecture").getAsString()));
        }
        return out;
    }

    /**
     * Trains until {@code stopAt} steps are done (or all of them), resuming from the run's latest
     * checkpoint if there is one, then evaluates children if training is complete.
     *
     * @return the evaluated children (empty if stopped early)
     */
    static List<ChildRow> execute(SuperNetOptions options, MlmCorpus data, RunDirectory run, long stopAt, int logEvery, PrintStream console)
            throws IOException {
        SearchSpace space = options.searchSpace();
        TrainingConfig config = options.trainingConfig();
        SuperNetConfig netConfig = new SuperNetConfig(space, data.tokenizer().vocabSize(), options.seqLen, options.dropout);
        CheckpointStore store = new CheckpointStore(run.resolve("checkpoints"), config.keepCheckpoints());
        List<MlmBatch> validation = data.validation(options.valBatches);
        int every = logEvery > 0 ? logEvery : (int) Math.max(1, config.steps() / 20);
        try (NDManager manager = NDManager.newBaseManager(CommandDevice.get());
                RunLog log = new RunLog(console, run.resolve("train.log"))) {
            SuperNet net = SeededInit.draw((int) SplitMix64.mix(options.seed, 0), () -> {
                SuperNet n = new SuperNet(netConfig);
                n.initialize(manager);
                return n;
            });
            try (SuperNetTrainer trainer = new SuperNetTrainer(net, manager, config, step -> data.train().batchAt(step), validation)) {
                Optional<Path> latest;
                try {
                    latest = store.latest();
                    if (latest.isPresent()) {
                        trainer.restore(latest.get());
                    }
                } catch (IOException e) {
                    throw new IllegalArgumentException("cannot resume " + run + ": " + e.getMessage(), e);
                }
                if (latest.isPresent()) {
                    log.line("resumed from %s at step %d", latest.get(), trainer.stepsDone());
                } else {
                    log.line("space %s, %s, %d training sequences, vocabulary %d, device %s%s", space.describe(), config.method().id(),
                            data.train().size(), data.tokenizer().vocabSize(), CommandDevice.name(),
                            config.adam().precision() == Precision.FP32 ? "" : ", mixed precision " + config.adam().precision().id()
                                    + (config.adam().precision().needsLossScaling() ? " with loss scaling" : ""));
                }
                if (config.method().aligns()) {
                    log.line("alignment: %s", config.alignment().describe(space));
                }
                long from = trainer.stepsDone();
                try (CsvLog metrics = CsvLog.open(run.resolve("metrics.csv"),
                        List.of("step", "child", "changed", "loss", "align_loss", "lr", "grad_norm", "ms", "tokens"), from);
                        // Anchor and shrinking rows carry the number of steps done, and those at the checkpoint's
                        // step happened before it was written: keep them.
                        CsvLog anchors = CsvLog.open(run.resolve("anchors.csv"),
                                List.of("step", "previous", "replacement", "previous_loss", "replacement_loss", "standard_error", "reason"), from + 1);
                        CsvLog shrink = CsvLog.open(run.resolve("shrink.csv"), List.of("step", "round", "layer", "candidate", "score", "children"),
                                from + 1);
                        CsvLog monitorLog = options.monitorEvery == 0 ? null : CsvLog.open(run.resolve("monitor.csv"), GradientMonitor.COLUMNS, from)) {
                    Shrinker shrinker = options.shrinkEvery == 0 ? null : new Shrinker(options, trainer, validation, netConfig, shrink, log);
                    GradientMonitor monitor = monitorLog == null ? null
                            : new GradientMonitor(new GradientProbe(net, manager, validation.get(0)), options.monitorEvery, monitorLog);
                    trainer.train(stopAt, new Progress(log, metrics, anchors, config.steps(), every, from, shrinker, monitor), store);
                }
                if (trainer.anchorStatistics() != null) {
                    log.line("%s", trainer.anchorStatistics().describe());
                }
                if (trainer.stepsDone() < config.steps()) {
                    log.line("stopped at step %d of %d; resume with: bin/magic train-supernet --resume %s", trainer.stepsDone(), config.steps(), run);
                    return List.of();
                }
                List<ChildRow> rows = evaluateChildren(options, net, trainer, validation, data.tokenizer().vocabSize());
                if (trainer.mask().size().equals(java.math.BigInteger.ONE)) {
                    Architecture searched = trainer.mask().single();
                    ChildCost cost = ChildCost.of(searched, data.tokenizer().vocabSize(), options.seqLen, options.seqLen, 0);
                    rows.add(0, new ChildRow("searched", searched, cost.parameters(), cost.forwardFlops(), trainer.evaluator().evaluate(searched, validation)));
                }
                report(rows, run, log);
                ChildRow best = rows.isEmpty() ? null : rows.get(0).role().equals("searched") ? rows.get(0)
                        : rows.stream().min(java.util.Comparator.comparingDouble(r -> r.score().loss())).orElseThrow();
                if (best != null) {
                    Path encoder = run.resolve(ENCODER);
                    EncoderFiles.save(encoder, netConfig, ChildModel.of(net, best.arch()));
                    Files.copy(data.tokenizer().file(), encoder.resolve("tokenizer.json"), StandardCopyOption.REPLACE_EXISTING);
                    log.line("encoder of the best child (%s) with its super-net weights: %s", best.arch(), encoder);
                }
                return rows;
            }
        }
    }

    private static List<ChildRow> evaluateChildren(SuperNetOptions options, SuperNet net, SuperNetTrainer trainer, List<MlmBatch> validation,
            int vocab) {
        List<Architecture> children = new ArrayList<>();
        List<String> roles = new ArrayList<>();
        if (trainer.anchor() != null) {
            children.add(trainer.anchor().current());
            roles.add("anchor");
        }
        SplitMix64 rng = new SplitMix64(SplitMix64.mix(options.seed, 5));
        for (int i = 0; i < options.evalChildren; i++) {
            children.add(PathSampler.uniform(net.space(), rng));
            roles.add("random");
        }
        List<ChildRow> rows = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            Architecture a = children.get(i);
            ChildCost cost = ChildCost.of(a, vocab, options.seqLen, options.seqLen, 0);
            rows.add(new ChildRow(roles.get(i), a, cost.parameters(), cost.forwardFlops(), trainer.evaluator().evaluate(a, validation)));
        }
        return rows;
    }

    private static void report(List<ChildRow> rows, RunDirectory run, RunLog log) throws IOException {
        log.line("%-8s %-48s %10s %12s %9s %9s", "child", "architecture", "params", "FLOPs/seq", "val loss", "val acc");
        List<String[]> csv = new ArrayList<>();
        List<Map<String, Object>> json = new ArrayList<>();
        for (ChildRow r : rows) {
            log.line("%-8s %-48s %10d %12.3e %9.4f %9.4f", r.role(), r.arch(), r.parameters(), (double) r.flops(), r.score().loss(), r.score().accuracy());
            csv.add(new String[] {r.role(), r.arch().toString(), String.valueOf(r.parameters()), String.valueOf(r.flops()), CsvFiles.fixed(r.score().loss(), 6),
                CsvFiles.fixed(r.score().accuracy(), 6)});
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("role", r.role());
            m.put("architecture", r.arch().toString());
            m.put("parameters", r.parameters());
            m.put("forwardFlops", r.flops());
            m.put("valLoss", r.score().loss());
            m.put("valAccuracy", r.score().accuracy());
            json.add(m);
        }
        run.writeString("children.csv", CsvFiles.text(List.of("role", "architecture", "parameters", "forward_flops", "val_loss", "val_accuracy"), csv, 1));
        run.writeString(CHILDREN, GSON.toJson(json));
        log.line("run directory: %s", run);
    }

    /** Scores children with the super-net's weights, computing common prefixes once. */
    private record SharedPrefixScorer(SuperNetTrainer trainer, List<MlmBatch> validation, PrefixSharingEvaluator shared) implements ChildScorer {
        SharedPrefixScorer(SuperNetTrainer trainer, List<MlmBatch> validation) {
            this(trainer, validation, trainer.prefixSharingEvaluator());
        }

        @Override
        public double loss(Architecture child) {
            return losses(List.of(child))[0];
        }

        @Override
        public double[] losses(List<Architecture> children) {
            Map<Architecture, ChildScore> scores = shared.evaluate(children, validation);
            return children.stream().mapToDouble(a -> scores.get(a).loss()).toArray();
        }
    }

    /** Progressive shrinking every {@code --shrink-every} steps until one child is left. */
    private static final class Shrinker {
        private final SuperNetOptions options;
        private final SuperNetTrainer trainer;
        private final List<MlmBatch> validation;
        private final CsvLog csv;
        private final RunLog log;
        private final Constraints constraints;
        private final ProgressiveShrinking shrinking;

        Shrinker(SuperNetOptions options, SuperNetTrainer trainer, List<MlmBatch> validation, SuperNetConfig netConfig, CsvLog csv, RunLog log) {
            this.options = options;
            this.trainer = trainer;
            this.validation = validation;
            this.csv = csv;
            this.log = log;
            this.constraints = options.constraints(netConfig.vocabSize());
            this.shrinking = new ProgressiveShrinking(options.shrinkChildren, options.shrinkDelete);
        }

        void afterStep(long stepsDone) {
            if (stepsDone % options.shrinkEvery != 0 || trainer.mask().size().equals(java.math.BigInteger.ONE)) {
                return;
            }
            int round = (int) (stepsDone / options.shrinkEvery);
            SplitMix64 rng = new SplitMix64(SplitMix64.mix(options.seed, 30, round));
            List<Deletion> removed = shrinking.round(round, trainer.mask(), new SharedPrefixScorer(trainer, validation), constraints, rng);
            for (Deletion d : removed) {
                csv.row(stepsDone, d.round(), d.layer() + 1, d.candidate(), d.score(), d.children());
                log.line("shrink round %d: layer %d drops %s (mean loss %.4f over %d children)", d.round(), d.layer() + 1, d.candidate(), d.score(),
                        d.children());
            }
            csv.flush();
            log.line("shrink round %d: %s children left%s", round, trainer.mask().size(),
                    trainer.mask().size().equals(java.math.BigInteger.ONE) ? ": " + trainer.mask().single() : "");
        }
    }

    /** Writes metrics and prints progress. */
    private static final class Progress implements TrainingListener {
        private final RunLog log;
        private final CsvLog metrics;
        private final CsvLog anchors;
        private final long total;
        private final int every;
        private final long startNanos = System.nanoTime();
        private final long startStep;
        private final Shrinker shrinker;
        private final GradientMonitor monitor;
        private int replacements;

        Progress(RunLog log, CsvLog metrics, CsvLog anchors, long total, int every, long startStep, Shrinker shrinker, GradientMonitor monitor) {
            this.shrinker = shrinker;
            this.monitor = monitor;
            this.log = log;
            this.metrics = metrics;
            this.anchors = anchors;
            this.total = total;
            this.every = every;
            this.startStep = startStep;
        }

        @Override
        public void onStep(StepRecord r) {
            metrics.row(r.step(), r.child().toString(), r.changed(), r.predictionLoss(), r.alignmentLoss(), r.learningRate(), r.gradientNorm(),
                    r.millis(), r.tokens());
            if (monitor != null) {
                monitor.onStep(r);
            }
            long done = r.step() + 1;
            if (done % every == 0 || done == total) {
                metrics.flush();
                double seconds = (System.nanoTime() - startNanos) / 1e9;
                double rate = (done - startStep) / seconds;
                long eta = Math.round((total - done) / rate);
                log.line("step %6d/%d  loss %.4f  align %s  lr %.2e  changed %d  %.2f steps/s  eta %dm%02ds  anchor changes %d  rss %.2f GiB  fds %d",
                        done, total, r.predictionLoss(), Double.isNaN(r.alignmentLoss()) ? "  off " : String.format(Locale.ROOT, "%.4f", r.alignmentLoss()),
                        r.learningRate(), r.changed(), rate, eta / 60, eta % 60, replacements, ProcessMemory.residentGiB(), ProcessMemory.openFiles());
            }
        }

        @Override
        public void afterStep(long stepsDone) {
            if (shrinker != null) {
                shrinker.afterStep(stepsDone);
            }
        }

        @Override
        public void onAnchorReplaced(AnchorReplacement r) {
            replacements++;
            anchors.row(r.step(), r.previous(), r.replacement(), r.previousLoss(), r.replacementLoss(), r.standardError(),
                    r.reason().name().toLowerCase(java.util.Locale.ROOT));
            anchors.flush();
            String se = Double.isNaN(r.standardError()) ? "" : String.format(java.util.Locale.ROOT, ", standard error of the difference %.4f",
                    r.standardError());
            log.line("anchor replaced at step %d (%s): %s (%.4f) -> %s (%.4f%s)", r.step(), r.reason().name().toLowerCase(java.util.Locale.ROOT),
                    r.previous(), r.previousLoss(), r.replacement(), r.replacementLoss(), se);
        }

        @Override
        public void onCheckpoint(long step, Path dir) {
            metrics.flush();
        }
    }

    /** Paths as plain strings in run files. */
    private static final class PathAdapter extends com.google.gson.TypeAdapter<Path> {
        @Override
        public void write(com.google.gson.stream.JsonWriter out, Path value) throws IOException {
            out.value(value.toString());
        }

        @Override
        public Path read(com.google.gson.stream.JsonReader in) throws IOException {
            return Path.of(in.nextString());
        }
    }
}
