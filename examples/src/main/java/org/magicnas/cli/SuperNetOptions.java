package org.magicnas.cli;

import java.nio.file.Path;
import org.magicnas.alignment.AlignmentConfig;
import org.magicnas.alignment.AlignmentTargetKind;
import org.magicnas.data.MlmDataSpec;
import org.magicnas.device.Precision;
import org.magicnas.space.SearchSpace;
import org.magicnas.train.AdamSettings;
import org.magicnas.train.Method;
import org.magicnas.train.TrainingConfig;
import picocli.CommandLine.Option;

/**
 * The options of a super-net run. They are saved as the run's {@code config.json}, from which a run
 * resumes and can be reproduced.
 */
public final class SuperNetOptions {
    /** The training precision, from {@code --precision} when the run was created; null (not written to config.json) for fp32. */
    String precision;

    @Option(names = "--name", description = "Run name (default: the method).")
    String name;

    @Option(names = "--method", defaultValue = "magic-at", description = "spos, magic-t, magic-a or magic-at (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--space", defaultValue = "tiny",
            description = "Space preset: tiny, small, paper-analysis, paper-bert, paper-compress, or custom (default: ${DEFAULT-VALUE}).")
    String space;

    @Option(names = "--candidates", description = "Custom space candidates, e.g. MHA4:256,FFN:1024,CONV3,CONV5 (with --space custom).")
    String candidates;

    @Option(names = "--hidden", defaultValue = "256", description = "Custom space hidden size E (default: ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--layers", defaultValue = "8", description = "Custom space layers N (default: ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--corpus", description = "Brown corpus directory (NLTK layout) or plain-text file; default: the Brown corpus (fetched once).")
    Path corpus;

    @Option(names = "--vocab-size", defaultValue = "8192", description = "WordPiece vocabulary size (default: ${DEFAULT-VALUE}).")
    int vocabSize;

    @Option(names = "--seq-len", defaultValue = "64", description = "Sequence length (default: ${DEFAULT-VALUE}).")
    int seqLen;

    @Option(names = "--batch-size", defaultValue = "32", description = "Sequences per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--steps", defaultValue = "2000", description = "Training steps (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--lr", defaultValue = "1e-3", description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--warmup", defaultValue = "0.06", description = "Learning-rate warm-up as a share of the steps (default: ${DEFAULT-VALUE}).")
    double warmup;

    @Option(names = "--weight-decay", defaultValue = "0.01", description = "Decoupled weight decay (default: ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--clip-norm", defaultValue = "1.0", description = "Global gradient-norm clip, 0 for none (default: ${DEFAULT-VALUE}).")
    double clipNorm;

    @Option(names = "--dropout", defaultValue = "0.1", description = "Dropout rate (default: ${DEFAULT-VALUE}).")
    float dropout;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of data split, initialisation, sampling and dropout (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--k", defaultValue = "1", description = "MAGIC-T: operators changed per step, in [1, N] (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--lambda", defaultValue = "0.5", description = "MAGIC-A: alignment weight (default: ${DEFAULT-VALUE}).")
    double lambda;

    @Option(names = "--align-block", defaultValue = "auto",
            description = "MAGIC-A: align every b layers, or auto: every layer (Eq. 1) up to 12 layers, every 4 above (default: ${DEFAULT-VALUE}).")
    String alignBlock;

    @Option(names = "--align-warmup", defaultValue = "0.1", description = "MAGIC-A: warm start without alignment, share of the steps (default: ${DEFAULT-VALUE}).")
    double alignWarmup;

    @Option(names = "--align-target", defaultValue = "anchor", description = "MAGIC-A: anchor, or average (of C random children, appendix A.2) (default: ${DEFAULT-VALUE}).")
    String alignTarget;

    @Option(names = "--average-children", defaultValue = "0",
            description = "C for --align-target average, 0 for the space's candidates per layer as in Appendix A.2 (default: ${DEFAULT-VALUE}).")
    int averageChildren;

    @Option(names = "--anchor-eval-every", defaultValue = "" + AlignmentConfig.DEFAULT_EVAL_EVERY,
            description = "MAGIC-A: steps between anchor comparisons (default: ${DEFAULT-VALUE}).")
    int anchorEvalEvery;

    @Option(names = "--anchor-eval-batches", defaultValue = "" + AlignmentConfig.DEFAULT_EVAL_BATCHES,
            description = "MAGIC-A: validation batches per comparison; the standard error of each comparison is logged (default: ${DEFAULT-VALUE}).")
    int anchorEvalBatches;

    @Option(names = "--anchor-percentile", defaultValue = "0",
            description = "MAGIC-A: 0 replaces the anchor by any child that beats it; p in (0, 100) keeps it within the top p +/- 10%% of "
                    + "--anchor-ranked-children children ranked every --anchor-eval-every steps (Figure 3b) (default: ${DEFAULT-VALUE}).")
    double anchorPercentile;

    @Option(names = "--anchor-ranked-children", defaultValue = "50", description = "MAGIC-A percentile policy: children ranked each time (default: ${DEFAULT-VALUE}).")
    int anchorRankedChildren;

    @Option(names = "--val-batches", defaultValue = "8", description = "Validation batches for child evaluation (default: ${DEFAULT-VALUE}).")
    int valBatches;

    @Option(names = "--checkpoint-every", defaultValue = "500", description = "Steps between checkpoints, 0 for the last only (default: ${DEFAULT-VALUE}).")
    int checkpointEvery;

    @Option(names = "--eval-children", defaultValue = "5", description = "Random children evaluated at the end (default: ${DEFAULT-VALUE}).")
    int evalChildren;

    @Option(names = "--shrink-every", defaultValue = "0",
            description = "Progressive shrinking: a round every this many steps (an 'epoch'), 0 for none (default: ${DEFAULT-VALUE}).")
    int shrinkEvery;

    @Option(names = "--shrink-children", defaultValue = "20", description = "Children scored per shrinking round (default: ${DEFAULT-VALUE}).")
    int shrinkChildren;

    @Option(names = "--shrink-delete", defaultValue = "5", description = "Choices removed per shrinking round (default: ${DEFAULT-VALUE}).")
    int shrinkDelete;

    @Option(names = "--max-params", defaultValue = "0", description = "Search: most parameters a child may have, 0 for no limit (default: ${DEFAULT-VALUE}).")
    long maxParams;

    @Option(names = "--monitor-every", defaultValue = "0",
            description = "Interference monitor: every this many steps, the gradient cosine on the operators shared by consecutive children "
                    + "(monitor.csv), 0 for off (default: ${DEFAULT-VALUE}).")
    int monitorEvery;

    @Option(names = "--max-flops", defaultValue = "0",
            description = "Search: most forward FLOPs per sequence of --seq-len tokens, 0 for no limit (default: ${DEFAULT-VALUE}).")
    long maxFlops;

    /**
     * The search's size limits (the vocabulary size is that of the prepared tokenizer).
     *
     * @param vocabSize the vocabulary size
     * @return the constraints
     */
    public org.magicnas.search.Constraints constraints(int vocabSize) {
        return new org.magicnas.search.Constraints(maxParams, maxFlops, vocabSize, seqLen);
    }

    /**
     * The search space the options name.
     *
     * @return the space
     * @throws IllegalArgumentException for an unknown preset or a bad candidate
     */
    public SearchSpace searchSpace() {
        return SearchSpace.named(space, candidates, hidden, layers);
    }

    /**
     * The training method.
     *
     * @return the method
     */
    public Method trainingMethod() {
        return Method.of(method);
    }

    /**
     * The data to prepare.
     *
     * @return the spec
     */
    public MlmDataSpec dataSpec() {
        return new MlmDataSpec(corpus, vocabSize, seqLen, batchSize, 0.1, 0.1, seed);
    }

    /**
     * The training configuration.
     *
     * @return the configuration
     * @throws IllegalArgumentException for any value out of range, naming it
     */
    public TrainingConfig trainingConfig() {
        share("--warmup", warmup);
        share("--align-warmup", alignWarmup);
        AlignmentTargetKind target = switch (alignTarget) {
            case "anchor" -> AlignmentTargetKind.ANCHOR;
            case "average" -> AlignmentTargetKind.AVERAGE;
            default -> throw new IllegalArgumentException("--align-target must be anchor or average, got '" + alignTarget + "'");
        };
        AlignmentConfig align = new AlignmentConfig(lambda, alignBlockSize(), Math.round(alignWarmup * steps), target, averageChildren,
                anchorEvalEvery, anchorEvalBatches, anchorPercentile, anchorRankedChildren);
        return new TrainingConfig(trainingMethod(), steps, lr, Math.round(warmup * steps),
                new AdamSettings(0.9, 0.999, 1e-6, weightDecay, clipNorm, precision == null ? Precision.FP32 : Precision.of("precision", precision)),
                seed, k, align, checkpointEvery, 2);
    }

    private int alignBlockSize() {
        if ("auto".equals(alignBlock)) {
            return AlignmentConfig.AUTO_BLOCK;
        }
        try {
            int b = Integer.parseInt(alignBlock);
            if (b >= 1) {
                return b;
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new IllegalArgumentException("--align-block must be auto or a whole number >= 1, got '" + alignBlock + "'");
    }

    private static void share(String option, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(option + " must be a share in [0, 1], got " + value);
        }
    }

    /**
     * Checks every option that can be checked without reading data, for a masked-LM super-net.
     *
     * @throws IllegalArgumentException naming the first bad value, or an image space
     */
    public void validate() {
        if (searchSpace().isImage()) {
            throw new IllegalArgumentException("--space " + space + " is an image space: use image-search (or rank-correlation --space " + space
                    + "); this command trains masked-LM super-nets");
        }
        validateTraining();
    }

    /**
     * Checks the training options (method, steps, rates, alignment) whatever the space's data.
     *
     * @throws IllegalArgumentException naming the first bad value
     */
    public void validateTraining() {
        if (steps < 1 || batchSize < 1) {
            throw new IllegalArgumentException(steps < 1 ? "--steps must be >= 1, got " + steps : "--batch-size must be >= 1, got " + batchSize);
        }
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("--lr must be a positive number, got " + lr);
        }
        SearchSpace s = searchSpace();
        Method m = trainingMethod();
        TrainingConfig config = trainingConfig();
        dataSpec();
        if (m.aligns()) {
            config.alignment().boundaries(s);
        }
        if (m.walks() && (k < 1 || k > s.layers())) {
            throw new IllegalArgumentException("--k must be in [1, " + s.layers() + "] for space " + s.name() + ", got " + k);
        }
        if (m.walks() && s.choices() < 2) {
            throw new IllegalArgumentException("method " + m.id() + " needs at least two candidates per layer, space " + s.name() + " has one");
        }
        if (dropout < 0 || dropout >= 1) {
            throw new IllegalArgumentException("--dropout must be in [0, 1), got " + dropout);
        }
        if (shrinkEvery < 0 || shrinkChildren < 1 || shrinkDelete < 1) {
            throw new IllegalArgumentException("--shrink-every must be >= 0, --shrink-children and --shrink-delete >= 1, got " + shrinkEvery + ", "
                    + shrinkChildren + " and " + shrinkDelete);
        }
        if (shrinkEvery > 0 && s.choices() < 2) {
            throw new IllegalArgumentException("progressive shrinking needs at least two candidates per layer, space " + s.name() + " has one");
        }
        // The tokenizer may hold slightly fewer tokens than asked for; the check uses the size asked for.
        constraints(vocabSize).checkSatisfiable(new org.magicnas.space.CandidateMask(s));
        if (monitorEvery < 0) {
            throw new IllegalArgumentException("--monitor-every must be >= 0, got " + monitorEvery);
        }
        if (valBatches < 1 || evalChildren < 0) {
            throw new IllegalArgumentException("--val-batches must be >= 1 and --eval-children >= 0, got " + valBatches + " and " + evalChildren);
        }
    }

    /**
     * The run's name.
     *
     * @return the name given, or the method
     */
    public String runName() {
        return name != null ? name : method;
    }
}
