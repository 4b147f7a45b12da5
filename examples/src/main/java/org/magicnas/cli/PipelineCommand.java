package org.magicnas.cli;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.magicnas.data.CorpusLocator;
import org.magicnas.data.MlmCorpus;
import org.magicnas.data.tribuo.BertTextExtractor;
import org.magicnas.data.tribuo.BrownGenreDataSource;
import org.magicnas.data.tribuo.Split;
import org.magicnas.electra.ElectraTrainer;
import org.magicnas.run.CsvFiles;
import org.magicnas.run.RunDirectory;
import org.magicnas.sampling.SplitMix64;
import org.magicnas.space.Architecture;
import org.magicnas.space.ChildCost;
import org.magicnas.space.SearchSpace;
import org.magicnas.supernet.ChildModel;
import org.magicnas.supernet.EncoderFiles;
import org.magicnas.supernet.SuperNetConfig;
import org.magicnas.train.ChildScore;
import org.magicnas.train.CheckpointStore;
import org.magicnas.train.ChildTrainer;
import org.magicnas.train.Method;
import org.magicnas.train.TrainingConfig;
import org.magicnas.tribuo.EncoderStart;
import org.magicnas.tribuo.MagicFineTuneTrainer;
import org.magicnas.tribuo.MagicModel;
import org.tribuo.Dataset;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.dataset.DatasetView;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bin/magic pipeline}: the paper's line on the Brown corpus. For MAGIC-AT and for SPOS: a
 * super-net with progressive shrinking down to one child; that child and a fixed BERT-like baseline
 * (alternating MHA and FFN) are pre-trained stand-alone with masked-LM on the same budget, exported as
 * encoders, fine-tuned on the Brown genre task through the Tribuo trainer, and compared in one table.
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = "Search (MAGIC-AT and SPOS), stand-alone pre-training, Brown genre fine-tuning and a results table.")
final class PipelineCommand implements Callable<Integer> {
    @Mixin
    PipelineOptions options;

    @Option(names = "--runs-dir", defaultValue = "runs", description = "Where run directories go (default: ${DEFAULT-VALUE}).")
    Path runsDir;

    @Option(names = "--resume", description = "Resume the pipeline run in this directory (its " + PipelineOptions.FILE + " wins): finished stages are"
            + " kept, an interrupted super-net or pre-training continues from its checkpoint.")
    Path resume;

    /** One row of the results table. */
    record Row(String name, Architecture arch, long parameters, long flops, double mlmLoss, double accuracy, double macroF1) {}

    /** A row's fine-tuning result, kept in the run so that a resumed pipeline skips it. */
    private record GenreScore(double accuracy, double macroF1) {}

    @Override
    public Integer call() throws Exception {
        RunDirectory resumed = resume == null ? null : CommandRuns.resume(resume, this);
        PipelineOptions o = resumed == null ? options : CommandRuns.options(resumed, PipelineOptions.FILE, PipelineOptions.class);
        if (!(o.budget > 0 && o.budget <= 100)) {
            throw new IllegalArgumentException("--budget must be in (0, 100], got " + o.budget);
        }
        if (o.valBatches < 1) {
            throw new IllegalArgumentException("--val-batches must be >= 1, got " + o.valBatches);
        }
        if (o.genrePassages < 0) {
            throw new IllegalArgumentException("--genre-passages must be >= 0 (0 for all passages), got " + o.genrePassages);
        }
        SuperNetOptions base = superNetOptions(o, Method.MAGIC_AT, o.seed);
        base.validate();
        if (o.seeds != null && (o.seeds.size() < 2 || o.seeds.stream().distinct().count() != o.seeds.size())) {
            throw new IllegalArgumentException("--seeds needs at least two distinct seeds, got " + o.seeds);
        }
        if (baselineBreaksLimits(base)) {
            throw new IllegalArgumentException("the BERT-like baseline " + Architecture.bertLike(base.searchSpace()) + " breaks --max-params/--max-flops;"
                    + " the table compares children of similar size");
        }
        Path brown = CorpusLocator.locateBrown(o.corpus);
        RunDirectory run = resumed != null ? resumed
                : CommandRuns.create(runsDir, o.seeds == null ? "pipeline" : "pipeline-seeds", this, PipelineOptions.FILE, o);
        if (o.seeds == null) {
            report(pipeline(o, o.seed, run, brown), run);
            return 0;
        }
        List<List<Row>> tables = new ArrayList<>();
        for (long s : o.seeds) {
            System.out.printf(Locale.ROOT, "==== seed %d of %s%n", s, o.seeds);
            RunDirectory sub = RunDirectory.open(Files.createDirectories(run.resolve("seed-" + s)));
            List<Row> table = pipeline(o, s, sub, brown);
            report(table, sub);
            tables.add(table);
        }
        new PipelineSeedsReport(o.seeds, tables).write(run);
        return 0;
    }

    /**
     * The whole pipeline for one seed, in a run directory. Each stage leaves its result there (a
     * super-net's {@code children.json}, a row's {@code <row>-mlm.json} and {@code <row>-genre.json}),
     * so that a resumed pipeline skips finished stages; interrupted super-nets and pre-trainings
     * continue from their checkpoints.
     */
    private List<Row> pipeline(PipelineOptions o, long seed, RunDirectory run, Path brown) throws Exception {
        int steps = o.steps();
        int epochs = o.epochs();
        SuperNetOptions base = superNetOptions(o, Method.MAGIC_AT, seed);
        SearchSpace searchSpace = base.searchSpace();
        Architecture baseline = Architecture.bertLike(searchSpace);
        try (MlmCorpus data = MlmCorpus.prepare(base.dataSpec())) {
            System.out.printf(Locale.ROOT, "pipeline: %s, seed %d, budget %.2f: %d super-net steps, %d pre-training steps, %d fine-tuning epochs; run %s%n",
                    searchSpace.describe(), seed, o.budget, steps, steps, epochs, run);
            Map<String, Architecture> archs = new LinkedHashMap<>();
            for (Method m : List.of(Method.MAGIC_AT, Method.SPOS)) {
                System.out.printf(Locale.ROOT, "== %s super-net with progressive shrinking%n", m.id());
                archs.put(m.id(), SuperNetRun.trainOrKeep(superNetOptions(o, m, seed), data, run.resolve(m.id() + "-supernet"), System.out).get(0));
            }
            archs.put("baseline", baseline);
            if (o.electra) {
                archs.put("E-magic-at", archs.get(Method.MAGIC_AT.id()));
            }
            List<Row> table = new ArrayList<>();
            SuperNetConfig netConfig = new SuperNetConfig(searchSpace, data.tokenizer().vocabSize(), base.seqLen, base.dropout);
            try (BertTextExtractor<Label> text = new BertTextExtractor<>(data.tokenizer().file(), base.seqLen)) {
                Dataset<Label> train = null;
                Dataset<Label> dev = null;
                for (Map.Entry<String, Architecture> e : archs.entrySet()) {
                    String name = e.getKey();
                    Path encoder = run.resolve(name + "-encoder");
                    ChildScore mlm = stageResult(run, name + "-mlm.json", ChildScore.class);
                    if (mlm == null) {
                        System.out.printf(Locale.ROOT, "== %s: pre-training %s stand-alone for %d steps%n", name, e.getValue(), steps);
                        mlm = name.startsWith("E-") ? pretrainElectra(netConfig, e.getValue(), data, steps, encoder, seed)
                                : pretrain(netConfig, e.getValue(), data, steps, encoder, seed, run.resolve(name + "-checkpoints"), o.valBatches);
                        Files.copy(data.tokenizer().file(), encoder.resolve("tokenizer.json"), StandardCopyOption.REPLACE_EXISTING);
                        run.writeString(name + "-mlm.json", SuperNetRun.GSON.toJson(mlm));
                    } else {
                        System.out.printf(Locale.ROOT, "== %s: pre-trained already (%s)%n", name, encoder);
                    }
                    GenreScore genre = stageResult(run, name + "-genre.json", GenreScore.class);
                    if (genre == null) {
                        if (train == null) {
                            System.out.println("== Brown genre task: passages of the training and dev documents");
                            train = sample(new MutableDataset<>(new BrownGenreDataSource(brown, Split.TRAIN, text, seed, 0.1, 0.1)), o.genrePassages, seed);
                            dev = sample(new MutableDataset<>(new BrownGenreDataSource(brown, Split.DEV, text, seed, 0.1, 0.1)), o.genrePassages, seed);
                        }
                        System.out.printf(Locale.ROOT, "== %s: fine-tuning on the Brown genre task (%d passages)%n", name, train.size());
                        genre = fineTune(encoder, epochs, seed, base.seqLen, train, dev, run.resolve(name + "-brown-genre.model"));
                        run.writeString(name + "-genre.json", SuperNetRun.GSON.toJson(genre));
                    } else {
                        System.out.printf(Locale.ROOT, "== %s: fine-tuned already%n", name);
                    }
                    ChildCost cost = ChildCost.of(e.getValue(), netConfig.vocabSize(), base.seqLen, base.seqLen, 0);
                    table.add(new Row(name, e.getValue(), cost.parameters(), cost.forwardFlops(), mlm.loss(), genre.accuracy(), genre.macroF1()));
                }
            }
            return table;
        }
    }

    /**
     * A seeded sample of at most {@code limit} passages (in their original order), or all of them if
     * {@code limit} is 0 or at least their number; the view keeps the whole set's genres and features.
     */
    static Dataset<Label> sample(MutableDataset<Label> all, int limit, long seed) {
        if (limit == 0 || limit >= all.size()) {
            return all;
        }
        int[] order = new int[all.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(SplitMix64.mix(seed, 80));
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] kept = Arrays.copyOf(order, limit);
        Arrays.sort(kept);
        return new DatasetView<>(all, kept, all.getFeatureIDMap(), all.getOutputIDInfo(), "a seeded sample of " + limit + " of " + all.size() + " passages");
    }

    /** A stage's saved result, or null if the stage has not finished. */
    private static <T> T stageResult(RunDirectory run, String file, Class<T> type) throws IOException {
        Path p = run.resolve(file);
        return Files.isRegularFile(p) ? SuperNetRun.GSON.fromJson(Files.readString(p), type) : null;
    }

    private static GenreScore fineTune(Path encoder, int epochs, long seed, int seqLen, Dataset<Label> train, Dataset<Label> dev,
            Path modelFile) throws IOException {
        MagicFineTuneTrainer<Label> ft = new MagicFineTuneTrainer<Label>(encoder, EncoderStart.PRETRAINED, epochs, 1e-3, seed)
                .withShape(seqLen, 32, 0.1, 2);
        ft.setDevice(CommandDevice.name());
        try (MagicModel<Label> model = ft.train(train)) {
            LabelEvaluation ev = new LabelEvaluator().evaluate(model, dev);
            model.saveTo(modelFile);
            return new GenreScore(ev.accuracy(), ev.macroAveragedF1());
        }
    }

    private static SuperNetOptions superNetOptions(PipelineOptions p, Method m, long seed) {
        int steps = p.steps();
        List<String> args = new ArrayList<>(List.of("--method", m.id(), "--space", p.space, "--steps", Integer.toString(steps), "--seed",
                Long.toString(seed), "--checkpoint-every", Integer.toString(CommandRuns.checkpointEvery(steps)), "--eval-children", "0", "--name", m.id(),
                "--val-batches", Integer.toString(p.valBatches),
                "--max-params", Long.toString(p.maxParams), "--max-flops", Long.toString(p.maxFlops)));
        if (p.corpus != null) {
            args.addAll(List.of("--corpus", p.corpus.toString()));
        }
        SuperNetOptions o = CommandLine.populateCommand(new SuperNetOptions(), args.toArray(String[]::new));
        SearchSpace s = o.searchSpace();
        int removals = s.layers() * (s.choices() - 1);
        int rounds = (removals + o.shrinkDelete - 1) / o.shrinkDelete;
        o.shrinkEvery = Math.max(1, steps / (rounds + 1));
        return o;
    }

    private static boolean baselineBreaksLimits(SuperNetOptions o) {
        return !o.constraints(o.vocabSize).allows(Architecture.bertLike(o.searchSpace()));
    }

    private static ChildScore pretrain(SuperNetConfig config, Architecture arch, MlmCorpus data, int steps, Path encoder, long seed, Path checkpoints,
            int valBatches) throws IOException {
        try (NDManager manager = NDManager.newBaseManager(CommandDevice.get())) {
            long start = System.nanoTime();
            int every = Math.max(1, steps / 5);
            TrainingConfig training = TrainingConfig.standAlone(steps, 1e-3, seed).withCheckpointEvery(CommandRuns.checkpointEvery(steps));
            ChildTrainer.Trained t = ChildTrainer.fromScratch(config, arch, manager, training, s -> data.train().batchAt(s), data.validation(valBatches), r -> {
                if ((r.step() + 1) % every == 0) {
                    System.out.printf(Locale.ROOT, "  step %d/%d  loss %.4f  %.1f steps/s%n", r.step() + 1, steps, r.predictionLoss(),
                            (r.step() + 1) / ((System.nanoTime() - start) / 1e9));
                }
            }, new CheckpointStore(checkpoints, 2));
            EncoderFiles.save(encoder, config, t.child());
            System.out.printf(Locale.ROOT, "  validation loss %.4f, masked-token accuracy %.4f; encoder %s%n", t.score().loss(), t.score().accuracy(), encoder);
            return t.score();
        }
    }

    /** ELECTRA pre-training; the score is the generator's masked-LM loss, the discriminator has none. */
    private static ChildScore pretrainElectra(SuperNetConfig config, Architecture arch, MlmCorpus data, int steps, Path encoder, long seed)
            throws IOException {
        try (NDManager manager = NDManager.newBaseManager(CommandDevice.get())) {
            ChildModel child = ChildTrainer.seededChild(config, arch, manager, seed);
            TrainingConfig tc = TrainingConfig.standAlone(steps, 1e-3, seed);
            try (ElectraTrainer t = new ElectraTrainer(child, config, manager, tc, s -> data.train().batchAt(s))) {
                ElectraTrainer.Step r = null;
                for (int i = 0; i < steps; i++) {
                    r = t.step();
                    if ((i + 1) % Math.max(1, steps / 5) == 0) {
                        System.out.printf(Locale.ROOT, "  step %d/%d  generator loss %.4f  discriminator loss %.4f  replaced %.2f  accuracy %.3f%n", i + 1, steps,
                                r.generatorLoss(), r.discriminatorLoss(), r.replacedShare(), r.discriminatorAccuracy());
                    }
                }
                EncoderFiles.save(encoder, config, child);
                return new ChildScore(r.generatorLoss(), r.discriminatorAccuracy(), 0);
            }
        }
    }

    private static void report(List<Row> table, RunDirectory run) throws IOException {
        String header = String.format(Locale.ROOT, "%-10s %-36s %10s %11s %9s %9s %9s", "row", "architecture", "params", "FLOPs/seq", "MLM loss", "accuracy", "macro-F1");
        StringBuilder text = new StringBuilder(header).append('\n');
        List<String[]> csv = new ArrayList<>();
        for (Row r : table) {
            text.append(String.format(Locale.ROOT, "%-10s %-36s %10d %11.3e %9.4f %9.4f %9.4f%n", r.name(), r.arch(), r.parameters(), (double) r.flops(), r.mlmLoss(),
                    r.accuracy(), r.macroF1()));
            csv.add(new String[] {r.name(), r.arch().toString(), String.valueOf(r.parameters()), String.valueOf(r.flops()), CsvFiles.fixed(r.mlmLoss(), 6),
                CsvFiles.fixed(r.accuracy(), 6), CsvFiles.fixed(r.macroF1(), 6)});
        }
        System.out.print(text);
        run.writeString("results.txt", text.toString());
        run.writeString("results.csv", CsvFiles.text(List.of("row", "architecture", "parameters", "forward_flops", "mlm_val_loss", "genre_accuracy",
                "genre_macro_f1"), csv, 1));
        System.out.println("run directory: " + run);
    }
}
