package org.magicnas.image;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.magicnas.sampling.EpochShuffle;
import org.magicnas.sampling.SplitMix64;
import org.magicnas.space.Architecture;
import org.magicnas.supernet.BatchContext;
import org.magicnas.supernet.SuperNet;
import org.magicnas.train.PathObjective;
import org.magicnas.train.PathStep;
import org.magicnas.train.SinglePathAdam;

/**
 * Image classification as a super-net objective: a step trains the child (stem, its layers, the
 * shared head) on the step's batch by cross entropy, the batch being a pure function of the seed and
 * the step (shuffled per epoch); a child's validation loss is taken after its BatchNorm statistics
 * are recalibrated as the {@link BatchNormPolicy} says.
 *
 * <p>Each image of a batch is read in the epoch its position falls in, so a {@link
 * ImageSource#streamed() streamed} source draws a fresh crop and flip per epoch. With such a source
 * the objective asks for the next {@value #PREFETCH_STEPS} steps' batches ahead of time (and the next
 * batch while scoring), and keeps the few fixed recalibration batches in memory once read.
 */
public final class ImageObjective implements PathObjective {
    private static final int[] NONE = new int[0];

    /** How many future training batches a streamed source is asked to prefetch. */
    public static final int PREFETCH_STEPS = 2;

    private final ImageSource train;
    private final ImageSource valid;
    private final ImageData.Normalisation norm;
    private final int batchSize;
    private final BatchNormPolicy policy;
    private final long seed;
    private final int[][] calibration;
    private float[][] calibrationPixels;

    /**
     * Creates the objective.
     *
     * @param train the training images
     * @param valid the validation images (the anchor comparisons and search score on them)
     * @param norm the normalisation of both
     * @param batchSize images per step
     * @param policy how statistics are set before a child is scored
     * @param seed the seed of shuffling
     */
    public ImageObjective(ImageSource train, ImageSource valid, ImageData.Normalisation norm, int batchSize, BatchNormPolicy policy, long seed) {
        if (train.size() < batchSize || valid.size() == 0) {
            throw new IllegalArgumentException("image search needs at least one batch (" + batchSize + ") of training images and some "
                    + "validation images, got " + train.size() + " and " + valid.size());
        }
        this.train = train;
        this.valid = valid;
        this.norm = norm;
        this.batchSize = batchSize;
        this.policy = policy;
        this.seed = seed;
        this.calibration = calibrationBatches();
    }

    /** The fixed training images of each recalibration batch, drawn once. */
    private int[][] calibrationBatches() {
        int[] perm = new SplitMix64(SplitMix64.mix(seed, 17)).permutation(train.size());
        int size = Math.min(policy.batchSize(), train.size());
        int[][] out = new int[policy.batches()][size];
        for (int b = 0; b < out.length; b++) {
            for (int i = 0; i < size; i++) {
                out[b][i] = perm[(b * size + i) % perm.length];
            }
        }
        return out;
    }

    @Override
    public PathStep.Result train(SuperNet net, Architecture child, long step, NDManager manager, SinglePathAdam optimizer, double learningRate,
            Function<BatchContext, List<NDArray>> targets, int[] boundaries, double lambda, long dropoutSeed) {
        int[] batch = EpochShuffle.batch(seed, train.size(), step, batchSize);
        if (train.streamed()) {
            for (long ahead = step + 1; ahead <= step + PREFETCH_STEPS; ahead++) {
                train.prefetch(EpochShuffle.batch(seed, train.size(), ahead, batchSize), epochs(ahead));
            }
        }
        try (NDManager sm = manager.newSubManager()) {
            BatchContext ctx = train.context(sm, batch, epochs(step), norm, dropoutSeed);
            ctx.useBatchStatistics();
            NDArray labels = train.labels(sm, batch);
            return PathStep.run(ctx, keep -> net.forward(child, ctx, true, keep),
                    out -> crossEntropy(net.classLogits(out.output(), ctx, true), labels), net.pathParameters(child), sm, optimizer,
                    learningRate, targets, boundaries, lambda);
        }
    }

    /** The epoch of each position of a step's batch. */
    private int[] epochs(long step) {
        int[] out = new int[batchSize];
        for (int i = 0; i < batchSize; i++) {
            out[i] = (int) ((step * batchSize + i) / train.size());
        }
        return out;
    }

    /**
     * Sets a child's BatchNorm running statistics from the policy's training batches (the same fixed
     * batches for every child), so that it can be scored. Does nothing when the policy does not
     * recalibrate.
     *
     * @param net the super-net
     * @param child the child
     * @param manager the manager under which batches are scoped
     */
    public void recalibrate(SuperNet net, Architecture child, NDManager manager) {
        for (int b = 0; b < calibration.length; b++) {
            try (NDManager sm = manager.newSubManager()) {
                BatchContext ctx = calibrationContext(sm, b);
                ctx.recalibrate(b);
                net.classLogits(net.forward(child, ctx, false, NONE).output(), ctx, false);
            }
        }
    }

    private BatchContext calibrationContext(NDManager sm, int b) {
        int[] indices = calibration[b];
        if (!train.streamed()) {
            return train.context(sm, indices, new int[indices.length], norm, 0);
        }
        synchronized (this) {
            if (calibrationPixels == null) {
                calibrationPixels = new float[calibration.length][];
                for (int k = 0; k < calibration.length; k++) {
                    calibrationPixels[k] = train.pixels(calibration[k], new int[calibration[k].length]);
                }
            }
        }
        return ImageSource.normalisedContext(sm, calibrationPixels[b].clone(), indices.length, train.channels(), train.side(), norm, 0);
    }

    @Override
    public double validationLoss(SuperNet net, Architecture child, NDManager manager) {
        return score(net, child, valid, manager).loss();
    }

    /**
     * Recalibrates a child and scores it on images.
     *
     * @param net the super-net
     * @param child the child
     * @param data the images
     * @param manager the manager under which batches are scoped
     * @return loss and errors
     */
    public ImageScore score(SuperNet net, Architecture child, ImageSource data, NDManager manager) {
        recalibrate(net, child, manager);
        return evaluate(net, child, data, norm, batchSize, manager);
    }

    /**
     * Scores a child as its statistics stand, without dropout.
     *
     * @param net the super-net
     * @param child the child
     * @param data the images
     * @param norm their normalisation
     * @param batchSize images per forward pass
     * @param manager the manager under which batches are scoped
     * @return loss and errors
     */
    public static ImageScore evaluate(SuperNet net, Architecture child, ImageSource data, ImageData.Normalisation norm, int batchSize,
            NDManager manager) {
        double loss = 0;
        long wrong1 = 0;
        long wrong5 = 0;
        for (int from = 0; from < data.size(); from += batchSize) {
            int to = Math.min(data.size(), from + batchSize);
            int[] indices = IntStream.range(from, to).toArray();
            if (data.streamed() && to < data.size()) {
                int next = Math.min(data.size(), to + batchSize);
                data.prefetch(IntStream.range(to, next).toArray(), new int[next - to]);
            }
            try (NDManager sm = manager.newSubManager()) {
                BatchContext ctx = data.context(sm, indices, new int[indices.length], norm, 0);
                NDArray logits = net.classLogits(net.forward(child, ctx, false, NONE).output(), ctx, false);
                NDArray labels = data.labels(sm, indices);
                loss += crossEntropy(logits, labels).getFloat() * (to - from);
                NDArray trueScore = logits.gather(labels.reshape(-1, 1), 1);
                NDArray above = logits.gt(trueScore).sum(new int[] {1});
                wrong1 += above.gte(1).sum().getLong();
                wrong5 += above.gte(5).sum().getLong();
            }
        }
        int n = data.size();
        return new ImageScore(loss / n, (double) wrong1 / n, (double) wrong5 / n, n);
    }

    /**
     * Mean cross entropy.
     *
     * @param logits (B, classes)
     * @param labels (B), int64
     * @return a scalar
     */
    public static NDArray crossEntropy(NDArray logits, NDArray labels) {
        return logits.logSoftmax(-1).gather(labels.reshape(-1, 1), 1).mean().neg();
    }
}
