package org.magicnas.train;

import ai.djl.ndarray.NDManager;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.Variance;
import org.magicnas.alignment.AlignmentConfig;
import org.magicnas.alignment.AlignmentTarget;
import org.magicnas.alignment.AlignmentTargetKind;
import org.magicnas.alignment.Anchor;
import org.magicnas.alignment.AnchorReplacement;
import org.magicnas.alignment.AnchorStatistics;
import org.magicnas.alignment.AverageTarget;
import org.magicnas.data.MlmBatch;
import org.magicnas.sampling.PathSampler;
import org.magicnas.sampling.RandomWalkSampler;
import org.magicnas.sampling.SamplerState;
import org.magicnas.sampling.SplitMix64;
import org.magicnas.sampling.UniformSampler;
import org.magicnas.space.Architecture;
import org.magicnas.space.CandidateMask;
import org.magicnas.supernet.SuperNet;

/**
 * Trains a super-net one child path per step with SPOS, MAGIC-T, MAGIC-A or MAGIC-AT.
 *
 * <p>Each step: sample a child; take the
 * batch of that step and draw its dropout masks from (seed, step); for the aligning methods after the warm start, compute the target outputs at
 * block boundaries without gradient; forward and backward the child's loss (prediction plus lambda
 * times alignment); update only the child's parameters. Every {@code evalEvery} steps the sampled
 * child and the anchor are scored on the same fixed validation batches and the anchor is replaced if
 * beaten (with the standard error of the paired difference logged); an anchor that progressive
 * shrinking leaves outside the remaining space is repaired inside it.
 * All arrays of a step live in one sub-manager closed at the end of the step.
 *
 * <p>Everything the run depends on is in its checkpoint (weights, optimizer moments and counts, the
 * sampler and target generators, the anchor and its history, the step), and batches depend only on
 * the step, so training S steps, stopping, and resuming for S more gives the same weights as 2S
 * steps in one go.
 */
public final class SuperNetTrainer implements AutoCloseable {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();
    private static final int[] NO_LAYERS = new int[0];

    private final SuperNet net;
    private final NDManager manager;
    private final TrainingConfig config;
    private final PathObjective objective;
    private final CandidateMask mask;
    private final PathSampler sampler;
    private final SinglePathAdam optimizer;
    private final LearningRateSchedule schedule;
    private final ChildEvaluator evaluator;
    /** r of the percentile policy: the anchor may drift this many percentage points from p. */
    private static final double ANCHOR_BAND = 10;
    private final Anchor anchor;
    private final AverageTarget average;
    private final int[] boundaries;
    private long step;
    private Architecture previous;
    private long trainingNanos;
    private long comparisonNanos;

    /**
     * Creates a trainer at step 0.
     *
     * @param net an initialised super-net
     * @param manager the manager under which steps and optimizer state are scoped
     * @param config the configuration
     * @param trainBatches the batch of each step
     * @param validation fixed validation batches (the anchor comparison uses the first few)
     */
    public SuperNetTrainer(SuperNet net, NDManager manager, TrainingConfig config, LongFunction<MlmBatch> trainBatches,
            List<MlmBatch> validation) {
        this(net, manager, config, trainBatches, validation, null);
    }

    /**
     * Creates a trainer at step 0 with a given sampler instead of the method's.
     *
     * @param net an initialised super-net
     * @param manager the manager under which steps and optimizer state are scoped
     * @param config the configuration
     * @param trainBatches the batch of each step
     * @param validation fixed validation batches (the anchor comparison uses the first few)
     * @param sampler the sampler, or null for the method's own
     */
    public SuperNetTrainer(SuperNet net, NDManager manager, TrainingConfig config, LongFunction<MlmBatch> trainBatches,
            List<MlmBatch> validation, PathSampler sampler) {
        this(net, manager, config, new MaskedLmObjective(trainBatches,
                validation.subList(0, Math.min(validation.size(), config.alignment().evalBatches()))), sampler);
        if (anchor != null && validation.isEmpty()) {
            throw new IllegalArgumentException("the anchor of " + config.method().id() + " needs validation batches");
        }
    }

    /**
     * Creates a trainer at step 0 for any objective.
     *
     * @param net an initialised super-net
     * @param manager the manager under which steps and optimizer state are scoped
     * @param config the configuration
     * @param objective what each step trains on, and the validation loss of the anchor comparisons
     * @param sampler the sampler, or null for the method's own
     */
    public SuperNetTrainer(SuperNet net, NDManager manager, TrainingConfig config, PathObjective objective, PathSampler sampler) {
        this.net = net;
        this.manager = manager;
        this.config = config;
        this.objective = objective;
        Method method = config.method();
        long seed = config.seed();
        this.mask = new CandidateMask(net.space());
        this.sampler = sampler != null ? sampler : method.walks()
                ? new RandomWalkSampler(mask, config.walkChanges(), SplitMix64.mix(seed, 1))
                : new UniformSampler(mask, SplitMix64.mix(seed, 1));
        this.optimizer = new SinglePathAdam(config.adam(), manager);
        this.schedule = config.schedule();
        this.evaluator = new ChildEvaluator(net, manager);
        AlignmentConfig align = config.alignment();
        boolean anchored = method.aligns() && align.target() == AlignmentTargetKind.ANCHOR;
        this.anchor = anchored ? new Anchor(PathSampler.uniform(mask, new SplitMix64(SplitMix64.mix(seed, 2)))) : null;
        this.average = method.aligns() && !anchored ? new AverageTarget(align.averageChildren(net.space()), mask, SplitMix64.mix(seed, 3)) : null;
        this.boundaries = method.aligns() ? align.boundaries(net.space()) : NO_LAYERS;
    }

    /**
     * Trains until {@code stopAt} steps are done (or the planned steps, if fewer), writing checkpoints
     * to the store (if any) every {@code checkpointEvery} steps and at the end.
     *
     * @param stopAt the step count to stop at
     * @param listener progress
     * @param store where checkpoints go, or null for none
     * @throws IOException if a checkpoint cannot be written
     */
    public void train(long stopAt, TrainingListener listener, CheckpointStore store) throws IOException {
        long end = Math.min(stopAt, config.steps());
        while (step < end) {
            long start = System.nanoTime();
            StepRecord r = step();
            trainingNanos += System.nanoTime() - start;
            listener.onStep(r);
            if (anchor != null && step % config.alignment().evalEvery() == 0) {
                start = System.nanoTime();
                AnchorReplacement replacement = config.alignment().anchorPercentile() > 0 ? rerankAnchor() : compareWithAnchor(r.child());
                comparisonNanos += System.nanoTime() - start;
                if (replacement != null) {
                    listener.onAnchorReplaced(replacement);
                }
            }
            listener.afterStep(step);
            if (anchor != null && !mask.allows(anchor.current())) {
                listener.onAnchorReplaced(repairAnchor());
            }
            if (store != null && config.checkpointDue(step, end)) {
                listener.onCheckpoint(step, store.save(step, this::save));
            }
        }
    }

    /**
     * Trains one step.
     *
     * @return what the step did
     */
    public StepRecord step() {
        long start = System.nanoTime();
        Architecture child = sampler.next();
        int changed = previous == null ? child.space().layers() : child.distance(previous);
        boolean aligning = config.method().aligns() && step >= config.alignment().warmupSteps();
        double lr = schedule.at(step);
        PathStep.Result r = objective.train(net, child, step, manager, optimizer, lr,
                aligning ? ctx -> target().outputs(net, ctx, boundaries) : null, boundaries, config.alignment().lambda(),
                SplitMix64.mix(config.seed(), 4, step));
        previous = child;
        StepRecord record = new StepRecord(step, child, changed, r.predictionLoss(), r.alignmentLoss(), lr, r.gradientNorm(),
                (System.nanoTime() - start) / 1e6, r.tokens());
        step++;
        return record;
    }

    private AlignmentTarget target() {
        return anchor != null ? anchor : average;
    }

    /** The paper's rule: the sampled child replaces the anchor if its validation loss is lower, on the same batches. */
    private AnchorReplacement compareWithAnchor(Architecture child) {
        if (child.equals(anchor.current())) {
            return null;
        }
        double[] childLosses = objective.validationLosses(net, child, manager);
        double[] anchorLosses = objective.validationLosses(net, anchor.current(), manager);
        double[] diff = new double[childLosses.length];
        for (int i = 0; i < diff.length; i++) {
            diff[i] = childLosses[i] - anchorLosses[i];
        }
        double se = diff.length < 2 ? Double.NaN : Math.sqrt(new Variance().evaluate(diff) / diff.length);
        return anchor.offer(step, child, new Mean().evaluate(childLosses), new Mean().evaluate(anchorLosses), se);
    }

    /**
     * Progressive shrinking removed an operator of the anchor: the anchor stays where it can, and each
     * layer that lost its operator takes, in layer order, the remaining candidate with the lowest
     * validation loss (the anchor is a top-performing child of the remaining space).
     */
    private AnchorReplacement repairAnchor() {
        Architecture old = anchor.current();
        double oldLoss = objective.validationLoss(net, old, manager);
        int[] choices = new int[old.space().layers()];
        for (int i = 0; i < choices.length; i++) {
            choices[i] = mask.allows(i, old.choice(i)) ? old.choice(i) : mask.remaining(i)[0];
        }
        double bestLoss = Double.NaN;
        for (int i = 0; i < choices.length; i++) {
            if (mask.allows(i, old.choice(i))) {
                continue;
            }
            int best = -1;
            for (int c : mask.remaining(i)) {
                choices[i] = c;
                double loss = objective.validationLoss(net, new Architecture(old.space(), choices.clone()), manager);
                if (best < 0 || loss < bestLoss) {
                    best = c;
                    bestLoss = loss;
                }
            }
            choices[i] = best;
        }
        return anchor.replace(step, new Architecture(old.space(), choices), oldLoss, bestLoss, AnchorReplacement.Reason.SHRUNK);
    }

    /**
     * How the anchor comparisons went and what they cost, or null for a method without an anchor.
     *
     * @return the statistics (times are this process's)
     */
    public AnchorStatistics anchorStatistics() {
        return anchor == null ? null : anchor.statistics(comparisonNanos / 1e9, trainingNanos / 1e9);
    }

    /** The percentile policy: rank random children (drawn from (seed, step)) and keep the anchor in the band. */
    private AnchorReplacement rerankAnchor() {
        AlignmentConfig align = config.alignment();
        SplitMix64 rng = new SplitMix64(SplitMix64.mix(config.seed(), 5, step));
        List<Architecture> children = new ArrayList<>(align.rankedChildren());
        double[] losses = new double[align.rankedChildren()];
        for (int i = 0; i < losses.length; i++) {
            children.add(PathSampler.uniform(mask, rng));
            losses[i] = objective.validationLoss(net, children.get(i), manager);
        }
        double anchorLoss = objective.validationLoss(net, anchor.current(), manager);
        return anchor.keepWithin(step, children, losses, anchorLoss, align.anchorPercentile(), ANCHOR_BAND);
    }

    /**
     * The part of the space the samplers draw from; search may shrink it between steps.
     *
     * @return the live mask
     */
    public CandidateMask mask() {
        return mask;
    }

    /**
     * Steps done so far.
     *
     * @return the step count
     */
    public long stepsDone() {
        return step;
    }

    /**
     * The anchor, for the anchored methods.
     *
     * @return the anchor, or null
     */
    public Anchor anchor() {
        return anchor;
    }

    /**
     * The optimizer, for inspection.
     *
     * @return the optimizer
     */
    public SinglePathAdam optimizer() {
        return optimizer;
    }

    /**
     * An evaluator of many of this super-net's children at once, sharing common prefixes.
     *
     * @return the evaluator
     */
    public PrefixSharingEvaluator prefixSharingEvaluator() {
        return new PrefixSharingEvaluator(net, manager);
    }

    /**
     * An evaluator of this super-net's children.
     *
     * @return the evaluator
     */
    public ChildEvaluator evaluator() {
        return evaluator;
    }

    /**
     * Writes the whole training state into a directory: {@code weights.params},
     * {@code optimizer.bin} and {@code state.json}.
     *
     * @param dir the directory (existing)
     * @throws IOException if writing fails
     */
    public void save(Path dir) throws IOException {
        CheckpointFiles.write(dir.resolve("weights.params"), net::save);
        CheckpointFiles.write(dir.resolve("optimizer.bin"), out -> optimizer.save(net.allParameters(), out));
        TrainerState s = new TrainerState();
        s.step = step;
        s.sampler = sampler.state();
        s.previous = previous == null ? null : previous.toString();
        s.anchor = anchor == null ? null : anchor.current().toString();
        s.anchorHistory = anchor == null ? null : anchor.history();
        s.anchorCounters = anchor == null ? null : anchor.counters();
        s.averageRng = average == null ? null : average.rng().state();
        s.method = config.method().id();
        s.remaining = new ArrayList<>();
        for (int i = 0; i < net.space().layers(); i++) {
            StringBuilder b = new StringBuilder();
            for (int c : mask.remaining(i)) {
                b.append(b.length() == 0 ? "" : "|").append(net.space().candidate(c).name());
            }
            s.remaining.add(b.toString());
        }
        s.space = net.space().describe();
        Files.writeString(dir.resolve("state.json"), GSON.toJson(s), StandardCharsets.UTF_8);
    }

    /**
     * Restores the training state written by {@link #save}.
     *
     * @param dir the checkpoint directory
     * @throws IOException if reading fails or the checkpoint belongs to another method or space
     */
    public void restore(Path dir) throws IOException {
        TrainerState s = GSON.fromJson(Files.readString(dir.resolve("state.json"), StandardCharsets.UTF_8), TrainerState.class);
        if (!config.method().id().equals(s.method) || !net.space().describe().equals(s.space)) {
            throw new IOException("checkpoint " + dir + " was written by method " + s.method + " on space " + s.space
                    + ", not " + config.method().id() + " on " + net.space().describe());
        }
        CheckpointFiles.read(dir.resolve("weights.params"), net::load);
        CheckpointFiles.read(dir.resolve("optimizer.bin"), in -> optimizer.load(net.allParameters(), in));
        step = s.step;
        if (s.remaining != null) {
            for (int i = 0; i < s.remaining.size(); i++) {
                List<String> keep = List.of(s.remaining.get(i).split("\\|"));
                for (int c : mask.remaining(i)) {
                    if (!keep.contains(net.space().candidate(c).name())) {
                        mask.remove(i, c);
                    }
                }
            }
        }
        sampler.restore(s.sampler);
        previous = s.previous == null ? null : Architecture.parse(net.space(), s.previous);
        if (anchor != null) {
            anchor.restore(Architecture.parse(net.space(), s.anchor), s.anchorHistory, s.anchorCounters);
        }
        if (average != null) {
            average.rng().restore(s.averageRng);
        }
    }

    @Override
    public void close() {
        optimizer.close();
    }

    /** The JSON form of the non-array state. */
    private static final class TrainerState {
        long step;
        String method;
        String space;
        SamplerState sampler;
        String previous;
        String anchor;
        List<AnchorReplacement> anchorHistory;
        double[] anchorCounters;
        Long averageRng;
        List<String> remaining;
    }
}
