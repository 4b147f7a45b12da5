package org.magicnas.cli;

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
import org.magicnas.data.MlmBatch;
import org.magicnas.data.MlmCorpus;
import org.magicnas.data.MlmDataSpec;
import org.magicnas.distill.DistillationTrainer;
import org.magicnas.run.CsvLog;
import org.magicnas.run.RunDirectory;
import org.magicnas.space.Architecture;
import org.magicnas.space.ChildCost;
import org.magicnas.space.SearchSpace;
import org.magicnas.supernet.ChildModel;
import org.magicnas.supernet.EncoderFiles;
import org.magicnas.supernet.EncoderSpec;
import org.magicnas.supernet.SuperNetConfig;
import org.magicnas.train.ChildEvaluator;
import org.magicnas.train.ChildScore;
import org.magicnas.train.CheckpointStore;
import org.magicnas.train.ChildTrainer;
import org.magicnas.train.TrainingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/magic distill}: the compression setting of the paper's Table 3. A student (a searched
 * child of a smaller space, or the BERT-like child of that space) is pre-trained from scratch with
 * masked-LM plus knowledge distillation from a teacher encoder (its logits and hidden states), and
 * saved as an encoder; {@code --without-kd} also trains the same student on the same batches without
 * the teacher, for comparison. Both trainings write checkpoints (about ten each); {@code --resume}
 * continues an interrupted run with the options it was started with and ends with the same files as
 * an uninterrupted one.
 */
@Command(name = "distill", mixinStandardHelpOptions = true,
        description = "Pre-train a small student encoder with knowledge distillation from a teacher encoder.")
final class DistillCommand implements Callable<Integer>, CommandRuns.Resumable {
    @Option(names = "--teacher", description = "The teacher: an encoder directory with tokenizer.json, or a run directory holding encoder/ (required"
            + " unless --resume is given).")
    Path teacherDir;

    @Option(names = "--space", defaultValue = "tiny-compress", description = "The student's space preset (default: ${DEFAULT-VALUE}).")
    String space;

    @Option(names = "--student",
            description = "The student: an architecture in the student space (e.g. MHA2,FFN,CONV3,FFN), or an encoder or run directory whose "
                    + "architecture (and space) is used; default: the BERT-like child of the space.")
    String student;

    @Option(names = "--corpus", description = "The corpus the teacher's tokenizer was made from (default: the Brown corpus).")
    Path corpus;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the data split (as for the teacher), initialisation, masks and dropout (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--steps", defaultValue = "1500", description = "Training steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--lr", defaultValue = "1e-3", description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--seq-len", defaultValue = "64", description = "Sequence length (default: ${DEFAULT-VALUE}).")
    int seqLen;

    @Option(names = "--batch-size", defaultValue = "32", description = "Sequences per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--temperature", defaultValue = "1.0", description = "Softmax temperature of the logit loss (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--logit-weight", defaultValue = "1.0", description = "Weight of the logit (KL) loss (default: ${DEFAULT-VALUE}).")
    double logitWeight;

    @Option(names = "--hidden-weight", defaultValue = "1.0", description = "Weight of the hidden-state (MSE) loss (default: ${DEFAULT-VALUE}).")
    double hiddenWeight;

    @Option(names = "--without-kd", description = "Also train the student without the teacher (same batches and seed) and compare.")
    boolean withoutKd;

    @Option(names = "--val-batches", defaultValue = "8", description = "Validation batches (default: ${DEFAULT-VALUE}).")
    int valBatches;

    @Option(names = "--runs-dir", defaultValue = "runs", description = "Where run directories go (default: ${DEFAULT-VALUE}).")
    Path runsDir;

    @Option(names = "--resume", description = "Resume the run in this directory (its " + FILE + " wins): a finished training is kept, an"
            + " interrupted one continues from its latest checkpoint.")
    Path resume;

    /** The file a run keeps the command's options in. */
    static final String FILE = "distill-options.json";
    /** The checkpoints of the distillation, in the run directory. */
    static final String KD_CHECKPOINTS = "kd-checkpoints";
    /** The checkpoints of the training without the teacher ({@code --without-kd}), in the run directory. */
    static final String PLAIN_CHECKPOINTS = "without-kd-checkpoints";

    @Override
    public Integer call() throws Exception {
        return CommandRuns.call(resume, this, FILE);
    }

    /** Distils in a new run directory, or continues {@code resumed}. */
    @Override
    public int execute(RunDirectory resumed) throws Exception {
        if (teacherDir == null) {
            throw new IllegalArgumentException("--teacher is required: an encoder directory with tokenizer.json, or a run directory holding encoder/"
                    + " (or --resume <distill run>)");
        }
        if (steps < 1 || valBatches < 1 || lr <= 0) {
            throw new IllegalArgumentException("--steps and --val-batches must be >= 1 and --lr positive, got " + steps + ", " + valBatches + ", " + lr);
        }
        Path teacherEncoder = EncoderFiles.locate(teacherDir);
        Path teacherTokenizer = teacherEncoder.resolve("tokenizer.json");
        if (!Files.isRegularFile(teacherEncoder.resolve(EncoderFiles.DESCRIPTION)) || !Files.isRegularFile(teacherTokenizer)) {
            throw new IllegalArgumentException("--teacher " + teacherDir + ": expected an encoder directory with " + EncoderFiles.DESCRIPTION
                    + ", " + EncoderFiles.WEIGHTS + " and tokenizer.json");
        }
        EncoderSpec teacherSpec = EncoderFiles.spec(teacherEncoder);
        if (seqLen < 2 || seqLen > teacherSpec.config().maxPositions()) {
            throw new IllegalArgumentException("--seq-len must be in [2, " + teacherSpec.config().maxPositions() + "] (the teacher's positions), got " + seqLen);
        }
        Architecture studentArch = studentArchitecture();
        SuperNetConfig studentConfig = new SuperNetConfig(studentArch.space(), teacherSpec.config().vocabSize(), seqLen, teacherSpec.config().dropout());
        // Distillation needs the teacher's tokens: the corpus, split seed and vocabulary must give its tokenizer.
        MlmDataSpec dataSpec = new MlmDataSpec(corpus, teacherSpec.config().vocabSize(), seqLen, batchSize, 0.1, 0.1, seed);
        try (MlmCorpus data = MlmCorpus.prepare(dataSpec)) {
            if (!FileHashes.sha256(data.tokenizer().file()).equals(FileHashes.sha256(teacherTokenizer))) {
                throw new IllegalArgumentException("--teacher " + teacherDir + " was trained with another tokenizer than --corpus, --seed " + seed
                        + " and vocabulary " + teacherSpec.config().vocabSize() + " give; use the teacher's corpus and seed");
            }
            RunDirectory run = resumed != null ? resumed : CommandRuns.create(runsDir, "distill", this, FILE, this);
            System.out.printf(Locale.ROOT, "distill: teacher %s (%s), student %s in %s, %d steps; run %s%n", teacherSpec.architecture(),
                    teacherSpec.config().space().describe(), studentArch, studentArch.space().describe(), steps, run);
            List<MlmBatch> validation = data.validation(valBatches);
            Map<String, Object> summary = new LinkedHashMap<>();
            List<String[]> table = new ArrayList<>();
            try (NDManager manager = NDManager.newBaseManager(CommandDevice.get())) {
                ChildModel teacher = EncoderFiles.load(teacherEncoder, manager);
                ChildScore teacherScore = ChildEvaluator.evaluate(teacher, validation, manager);
                table.add(row("teacher", teacherSpec.architecture(), teacherSpec.config(), teacherScore));
                ChildScore kd = distill(studentConfig, studentArch, teacher, data, validation, run, manager);
                table.add(row("student+KD", studentArch, studentConfig, kd));
                summary.put("teacher", summaryRow(teacherSpec.architecture(), teacherScore));
                summary.put("studentKd", summaryRow(studentArch, kd));
                if (withoutKd) {
                    ChildScore plain = pretrain(studentConfig, studentArch, data, validation, run);
                    table.add(row("student", studentArch, studentConfig, plain));
                    summary.put("studentWithoutKd", summaryRow(studentArch, plain));
                }
            }
            summary.put("steps", steps);
            summary.put("temperature", temperature);
            summary.put("logitWeight", logitWeight);
            summary.put("hiddenWeight", hiddenWeight);
            summary.put("seed", seed);
            run.writeString("distill.json", SuperNetRun.GSON.toJson(summary));
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%-11s %-30s %10s %11s %9s %9s%n", "row", "architecture", "params", "FLOPs/seq",
                    "MLM loss", "accuracy"));
            for (String[] r : table) {
                text.append(String.format(Locale.ROOT, "%-11s %-30s %10s %11s %9s %9s%n", (Object[]) r));
            }
            System.out.print(text);
            run.writeString("results.txt", text.toString());
            System.out.println("student encoder: " + run.resolve("encoder"));
            System.out.println("run directory: " + run);
        }
        return 0;
    }

    private Architecture studentArchitecture() throws IOException {
        if (student != null && Files.isDirectory(Path.of(student))) {
            return EncoderFiles.spec(EncoderFiles.locate(Path.of(student))).architecture();
        }
        SearchSpace s = org.magicnas.space.Preset.of(space).space();
        return student == null ? Architecture.bertLike(s) : Architecture.parse(s, student);
    }

    private ChildScore distill(SuperNetConfig config, Architecture arch, ChildModel teacher, MlmCorpus data, List<MlmBatch> validation,
            RunDirectory run, NDManager manager) throws IOException {
        ChildModel child = ChildTrainer.seededChild(config, arch, manager, seed);
        TrainingConfig tc = TrainingConfig.standAlone(steps, lr, seed).withCheckpointEvery(CommandRuns.checkpointEvery(steps));
        CheckpointStore store = new CheckpointStore(run.resolve(KD_CHECKPOINTS), 1);
        try (DistillationTrainer t = new DistillationTrainer(child, teacher, manager, tc, s -> data.train().batchAt(s), temperature, logitWeight,
                hiddenWeight)) {
            long from = t.resume(store);
            if (from > 0) {
                System.out.printf(Locale.ROOT, "  KD resumed at step %d/%d%n", from, steps);
            }
            try (CsvLog log = CsvLog.open(run.resolve("metrics.csv"), List.of("step", "mlm_loss", "logit_loss", "hidden_loss"), from)) {
                long start = System.nanoTime();
                int every = Math.max(1, steps / 10);
                t.train(store, r -> {
                    log.row(r.step(), r.mlmLoss(), r.logitLoss(), r.hiddenLoss());
                    if ((r.step() + 1) % every == 0) {
                        System.out.printf(Locale.ROOT, "  KD step %d/%d  mlm %.4f  logit %.4f  hidden %.4f  %.1f steps/s%n", r.step() + 1, steps, r.mlmLoss(),
                                r.logitLoss(), r.hiddenLoss(), (r.step() + 1 - from) / ((System.nanoTime() - start) / 1e9));
                    }
                }, log::flush);
            }
        }
        ChildScore score = ChildEvaluator.evaluate(child, validation, manager);
        Path encoder = run.resolve("encoder");
        EncoderFiles.save(encoder, config, child);
        Files.copy(data.tokenizer().file(), encoder.resolve("tokenizer.json"), StandardCopyOption.REPLACE_EXISTING);
        return score;
    }

    private ChildScore pretrain(SuperNetConfig config, Architecture arch, MlmCorpus data, List<MlmBatch> validation, RunDirectory run)
            throws IOException {
        try (NDManager manager = NDManager.newBaseManager(CommandDevice.get())) {
            int every = Math.max(1, steps / 5);
            TrainingConfig training = TrainingConfig.standAlone(steps, lr, seed).withCheckpointEvery(CommandRuns.checkpointEvery(steps));
            return ChildTrainer.fromScratch(config, arch, manager, training, s -> data.train().batchAt(s), validation, r -> {
                if ((r.step() + 1) % every == 0) {
                    System.out.printf(Locale.ROOT, "  without KD step %d/%d  mlm %.4f%n", r.step() + 1, steps, r.predictionLoss());
                }
            }, new CheckpointStore(run.resolve(PLAIN_CHECKPOINTS), 1)).score();
        }
    }

    /** A row of {@code distill.json}, its keys in a fixed order (a {@code Map.of} orders them differently in every JVM). */
    private static Map<String, Object> summaryRow(Architecture arch, ChildScore score) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("architecture", arch.toString());
        row.put("validationLoss", score.loss());
        return row;
    }

    private static String[] row(String name, Architecture arch, SuperNetConfig config, ChildScore score) {
        ChildCost cost = ChildCost.of(arch, config.vocabSize(), config.maxPositions(), config.maxPositions(), 0);
        return new String[] {name, arch.toString(), Long.toString(cost.parameters()), String.format(Locale.ROOT, "%.3e", (double) cost.forwardFlops()),
            String.format(Locale.ROOT, "%.4f", score.loss()), String.format(Locale.ROOT, "%.4f", score.accuracy())};
    }
}
