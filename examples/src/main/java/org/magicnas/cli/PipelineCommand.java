package org.magicnas.cli;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
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
import org.magicnas.space.SearchSpace;
import org.magicnas.supernet.ChildModel;
import org.magicnas.supernet.EncoderFiles;
import org.magicnas.supernet.SuperNetConfig;
import org.magicnas.train.ChildScore;
import org.magicnas.train.ChildTrainer;
import org.magicnas.train.Method;
import org.magicnas.train.TrainingConfig;
import org.magicnas.tribuo.EncoderStart;
import org.magicnas.tribuo.MagicFineTuneTrainer;
import org.magicnas.tribuo.MagicModel;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
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
    @Option(names = "--budget", defaultValue = "1.0", description = "Scales every step count (1.0: about 15 minutes on 2 cores) (default: ${DEFAULT-VALUE}).")
    double budget;

    @Option(names = "--space", defaultValue = "tiny", description = "Space preset (default: ${DEFAULT-VALUE}).")
    String space;

    @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--seeds", split = ",",
            description = "Run the whole pipeline once per seed (data splits, super-nets, pre-training, fine-tuning) and report each row's mean"
                    + " with a 95%% t-interval over seeds, and the paired difference of magic-at against spos; replaces --seed.")
    List<Long> seeds;

    @Option(names = "--corpus", description = "Brown corpus directory (default: found or fetched).")
    Path corpus;

    @Option(names = "--runs-dir", defaultValue = "runs", description = "Where run directories go (default: ${DEFAULT-VALUE}).")
    Path runsDir;

    @Option(names = "--max-params", defaultValue = "0", description = "Search: most parameters a child may have, 0 for none (default: ${DEFAULT-VALUE}).")
    long maxParams;

    @Option(names = "--max-flops", defaultValue = "0", description = "Search: most forward FLOPs per sequence, 0 for none (default: ${DEFAULT-VALUE}).")
    long maxFlops;

    @Option(names = "--electra", description = "Also pre-train the MAGIC-AT child ELECTRA-style (replaced-token detection): an E-magic-at row.")
    boolean electra;

    /** One row of the results table. */
    record Row(String name, Architecture arch, long parameters, long flops, double mlmLoss, double accuracy, double macroF1) {}

    @Override
    public Integer call() throws Exception {
        if (!(budget > 0 && budget <= 100)) {
            throw new IllegalArgumentException("--budget must be in (0, 100], got " + budget);
        }
        int superNetSteps = Math.max(20, (int) Math.round(1500 * budget));
        int pretrainSteps = Math.max(20, (int) Math.round(1500 * budget));
        int epochs = Math.max(1, (int) Math.round(budget));
        SuperNetOptions base = options(Method.MAGIC_AT, superNetSteps);
        base.validate();
        if (seeds != null && (seeds.size() < 2 || seeds.stream().distinct().count() != seeds.size())) {
            throw new IllegalArgumentException("--seeds needs at least two distinct seeds, got " + seeds);
        }
        if (baselineBreaksLimits(base)) {
            throw new IllegalArgumentException("the BERT-like baseline " + Architecture.bertLike(base.searchSpace()) + " breaks --max-params/--max-flops;"
                    + " the table compares children of similar size");
        }
        Path brown = CorpusLocator.locateBrown(corpus);
        if (seeds == null) {
            RunDirectory run = RunDirectory.create(runsDir, "pipeline");
            report(pipeline(run, brown, superNetSteps, pretrainSteps, epochs), run);
            return 0;
        }
        RunDirectory all = RunDirectory.create(runsDir, "pipeline-seeds");
        List<List<Row>> tables = new ArrayList<>();
        for (long s : seeds) {
            seed = s;
            System.out.printf(Locale.ROOT, "==== seed %d of %s%n", s, seeds);
            RunDirectory sub = RunDirectory.open(Files.createDirectories(all.resolve("seed-" + s)));
            List<Row> table = pipeline(sub, brown, superNetSteps, pretrainSteps, epochs);
            report(table, sub);
            tables.add(table);
        }
        new PipelineSeedsReport(seeds, tables).write(all);
        return 0;
    }

    /** The whole pipeline for the current seed, in a run directory. */
    private List<Row> pipeline(RunDirectory run, Path brown, int superNetSteps, int pretrainSteps, int epochs) throws Exception {
        SuperNetOptions base = options(Method.MAGIC_AT, superNetSteps);
        SearchSpace searchSpace = base.searchSpace();
        Architecture baseline = Architecture.bertLike(searchSpace);
        try (MlmCorpus data = MlmCorpus.prepare(base.dataSpec())) {
            System.out.printf(Locale.ROOT, "pipeline: %s, seed %d, budget %.2f: %d super-net steps, %d pre-training steps, %d fine-tuning epochs; run %s%n",
                    searchSpace.describe(), seed, budget, superNetSteps, pretrainSteps, epochs, run);
            Map<String, Architecture> archs = new LinkedHashMap<>();
            for (Method m : List.of(Method.MAGIC_AT, Method.SPOS)) {
                SuperNetOptions o = options(m, superNetSteps);
                RunDirectory sub = RunDirectory.open(Files.createDirectories(run.resolve(m.id() + "-supernet")));
                sub.writeString(SuperNetRun.CONFIG, SuperNetRun.GSON.toJson(o));
                System.out.printf(Locale.ROOT, "== %s super-net with progressive shrinking%n", m.id());
                List<SuperNetRun.ChildRow> rows = SuperNetRun.execute(o, data, sub, Long.MAX_VALUE, 0, System.out);
                archs.put(m.id(), rows.get(0).arch());
            }
            archs.put("baseline", baseline);
            if (electra) {
                archs.put("E-magic-at", archs.get(Method.MAGIC_AT.id()));
            }
            List<Row> table = new ArrayList<>();
            SuperNetConfig netConfig = new SuperNetConfig(searchSpace, data.tokenizer().vocabSize(), base.seqLen, base.dropout);
            try (BertTextExtractor<Label> text = new BertTextExtractor<>(data.tokenizer().file(), base.seqLen)) {
                System.out.println("== Brown genre task: passages of the training and dev documents");
                MutableDataset<Label> train = new MutableDataset<>(new BrownGenreDataSource(brown, Split.TRAIN, text, seed, 0.1, 0.1));
                MutableDataset<Label> dev = new MutableDataset<>(new BrownGenreDataSource(brown, Split.DEV, text, seed, 0.1, 0.1));
                for (Map.Entry<String, Architecture> e : archs.entrySet()) {
                    Path encoder = run.resolve(e.getKey() + "-encoder");
                    System.out.printf(Locale.ROOT, "== %s: pre-training %s stand-alone for %d steps%n", e.getKey(), e.getValue(), pretrainSteps);
                    ChildScore mlm = e.getKey().startsWith("E-") ? pretrainElectra(netConfig, e.getValue(), data, pretrainSteps, encoder)
                            : pretrain(netConfig, e.getValue(), data, pretrainSteps, encoder);
                    Files.copy(data.tokenizer().file(), encoder.resolve("tokenizer.json"), StandardCopyOption.REPLACE_EXISTING);
                    System.out.printf(Locale.ROOT, "== %s: fine-tuning on the Brown genre task (%d passages)%n", e.getKey(), train.size());
                    MagicFineTuneTrainer<Label> ft = new MagicFineTuneTrainer<Label>(encoder, EncoderStart.PRETRAINED, epochs, 1e-3, seed)
                            .withShape(base.seqLen, 32, 0.1, 2);
                    try (MagicModel<Label> model = ft.train(train)) {
                        LabelEvaluation ev = new LabelEvaluator().evaluate(model, dev);
                        ChildCost cost = ChildCost.of(e.getValue(), netConfig.vocabSize(), base.seqLen, base.seqLen, 0);
                        table.add(new Row(e.getKey(), e.getValue(), cost.parameters(), cost.forwardFlops(), mlm.loss(), ev.accuracy(), ev.macroAveragedF1()));
                        model.saveTo(run.resolve(e.getKey() + "-brown-genre.model"));
                    }
                }
            }
            return table;
        }
    }

    private SuperNetOptions options(Method m, int steps) {
        List<String> args = new ArrayList<>(List.of("--method", m.id(), "--space", space, "--steps", Integer.toString(steps), "--seed",
                Long.toString(seed), "--checkpoint-every", "0", "--eval-children", "0", "--name", m.id(), "--max-params", Long.toString(maxParams),
                "--max-flops", Long.toString(maxFlops)));
        if (corpus != null) {
            args.addAll(List.of("--corpus", corpus.toString()));
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

    private ChildScore pretrain(SuperNetConfig config, Architecture arch, MlmCorpus data, int steps, Path encoder) throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            long start = System.nanoTime();
            int every = Math.max(1, steps / 5);
            ChildTrainer.Trained t = ChildTrainer.fromScratch(config, arch, manager, TrainingConfig.standAlone(steps, 1e-3, seed),
                    s -> data.train().batchAt(s), data.validation(8), r -> {
                        if ((r.step() + 1) % every == 0) {
                            System.out.printf(Locale.ROOT, "  step %d/%d  loss %.4f  %.1f steps/s%n", r.step() + 1, steps, r.predictionLoss(),
                                    (r.step() + 1) / ((System.nanoTime() - start) / 1e9));
                        }
                    });
            EncoderFiles.save(encoder, config, t.child());
            System.out.printf(Locale.ROOT, "  validation loss %.4f, masked-token accuracy %.4f; encoder %s%n", t.score().loss(), t.score().accuracy(), encoder);
            return t.score();
        }
    }

    /** ELECTRA pre-training; the score is the generator's masked-LM loss, the discriminator has none. */
    private ChildScore pretrainElectra(SuperNetConfig config, Architecture arch, MlmCorpus data, int steps, Path encoder) throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed((int) SplitMix64.mix(seed, 40));
            ChildModel child = ChildModel.create(config, arch);
            child.initialize(manager);
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
        StringBuilder csv = new StringBuilder("row,architecture,parameters,forward_flops,mlm_val_loss,genre_accuracy,genre_macro_f1\n");
        for (Row r : table) {
            text.append(String.format(Locale.ROOT, "%-10s %-36s %10d %11.3e %9.4f %9.4f %9.4f%n", r.name(), r.arch(), r.parameters(), (double) r.flops(), r.mlmLoss(),
                    r.accuracy(), r.macroF1()));
            csv.append(String.format(Locale.ROOT, "%s,\"%s\",%d,%d,%.6f,%.6f,%.6f%n", r.name(), r.arch(), r.parameters(), r.flops(), r.mlmLoss(), r.accuracy(),
                    r.macroF1()));
        }
        System.out.print(text);
        run.writeString("results.txt", text.toString());
        run.writeString("results.csv", csv.toString());
        System.out.println("run directory: " + run);
    }
}
