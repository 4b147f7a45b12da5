package org.magicnas.cli;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.magicnas.analysis.GradientProbe;
import org.magicnas.analysis.InterferenceProbe;
import org.magicnas.data.MlmBatch;
import org.magicnas.data.MlmCorpus;
import org.magicnas.run.RunDirectory;
import org.magicnas.sampling.SplitMix64;
import org.magicnas.supernet.SuperNet;
import org.magicnas.supernet.SuperNetConfig;
import org.magicnas.train.CheckpointStore;
import org.magicnas.train.SuperNetTrainer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/magic interference}: the gradient-interference analysis of section 3 on frozen
 * super-nets: the cosine matrix of children differing in the layer after o_g (Figure 2a, 2b), the
 * mean cosine against the number m of differing layers (Figure 2c) and against the layer of o_g
 * (Figure 8). It probes the given {@code train-supernet} runs, or trains one super-net per method
 * first (by default SPOS and MAGIC-A aligned at every layer with the average of C children, C the
 * candidates per layer, as in Appendix A.2 and Figure 2b). Every
 * super-net sees the same trials (the same o_g, shared layers, children and batch), so the comparison
 * between them is paired.
 */
@Command(name = "interference", mixinStandardHelpOptions = true, description = "Gradient-interference probe of frozen super-nets (Figures 2 and 8).")
final class InterferenceCommand implements Callable<Integer>, CommandRuns.Resumable {
    @Option(names = "--run", description = "A train-supernet run to probe (repeatable); without it, super-nets are trained first.")
    List<Path> runs = new ArrayList<>();

    @Option(names = "--methods", defaultValue = "spos,magic-a", split = ",", description = "Methods to train when no --run is given (default: ${DEFAULT-VALUE}).")
    List<String> methods;

    @Option(names = "--space", defaultValue = "paper-analysis",
            description = "Space preset to train when no --run is given: paper-analysis (Table 6), or analysis-cpu (the same at a quarter of the "
                    + "width) for a CPU (default: ${DEFAULT-VALUE}).")
    String space;

    @Option(names = "--steps", defaultValue = "800", description = "Super-net training steps when no --run is given (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--align-target", defaultValue = "average", description = "Alignment target of the aligned methods: average (Figure 2b) or anchor (default: ${DEFAULT-VALUE}).")
    String alignTarget;

    @Option(names = "--corpus", description = "Corpus for training (default: the Brown corpus).")
    Path corpus;

    @Option(names = "--vocab-size", defaultValue = "8192", description = "WordPiece vocabulary size for training (default: ${DEFAULT-VALUE}).")
    int vocabSize;

    @Option(names = "--batch-size", defaultValue = "32", description = "Sequences per batch, also of the probe batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--layer", defaultValue = "1", description = "The layer j of o_g (1-based) for the matrix and the m-sweep (default: ${DEFAULT-VALUE}).")
    int layer;

    @Option(names = "--max-m", defaultValue = "4", description = "The largest number of differing layers in the m-sweep (default: ${DEFAULT-VALUE}).")
    int maxM;

    @Option(names = "--repeats", defaultValue = "10", description = "Trials per measurement, each with a random o_g and shared layers (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--no-layer-sweep", description = "Skip the sweep over the layer of o_g (Figure 8).")
    boolean noLayerSweep;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of training and of the probe's random choices (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--runs-dir", defaultValue = "runs", description = "Where run directories go (default: ${DEFAULT-VALUE}).")
    Path runsDir;

    /** The probe's results for one super-net. */
    record Probed(String label, InterferenceProbe.Matrix matrix, List<InterferenceProbe.Point> mSweep, List<InterferenceProbe.Point> layerSweep,
            double sameKind, double otherKind) {}

    @Option(names = "--resume", description = "Resume the run in this directory (its " + FILE + " wins): finished super-nets are kept, an"
            + " interrupted one continues from its checkpoint, then every probe runs.")
    Path resume;

    /** The file a run keeps the command's options in. */
    static final String FILE = "interference-options.json";

    @Override
    public Integer call() throws Exception {
        return CommandRuns.call(resume, this, FILE);
    }

    /** Trains (unless probing given runs) and probes in a new run directory, or in {@code resumed}. */
    @Override
    public int execute(RunDirectory resumed) throws Exception {
        if (repeats < 1 || layer < 1 || maxM < 1) {
            throw new IllegalArgumentException("--repeats, --layer and --max-m must be >= 1, got " + repeats + ", " + layer + " and " + maxM);
        }
        List<SuperNetOptions> training = new ArrayList<>();
        if (runs.isEmpty()) {
            for (String m : methods) {
                SuperNetOptions o = trainingOptions(m);
                o.validate();
                checkLayers(o.searchSpace());
                training.add(o);
            }
        } else {
            for (Path r : runs) {
                if (!Files.isRegularFile(r.resolve(SuperNetRun.CONFIG))) {
                    throw new IllegalArgumentException("--run " + r + " is not a train-supernet run directory (no " + SuperNetRun.CONFIG + ")");
                }
                checkLayers(SuperNetRun.readOptions(RunDirectory.open(r)).searchSpace());
            }
        }
        RunDirectory run = resumed != null ? resumed : CommandRuns.create(runsDir, "interference", this, FILE, this);
        System.out.println("interference: run " + run);
        List<RunDirectory> probed = new ArrayList<>();
        for (SuperNetOptions o : training) {
            Path sub = run.resolve(o.runName() + "-supernet");
            System.out.printf(Locale.ROOT, "== training the %s super-net (%d steps)%n", o.runName(), o.steps);
            try (MlmCorpus data = MlmCorpus.prepare(o.dataSpec())) {
                SuperNetRun.trainOrKeep(o, data, sub, System.out);
            }
            probed.add(RunDirectory.open(sub));
        }
        for (Path r : runs) {
            probed.add(RunDirectory.open(r));
        }
        List<Probed> results = new ArrayList<>();
        for (RunDirectory r : probed) {
            results.add(probe(r));
        }
        new InterferenceReport(results, layer, repeats).write(run);
        System.out.println("run directory: " + run);
        return 0;
    }

    private void checkLayers(org.magicnas.space.SearchSpace s) {
        if (layer + maxM > s.layers() || s.choices() < 2) {
            throw new IllegalArgumentException("--layer " + layer + " with --max-m " + maxM + " needs layer + m <= " + s.layers() + " (the layers of space "
                    + s.name() + ") and at least two candidates per layer");
        }
    }

    private SuperNetOptions trainingOptions(String method) {
        List<String> args = new ArrayList<>(List.of("--method", method, "--name", method, "--space", space, "--steps", Integer.toString(steps),
                "--seed", Long.toString(seed), "--vocab-size", Integer.toString(vocabSize), "--batch-size", Integer.toString(batchSize),
                "--align-target", alignTarget, "--eval-children", "0", "--checkpoint-every", Integer.toString(CommandRuns.checkpointEvery(steps))));
        if (corpus != null) {
            args.addAll(List.of("--corpus", corpus.toString()));
        }
        return CommandLine.populateCommand(new SuperNetOptions(), args.toArray(String[]::new));
    }

    private Probed probe(RunDirectory run) throws Exception {
        SuperNetOptions options = SuperNetRun.readOptions(run);
        Path checkpoint = new CheckpointStore(run.resolve("checkpoints"), 1).latest()
                .orElseThrow(() -> new IllegalArgumentException("run " + run + " has no checkpoint to probe"));
        try (MlmCorpus data = MlmCorpus.prepare(options.dataSpec()); NDManager manager = NDManager.newBaseManager(CommandDevice.get())) {
            SuperNetConfig netConfig = new SuperNetConfig(options.searchSpace(), data.tokenizer().vocabSize(), options.seqLen, options.dropout);
            Engine.getInstance().setRandomSeed((int) SplitMix64.mix(options.seed, 0));
            SuperNet net = new SuperNet(netConfig);
            net.initialize(manager);
            List<MlmBatch> probeBatch = data.validation(1);
            try (SuperNetTrainer trainer = new SuperNetTrainer(net, manager, options.trainingConfig(), s -> data.train().batchAt(s), probeBatch)) {
                trainer.restore(checkpoint);
            }
            String label = options.runName();
            System.out.printf(Locale.ROOT, "== probing %s (%s, step %s): o_g in layer %d, %d trials per measurement%n", label, options.method, checkpoint.getFileName(),
                    layer, repeats);
            InterferenceProbe probe = new InterferenceProbe(new GradientProbe(net, manager, probeBatch.get(0)), netConfig.space());
            long start = System.nanoTime();
            InterferenceProbe.Matrix matrix = probe.matrix(layer - 1, repeats, new SplitMix64(SplitMix64.mix(seed, 60, 1)));
            System.out.printf(Locale.ROOT, "  matrix done (%.0f s)%n", (System.nanoTime() - start) / 1e9);
            List<InterferenceProbe.Point> mSweep = probe.mSweep(layer - 1, maxM, repeats, new SplitMix64(SplitMix64.mix(seed, 60, 2)));
            System.out.printf(Locale.ROOT, "  m-sweep done (%.0f s)%n", (System.nanoTime() - start) / 1e9);
            List<InterferenceProbe.Point> layerSweep = noLayerSweep ? List.of()
                    : probe.layerSweep(1, repeats, new SplitMix64(SplitMix64.mix(seed, 60, 3)));
            if (!noLayerSweep) {
                System.out.printf(Locale.ROOT, "  layer sweep done (%.0f s)%n", (System.nanoTime() - start) / 1e9);
            }
            double[] kinds = kindMeans(matrix, netConfig.space());
            return new Probed(label, matrix, mSweep, layerSweep, kinds[0], kinds[1]);
        }
    }

    /** The mean off-diagonal cosine over pairs of the same operator kind and over pairs of different kinds. */
    private static double[] kindMeans(InterferenceProbe.Matrix m, org.magicnas.space.SearchSpace space) {
        double[] sum = new double[2];
        int[] count = new int[2];
        for (int i = 0; i < m.mean().length; i++) {
            for (int k = 0; k < m.mean().length; k++) {
                if (i != k) {
                    int same = space.candidates().get(i).kind() == space.candidates().get(k).kind() ? 0 : 1;
                    sum[same] += m.mean()[i][k];
                    count[same]++;
                }
            }
        }
        return new double[] {count[0] == 0 ? Double.NaN : sum[0] / count[0], count[1] == 0 ? Double.NaN : sum[1] / count[1]};
    }
}
