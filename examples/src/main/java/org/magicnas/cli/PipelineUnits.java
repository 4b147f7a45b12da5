package org.magicnas.cli;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.magicnas.data.CorpusLocator;
import org.magicnas.data.MlmCorpus;
import org.magicnas.data.tribuo.BertTextExtractor;
import org.magicnas.data.tribuo.BrownGenreDataSource;
import org.magicnas.data.tribuo.Split;
import org.magicnas.electra.ElectraTrainer;
import org.magicnas.run.RunDirectory;
import org.magicnas.sampling.SplitMix64;
import org.magicnas.space.Architecture;
import org.magicnas.space.ChildCost;
import org.magicnas.supernet.ChildModel;
import org.magicnas.supernet.EncoderFiles;
import org.magicnas.supernet.SuperNetConfig;
import org.magicnas.train.CheckpointStore;
import org.magicnas.train.ChildScore;
import org.magicnas.train.ChildTrainer;
import org.magicnas.train.Method;
import org.magicnas.train.SeededInit;
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

/**
 * The units of a pipeline run and the data they share. Per seed (in {@code seed-<s>/} with {@code
 * --seeds}): a super-net with progressive shrinking for MAGIC-AT and for SPOS ({@code
 * <method>-supernet/}, finished once its {@code children.json} exists), then one unit per row: the
 * row's child pre-trained stand-alone ({@code <row>-encoder/}, {@code <row>-mlm.json}) and fine-tuned
 * on the Brown genre task ({@code <row>-genre.json}). A searched row reads its search's {@code
 * children.json}; the baseline reads nothing. Each seed's data are prepared once, when a unit first
 * needs them.
 */
final class PipelineUnits implements UnitCommand.Units {
    /** The searches, in the order a run without a cluster trains them. */
    private static final List<Method> SEARCHES = List.of(Method.MAGIC_AT, Method.SPOS);

    private final PipelineOptions options;
    private final Path corpus;
    private final Path brown;
    private final Map<Long, SeedData> data = new HashMap<>();

    /** A row's fine-tuning result, kept in the run ({@code <row>-genre.json}). */
    record GenreScore(double accuracy, double macroF1) {}

    /**
     * Finds the corpus; nothing is read until a unit runs.
     *
     * @param options the pipeline's options
     * @param workingDir what a relative {@code --corpus} is relative to
     * @throws org.magicnas.data.CorpusException if the Brown corpus cannot be found
     */
    PipelineUnits(PipelineOptions options, Path workingDir) {
        this.options = options;
        this.corpus = options.corpus == null ? null : workingDir.resolve(options.corpus);
        this.brown = CorpusLocator.locateBrown(corpus);
    }

    /**
     * The seeds of the run: {@code --seeds}, or {@code --seed}.
     *
     * @return the seeds
     */
    List<Long> seeds() {
        return options.seeds == null ? List.of(options.seed) : options.seeds;
    }

    /**
     * Where a seed's pipeline lives in the run: the run itself, or {@code seed-<s>/} with {@code --seeds}.
     *
     * @param run the run directory
     * @param seed the seed
     * @return its directory
     * @throws IOException if it cannot be created
     */
    RunDirectory seedRun(RunDirectory run, long seed) throws IOException {
        return options.seeds == null ? run : RunDirectory.open(Files.createDirectories(run.resolve(prefix(seed))));
    }

    private String prefix(long seed) {
        return options.seeds == null ? "" : "seed-" + seed + "/";
    }

    @Override
    public List<RunUnit> units() {
        List<RunUnit> all = new ArrayList<>();
        for (long seed : seeds()) {
            all.addAll(units(seed));
        }
        return all;
    }

    /**
     * One seed's units: the two searches, then the rows.
     *
     * @param seed the seed
     * @return its units
     */
    List<RunUnit> units(long seed) {
        String dir = prefix(seed);
        String who = options.seeds == null ? "" : "seed " + seed + ": ";
        List<RunUnit> units = new ArrayList<>();
        for (Method m : SEARCHES) {
            String sub = dir + searchDir(m);
            units.add(new RunUnit(sub, who + m.id() + " super-net", List.of(), List.of(sub), List.of(sub + "/" + SuperNetRun.CHILDREN),
                    run -> search(m, seed, run.resolve(sub))));
        }
        for (Map.Entry<String, Method> row : rows().entrySet()) {
            String name = row.getKey();
            Method by = row.getValue();
            String p = dir + name;
            List<String> reads = by == null ? List.of() : List.of(dir + searchDir(by) + "/" + SuperNetRun.CHILDREN);
            units.add(new RunUnit(p, who + name + " row", reads, List.of(p + "-encoder", p + "-checkpoints", p + "-mlm.json", p + "-brown-genre.model",
                    p + "-genre.json"), List.of(p + "-mlm.json", p + "-genre.json"), run -> row(name, by, seed, run)));
        }
        return units;
    }

    /** The rows of the table, each with the search whose child it is (null for the baseline). */
    private Map<String, Method> rows() {
        Map<String, Method> rows = new LinkedHashMap<>();
        for (Method m : SEARCHES) {
            rows.put(m.id(), m);
        }
        rows.put("baseline", null);
        if (options.electra) {
            rows.put("E-magic-at", Method.MAGIC_AT);
        }
        return rows;
    }

    private static String searchDir(Method m) {
        return m.id() + "-supernet";
    }

    /**
     * One seed's table, from the stage files of its finished units.
     *
     * @param run the run directory
     * @param seed the seed
     * @return its rows
     * @throws IOException if a stage file cannot be read
     */
    List<PipelineCommand.Row> table(RunDirectory run, long seed) throws IOException {
        RunDirectory sub = seedRun(run, seed);
        int seqLen = superNetOptions(options, Method.MAGIC_AT, seed).seqLen;
        List<PipelineCommand.Row> table = new ArrayList<>();
        for (Map.Entry<String, Method> row : rows().entrySet()) {
            String name = row.getKey();
            Architecture arch = architecture(row.getValue(), seed, run);
            ChildScore mlm = stageResult(sub, name + "-mlm.json", ChildScore.class);
            GenreScore genre = stageResult(sub, name + "-genre.json", GenreScore.class);
            int vocab = EncoderFiles.spec(sub.resolve(name + "-encoder")).config().vocabSize();
            ChildCost cost = ChildCost.of(arch, vocab, seqLen, seqLen, 0);
            table.add(new PipelineCommand.Row(name, arch, cost.parameters(), cost.forwardFlops(), mlm.loss(), genre.accuracy(), genre.macroF1()));
        }
        return table;
    }

    /** A row's child: the first child its search reported, or the BERT-like baseline. */
    private Architecture architecture(Method searchedBy, long seed, RunDirectory run) throws IOException {
        SuperNetOptions o = superNetOptions(options, Method.MAGIC_AT, seed);
        return searchedBy == null ? Architecture.bertLike(o.searchSpace())
                : SuperNetRun.children(o.searchSpace(), run.resolve(prefix(seed) + searchDir(searchedBy))).get(0);
    }

    private String search(Method m, long seed, Path dir) throws IOException {
        System.out.printf(Locale.ROOT, "== %s super-net with progressive shrinking%n", m.id());
        Architecture found = SuperNetRun.trainOrKeep(superNetOptions(options, m, seed), data(seed).mlm(), dir, System.out).get(0);
        return "searched " + found;
    }

    /** A row: stand-alone pre-training, then fine-tuning on the Brown genre task; each skipped if its stage file exists. */
    private String row(String name, Method searchedBy, long seed, RunDirectory top) throws Exception {
        RunDirectory run = seedRun(top, seed);
        Architecture arch = architecture(searchedBy, seed, top);
        SeedData d = data(seed);
        SuperNetOptions base = superNetOptions(options, Method.MAGIC_AT, seed);
        int steps = options.steps();
        SuperNetConfig netConfig = new SuperNetConfig(base.searchSpace(), d.mlm().tokenizer().vocabSize(), base.seqLen, base.dropout);
        Path encoder = run.resolve(name + "-encoder");
        ChildScore mlm = stageResult(run, name + "-mlm.json", ChildScore.class);
        if (mlm == null) {
            System.out.printf(Locale.ROOT, "== %s: pre-training %s stand-alone for %d steps%n", name, arch, steps);
            mlm = name.startsWith("E-") ? pretrainElectra(netConfig, arch, d.mlm(), steps, encoder, seed)
                    : pretrain(netConfig, arch, d.mlm(), steps, encoder, seed, run.resolve(name + "-checkpoints"), options.valBatches);
            Files.copy(d.mlm().tokenizer().file(), encoder.resolve("tokenizer.json"), StandardCopyOption.REPLACE_EXISTING);
            run.writeString(name + "-mlm.json", SuperNetRun.GSON.toJson(mlm));
        } else {
            System.out.printf(Locale.ROOT, "== %s: pre-trained already (%s)%n", name, encoder);
        }
        GenreScore genre = stageResult(run, name + "-genre.json", GenreScore.class);
        if (genre == null) {
            Genre g = d.genre(base.seqLen);
            System.out.printf(Locale.ROOT, "== %s: fine-tuning on the Brown genre task (%d passages)%n", name, g.train().size());
            genre = fineTune(encoder, options.epochs(), seed, base.seqLen, g.train(), g.dev(), run.resolve(name + "-brown-genre.model"));
            run.writeString(name + "-genre.json", SuperNetRun.GSON.toJson(genre));
        } else {
            System.out.printf(Locale.ROOT, "== %s: fine-tuned already%n", name);
        }
        return String.format(Locale.ROOT, "%s: MLM loss %.4f, accuracy %.4f", arch, mlm.loss(), genre.accuracy());
    }

    /** A seed's data, prepared when a unit first needs them (tasks of one JVM wait for the first). */
    private synchronized SeedData data(long seed) {
        SeedData d = data.get(seed);
        if (d == null) {
            // The options keep --corpus as given; the data come from it resolved against the driver's directory.
            SuperNetOptions o = superNetOptions(options, Method.MAGIC_AT, seed);
            o.corpus = corpus;
            d = new SeedData(MlmCorpus.prepare(o.dataSpec()), brown, seed, options.genrePassages);
            data.put(seed, d);
        }
        return d;
    }

    /**
     * Closes a seed's data once its units are done (a run without a cluster, seed after seed).
     *
     * @param seed the seed
     */
    synchronized void release(long seed) {
        SeedData d = data.remove(seed);
        if (d != null) {
            d.close();
        }
    }

    @Override
    public synchronized void close() {
        data.values().forEach(SeedData::close);
        data.clear();
    }

    /** The Brown genre task's training and dev passages of a seed. */
    private record Genre(Dataset<Label> train, Dataset<Label> dev) {}

    /** A seed's masked-LM data, and its genre passages once fine-tuning needs them. */
    private static final class SeedData implements AutoCloseable {
        private final MlmCorpus mlm;
        private final Path brown;
        private final long seed;
        private final int passages;
        private BertTextExtractor<Label> text;
        private Genre genre;

        SeedData(MlmCorpus mlm, Path brown, long seed, int passages) {
            this.mlm = mlm;
            this.brown = brown;
            this.seed = seed;
            this.passages = passages;
        }

        MlmCorpus mlm() {
            return mlm;
        }

        synchronized Genre genre(int seqLen) {
            if (genre == null) {
                System.out.println("== Brown genre task: passages of the training and dev documents");
                text = new BertTextExtractor<>(mlm.tokenizer().file(), seqLen);
                genre = new Genre(sample(new MutableDataset<>(new BrownGenreDataSource(brown, Split.TRAIN, text, seed, 0.1, 0.1)), passages, seed),
                        sample(new MutableDataset<>(new BrownGenreDataSource(brown, Split.DEV, text, seed, 0.1, 0.1)), passages, seed));
            }
            return genre;
        }

        @Override
        public synchronized void close() {
            if (text != null) {
                text.close();
            }
            mlm.close();
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

    /**
     * The options of one of the pipeline's super-nets (with shrinking down to one child over the steps).
     *
     * @param p the pipeline's options
     * @param m the method
     * @param seed the seed
     * @return the super-net's options
     */
    static SuperNetOptions superNetOptions(PipelineOptions p, Method m, long seed) {
        int steps = p.steps();
        List<String> args = new ArrayList<>(List.of("--method", m.id(), "--space", p.space, "--steps", Integer.toString(steps), "--seed",
                Long.toString(seed), "--checkpoint-every", Integer.toString(CommandRuns.checkpointEvery(steps)), "--eval-children", "0", "--name", m.id(),
                "--val-batches", Integer.toString(p.valBatches),
                "--max-params", Long.toString(p.maxParams), "--max-flops", Long.toString(p.maxFlops)));
        if (p.corpus != null) {
            args.addAll(List.of("--corpus", p.corpus.toString()));
        }
        SuperNetOptions o = CommandLine.populateCommand(new SuperNetOptions(), args.toArray(String[]::new));
        var s = o.searchSpace();
        int removals = s.layers() * (s.choices() - 1);
        int rounds = (removals + o.shrinkDelete - 1) / o.shrinkDelete;
        o.shrinkEvery = Math.max(1, steps / (rounds + 1));
        return o;
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

    /** A child and the ELECTRA trainer around it. */
    private record Electra(ChildModel child, ElectraTrainer trainer) {}

    /** ELECTRA pre-training; the score is the generator's masked-LM loss, the discriminator has none. */
    private static ChildScore pretrainElectra(SuperNetConfig config, Architecture arch, MlmCorpus data, int steps, Path encoder, long seed)
            throws IOException {
        try (NDManager manager = NDManager.newBaseManager(CommandDevice.get())) {
            TrainingConfig tc = TrainingConfig.standAlone(steps, 1e-3, seed);
            // The generator and its head draw right after the child, with no other draw of this JVM in between.
            Electra e = SeededInit.together(() -> {
                ChildModel child = ChildTrainer.seededChild(config, arch, manager, seed);
                return new Electra(child, new ElectraTrainer(child, config, manager, tc, s -> data.train().batchAt(s)));
            });
            try (ElectraTrainer t = e.trainer()) {
                ElectraTrainer.Step r = null;
                for (int i = 0; i < steps; i++) {
                    r = t.step();
                    if ((i + 1) % Math.max(1, steps / 5) == 0) {
                        System.out.printf(Locale.ROOT, "  step %d/%d  generator loss %.4f  discriminator loss %.4f  replaced %.2f  accuracy %.3f%n", i + 1, steps,
                                r.generatorLoss(), r.discriminatorLoss(), r.replacedShare(), r.discriminatorAccuracy());
                    }
                }
                EncoderFiles.save(encoder, config, e.child());
                return new ChildScore(r.generatorLoss(), r.discriminatorAccuracy(), 0);
            }
        }
    }
}
