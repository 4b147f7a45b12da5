package org.magicnas.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.magicnas.analysis.GroundTruthPanel;
import org.magicnas.analysis.MlmStudyTask;
import org.magicnas.analysis.ResultCache;
import org.magicnas.analysis.StudyTask;
import org.magicnas.analysis.SuperNetEstimates;
import org.magicnas.data.CorpusLocator;
import org.magicnas.data.image.FashionMnist;
import org.magicnas.data.tribuo.Split;
import org.magicnas.image.BatchNormPolicy;
import org.magicnas.image.ImageData;
import org.magicnas.image.ImageStudyTask;
import org.magicnas.data.MlmCorpus;
import org.magicnas.data.MlmDataSpec;
import org.magicnas.run.RunDirectory;
import org.magicnas.sampling.SplitMix64;
import org.magicnas.space.Architecture;
import org.magicnas.space.Preset;
import org.magicnas.space.SearchSpace;
import org.magicnas.supernet.SuperNetConfig;
import org.magicnas.train.StepRecord;
import org.magicnas.train.TrainingConfig;
import org.magicnas.train.TrainingListener;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bin/magic rank-correlation}: the study of section 5.2. K children drawn uniformly are trained
 * stand-alone (the ground truth, a cached panel), a subset again with another seed (the noise
 * ceiling); each method's super-net, trained on the same data, steps and seed, estimates each child by
 * its negative validation loss; Kendall tau-b, Spearman and precision at top-k with bootstrap
 * intervals compare them, per method, per super-net seed and paired against SPOS. Every job is cached
 * by content hash, so rerunning the command resumes it and a larger study reuses a smaller one's jobs.
 */
@Command(name = "rank-correlation", mixinStandardHelpOptions = true,
        description = "Rank correlation of super-net estimates against stand-alone training (Table 1, Figure 3a), with confidence intervals.")
final class RankCorrelationCommand implements Callable<Integer> {
    @Option(names = "--preset", defaultValue = "cpu-120",
            description = "quick (under a minute), cpu-60 (under an hour on 2 cores), cpu-120 (the powered study, under two hours on 2 cores),"
                    + " image-cpu or paper (default: ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--space", description = "Space preset (default: the study preset's).")
    String space;

    @Option(names = "--children", description = "K, the panel's children (default: the study preset's).")
    Integer children;

    @Option(names = "--child-steps", description = "Stand-alone training steps per child (default: the study preset's).")
    Integer childSteps;

    @Option(names = "--noise-children", description = "Children retrained with a second seed, 0 for none (default: the study preset's).")
    Integer noiseChildren;

    @Option(names = "--supernet-steps", description = "Super-net training steps (default: the study preset's).")
    Integer supernetSteps;

    @Option(names = "--methods", split = ",",
            description = "Methods, with k for MAGIC-T as magic-t:k=4, an anchor percentile as magic-a:p=30 and the steps between anchor"
                    + " comparisons or rankings as magic-a:e=100 (default: the study preset's).")
    List<String> methods;

    @Option(names = "--seeds", split = ",", description = "Super-net seeds, the repeats (default: the study preset's).")
    List<Long> seeds;

    @Option(names = "--vocab-size", description = "WordPiece vocabulary size (default: the study preset's).")
    Integer vocabSize;

    @Option(names = "--seq-len", description = "Sequence length (default: the study preset's).")
    Integer seqLen;

    @Option(names = "--batch-size", description = "Sequences per batch (default: the study preset's).")
    Integer batchSize;

    @Option(names = "--lr", defaultValue = "1e-3", description = "Peak learning rate of children and super-nets (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--val-batches", description = "Validation batches for both ground truth and estimates (default: the study preset's).")
    Integer valBatches;

    @Option(names = "--top-k", defaultValue = "5", description = "k of precision at top-k (default: ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = "--bootstrap", defaultValue = "2000", description = "Bootstrap resamples (default: ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--corpus", description = "Corpus (default: the Brown corpus).")
    Path corpus;

    @Option(names = "--data", description = "Fashion-MNIST directory for an image space (default: " + FashionMnist.DEFAULT_DIRECTORY + ").")
    Path imageData;

    @Option(names = "--train-size", defaultValue = "20000", description = "Training images of an image space's study (default: ${DEFAULT-VALUE}).")
    int trainImages;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the data split, the panel draw and the children (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--sweeps", split = ",",
            description = "Variants trained with the first seed only, e.g. magic-t:k=2,magic-a:p=10 (default: the study preset's).")
    List<String> sweeps;

    @Option(names = "--workers",
            description = "Worker processes running jobs side by side, each a JVM with --threads-per-worker native threads"
                    + " (default: the machine's cores, at most " + StudyWorkers.MAX_DEFAULT + ").")
    Integer workers;

    @Option(names = "--threads-per-worker", defaultValue = "1",
            description = "Native threads of each worker; a value other than 1 is part of every job's cache key, as it changes the last digits"
                    + " (default: ${DEFAULT-VALUE}).")
    int threadsPerWorker;

    @Mixin
    SparkOptions spark;

    /** Set in the worker processes that the study starts: run jobs, write no report. */
    @Option(names = "--worker", hidden = true, defaultValue = "0")
    int worker;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--cache", description = "Where finished jobs are kept (default: <magic cache>/rank-study).")
    Path cacheDir;

    @Option(names = "--runs-dir", defaultValue = "runs", description = "Where run directories go (default: ${DEFAULT-VALUE}).")
    Path runsDir;

    /** A super-net configuration of the study: a method and its k. */
    record Variant(String label, SuperNetOptions options) {}

    /**
     * A study ready to run: its jobs in a fixed order (the same on every machine for the same command
     * line) and what the report needs; holds the corpus open until closed.
     */
    record Study(StudyPreset preset, StudyTask task, ResultCache cache, List<Architecture> children, List<Variant> variants, int k, int noise,
            int childBudget, int netBudget, List<StudyJob> jobs, AutoCloseable data) implements AutoCloseable {
        /**
         * The same jobs against another cache (a Spark task's own), sharing the data, which is read-only.
         *
         * @param command the command that opened the study
         * @param other the cache
         * @param prefix the start of the super-nets' progress lines
         * @return the jobs, in the same order
         */
        List<StudyJob> jobs(RankCorrelationCommand command, ResultCache other, String prefix) {
            return command.jobs(this, other, prefix);
        }

        @Override
        public void close() throws Exception {
            if (data != null) {
                data.close();
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        try (Study s = open()) {
            if (worker > 0) {
                StudyJob.runAll(s.jobs(), workerPrefix());
                return 0;
            }
            runAndReport(s);
        }
        return 0;
    }

    /**
     * Validates the options and builds the study: the data, the panel, the variants and the jobs.
     *
     * @return the study (close it)
     * @throws Exception if the data cannot be read
     */
    Study open() throws Exception {
        StudyPreset p = StudyPreset.of(preset);
        String spaceName = space != null ? space : p.space;
        SearchSpace searchSpace = Preset.of(spaceName).space();
        int k = children != null ? children : p.children;
        int noise = noiseChildren != null ? noiseChildren : p.noiseChildren;
        int childBudget = childSteps != null ? childSteps : p.childSteps;
        int netBudget = supernetSteps != null ? supernetSteps : p.supernetSteps;
        List<Long> netSeeds = seeds != null ? seeds : p.seeds;
        int evalBatches = valBatches != null ? valBatches : p.valBatches;
        MlmDataSpec dataSpec = new MlmDataSpec(corpus, vocabSize != null ? vocabSize : p.vocabSize, seqLen != null ? seqLen : p.seqLen,
                batchSize != null ? batchSize : p.batchSize, 0.1, 0.1, seed);
        if ((workers != null && workers < 1) || threadsPerWorker < 1) {
            throw new IllegalArgumentException("--workers and --threads-per-worker must be >= 1, got " + workers + " and " + threadsPerWorker);
        }
        validateSpark();
        if (noise < 0 || noise > k || childBudget < 1 || netBudget < 1 || topK < 1 || topK > k || netSeeds.isEmpty() || evalBatches < 1) {
            throw new IllegalArgumentException("need 0 <= --noise-children <= --children (" + k + "), 1 <= --top-k <= --children, at least one seed and"
                    + " positive step counts; got noise " + noise + ", top-k " + topK + ", seeds " + netSeeds);
        }
        List<Architecture> panelChildren = GroundTruthPanel.sample(searchSpace, k, SplitMix64.mix(seed, 80));
        List<Variant> variants = new ArrayList<>();
        for (String m : methods != null ? methods : p.methods) {
            for (long s : netSeeds) {
                variants.add(variant(m, spaceName, dataSpec, netBudget, s));
            }
        }
        for (String m : sweeps != null ? sweeps : p.sweeps) {
            if (m.isBlank()) {
                continue;
            }
            variants.add(variant(m, spaceName, dataSpec, netBudget, netSeeds.get(0)));
        }
        ResultCache cache = new ResultCache(cacheDir != null ? cacheDir : CorpusLocator.cacheDir().resolve("rank-study"));
        if (searchSpace.isImage()) {
            StudyTask task = imageTask(searchSpace, batchSize != null ? batchSize : p.batchSize, evalBatches);
            return study(p, task, cache, panelChildren, variants, k, noise, childBudget, netBudget, null);
        }
        MlmCorpus data = MlmCorpus.prepare(dataSpec);
        try {
            String dataKey = String.join("|", data.corpus().fingerprint(), FileHashes.sha256(data.tokenizer().file()), dataSpec.toString()) + threadsKey();
            SuperNetConfig netConfig = new SuperNetConfig(searchSpace, data.tokenizer().vocabSize(), dataSpec.seqLen(), 0.1f);
            StudyTask task = new MlmStudyTask(netConfig, dataKey, s -> data.train().batchAt(s), 4096 * data.train().stepsPerEpoch(),
                    data.validation(evalBatches), CommandDevice.get());
            return study(p, task, cache, panelChildren, variants, k, noise, childBudget, netBudget, data);
        } catch (Exception | Error e) {
            data.close();
            throw e;
        }
    }

    /** The Spark options, checked before any data is read: a master's form, and no worker processes beside it. */
    private void validateSpark() {
        spark.validate();
        if (spark.enabled() && (workers != null || threadsPerWorker != 1)) {
            throw new IllegalArgumentException("--spark runs the jobs as Spark tasks: use --threads-per-task, not --workers or --threads-per-worker");
        }
    }

    /** Fashion-MNIST for an image space: a seeded split of the training images, validation batches held out. */
    private StudyTask imageTask(SearchSpace s, int batch, int evalBatches) throws IOException {
        if (s.image().inputChannels() != 1 || s.image().resolution() != FashionMnist.SIDE) {
            throw new IllegalArgumentException("--space " + s.name() + ": the image study reads Fashion-MNIST, which needs 1x28x28 inputs");
        }
        FashionMnist set = FashionMnist.load(imageData, Split.TRAIN);
        ImageData all = ImageSearchCommand.toImageData(set);
        int validCount = evalBatches * batch;
        if (trainImages < batch || trainImages + validCount > all.size()) {
            throw new IllegalArgumentException("--train-size must be in [" + batch + ", " + (all.size() - validCount) + "], got " + trainImages);
        }
        ImageData.HeldOut parts = all.holdOut(validCount, trainImages, SplitMix64.mix(seed, 50));
        String dataKey = String.join("|", "fashion-mnist", FileHashes.sha256(set.imagesFile()), FileHashes.sha256(set.labelsFile()), Long.toString(seed))
                + threadsKey();
        return new ImageStudyTask(s, parts.train(), parts.valid(), dataKey, batch, new BatchNormPolicy(4, batch), CommandDevice.get());
    }

    private Study study(StudyPreset p, StudyTask task, ResultCache cache, List<Architecture> panelChildren, List<Variant> variants, int k, int noise,
            int childBudget, int netBudget, AutoCloseable data) {
        Study s = new Study(p, task, cache, panelChildren, variants, k, noise, childBudget, netBudget, List.of(), data);
        return new Study(p, task, cache, panelChildren, variants, k, noise, childBudget, netBudget, jobs(s, cache, workerPrefix()), data);
    }

    /** The study's jobs against a cache: the panel (a child's second seed right after its first), then the super-nets. */
    private List<StudyJob> jobs(Study s, ResultCache cache, String prefix) {
        List<Architecture> panelChildren = s.children();
        int netBudget = s.netBudget();
        GroundTruthPanel panel = new GroundTruthPanel(cache, s.task(), s.childBudget(), lr, seed);
        SuperNetEstimates estimator = new SuperNetEstimates(cache, s.task());
        List<StudyJob> jobs = new ArrayList<>();
        // A child's second seed right after its first, so that the noise ceiling grows with the panel.
        for (int i = 0; i < s.k(); i++) {
            for (int rep = 0; rep < (i < s.noise() ? 2 : 1); rep++) {
                Architecture a = panelChildren.get(i);
                int r = rep;
                jobs.add(new StudyJob(String.format(Locale.ROOT, "panel %s seed %d", a, r + 1), () -> panel.cached(a, r).isPresent(), () -> panel.claim(a, r),
                        () -> {
                            GroundTruthPanel.Member m = panel.member(a, r);
                            return String.format(Locale.ROOT, "loss %.4f in %.0f s", m.loss(), m.seconds());
                        }));
            }
        }
        for (Variant v : s.variants()) {
            TrainingConfig tc = v.options().trainingConfig();
            jobs.add(new StudyJob(String.format(Locale.ROOT, "super-net %s seed %d (%d steps)", v.label(), tc.seed(), netBudget),
                    () -> estimator.cached(tc, panelChildren).isPresent(), () -> estimator.claim(tc, panelChildren),
                    () -> String.format(Locale.ROOT, "done in %.0f s", estimator.estimate(tc, panelChildren, progress(netBudget, prefix)).seconds())));
        }
        return jobs;
    }

    /** Runs the jobs that are not cached (in worker processes or as Spark tasks), then writes the report. */
    private void runAndReport(Study s) throws Exception {
        StudyPreset p = s.preset();
        StudyTask task = s.task();
        ResultCache cache = s.cache();
        List<Architecture> panelChildren = s.children();
        List<Variant> variants = s.variants();
        List<StudyJob> jobs = s.jobs();
        int k = s.k();
        int noise = s.noise();
        GroundTruthPanel panel = new GroundTruthPanel(cache, task, s.childBudget(), lr, seed);
        SuperNetEstimates estimator = new SuperNetEstimates(cache, task);
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            if (!jobs.get(i).cached().getAsBoolean()) {
                todo.add(i);
            }
        }
        // A Spark master is reached (or found unreachable: bad input) before the run directory exists. In
        // local mode the tasks run in this JVM and share this study's data.
        if (spark.enabled()) {
            StudyJobs.share(executorArgs(), this, s);
        }
        try (TaskCluster cluster = todo.isEmpty() ? null : spark.connect("rank-correlation")) {
            RunDirectory run = RunDirectory.create(runsDir, "rank-correlation");
            int processes = workers != null ? workers : StudyWorkers.defaultCount();
            String how = spark.enabled() ? spark.describe()
                    : String.format(Locale.ROOT, "%d worker process(es) of %d thread(s)", processes, threadsPerWorker);
            System.out.printf(Locale.ROOT, "rank-correlation (%s): %s, %d children x %d steps (%d with a second seed), %d super-nets x %d steps; %d jobs"
                    + " (%d cached), %s; cache %s; run %s%n", p.id, task.space().describe(), k, s.childBudget(), noise, variants.size(), s.netBudget(),
                    jobs.size(), jobs.size() - todo.size(), how, cache.dir(), run);
            if (!todo.isEmpty()) {
                if (cluster != null) {
                    List<String> args = executorArgs();
                    List<ClusterRun.Job> tasks = new ArrayList<>();
                    for (int i : todo) {
                        tasks.add(new ClusterRun.Job(jobs.get(i).label(), List.of(), () -> new StudyJobs.Task(args, i), out -> StudyJobs.store(out, cache)));
                    }
                    ClusterRun.run(cluster, tasks, "finished jobs are cached, rerun the same command to resume");
                } else {
                    cache.clearClaims();
                    StudyWorkers.run(spec.root().commandLine().getParseResult().originalArgs(), processes, threadsPerWorker);
                }
                if (jobs.stream().anyMatch(j -> !j.cached().getAsBoolean())) {
                    throw new IllegalStateException("the study's workers stopped before every job was done; rerun the same command to resume");
                }
            }
            report(s, panel, estimator, run);
        } finally {
            if (spark.enabled()) {
                StudyJobs.unshare(executorArgs());
            }
        }
    }

    /**
     * The command line that Spark tasks rebuild the study from: this one, with the corpus and image
     * directories made absolute (an executor runs in a directory of its own).
     */
    private List<String> executorArgs() {
        List<String> args = new ArrayList<>(spec.root().commandLine().getParseResult().originalArgs());
        if (corpus != null) {
            args.addAll(List.of("--corpus", corpus.toAbsolutePath().toString()));
        }
        if (imageData != null) {
            args.addAll(List.of("--data", imageData.toAbsolutePath().toString()));
        }
        return args;
    }

    private void report(Study s, GroundTruthPanel panel, SuperNetEstimates estimator, RunDirectory run) throws IOException {
        int k = s.k();
        int noise = s.noise();
        List<Architecture> panelChildren = s.children();
        List<Variant> variants = s.variants();
        double[][] losses = new double[2][k];
        for (int i = 0; i < k; i++) {
            losses[0][i] = panel.cached(panelChildren.get(i), 0).orElseThrow().loss();
            losses[1][i] = i < noise ? panel.cached(panelChildren.get(i), 1).orElseThrow().loss() : Double.NaN;
        }
        List<SuperNetEstimates.Estimate> estimates = new ArrayList<>();
        for (Variant v : variants) {
            estimates.add(estimator.cached(v.options().trainingConfig(), panelChildren).orElseThrow());
        }
        new RankReport(panelChildren, losses[0], java.util.Arrays.copyOf(losses[1], noise), variants, estimates, topK, bootstrap,
                SplitMix64.mix(seed, 81)).write(run);
        System.out.println("run directory: " + run);
    }

    private Variant variant(String method, String spaceName, MlmDataSpec data, int steps, long netSeed) {
        String[] parts = method.split(":", -1);
        List<String> args = new ArrayList<>(List.of("--method", parts[0], "--space", spaceName, "--steps", Integer.toString(steps), "--seed",
                Long.toString(netSeed), "--lr", Double.toString(lr), "--vocab-size", Integer.toString(data.vocabSize()), "--seq-len",
                Integer.toString(data.seqLen()), "--batch-size", Integer.toString(data.batchSize()), "--checkpoint-every", "500"));
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].startsWith("k=")) {
                args.addAll(List.of("--k", parts[i].substring(2)));
            } else if (parts[i].startsWith("p=")) {
                args.addAll(List.of("--anchor-percentile", parts[i].substring(2)));
            } else if (parts[i].startsWith("e=")) {
                args.addAll(List.of("--anchor-eval-every", parts[i].substring(2)));
            } else {
                throw new IllegalArgumentException("--methods: '" + method + "' is not a method with optional :k=K (magic-t), :p=P (magic-a's"
                        + " anchor percentile) or :e=E (steps between anchor comparisons or rankings)");
            }
        }
        SuperNetOptions o;
        try {
            o = CommandLine.populateCommand(new SuperNetOptions(), args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException("--methods: '" + method + "': " + e.getMessage(), e);
        }
        o.validateTraining();
        return new Variant(method, o);
    }

    /**
     * The native thread count of every job changes its numbers in the last digits (the order of
     * parallel sums), so a thread count other than 1 is part of every job's key.
     */
    private String threadsKey() {
        int threads = spark.enabled() ? spark.threadsPerTask : threadsPerWorker;
        return threads == 1 ? "" : "|threads=" + threads;
    }

    private String workerPrefix() {
        return worker < 0 ? "[spark task] " : "[worker " + worker + "] ";
    }

    private static TrainingListener progress(int total, String prefix) {
        long start = System.nanoTime();
        int every = Math.max(1, total / 5);
        return new TrainingListener() {
            @Override
            public void onStep(StepRecord r) {
                long done = r.step() + 1;
                if (done % every == 0) {
                    System.out.printf(Locale.ROOT, "%s    step %d/%d  loss %.4f  %.1f steps/s%n", prefix, done, total, r.predictionLoss(), done / ((System.nanoTime() - start) / 1e9));
                }
            }
        };
    }
}
