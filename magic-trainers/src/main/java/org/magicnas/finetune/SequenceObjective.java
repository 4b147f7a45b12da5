package org.magicnas.finetune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.magicnas.sampling.EpochShuffle;
import org.magicnas.space.Architecture;
import org.magicnas.supernet.BatchContext;
import org.magicnas.supernet.SuperNet;
import org.magicnas.train.PathStep;
import org.magicnas.train.PathObjective;
import org.magicnas.train.SinglePathAdam;

/**
 * Supervised super-net training on a downstream task: every child shares one sequence head; a step
 * trains the child's encoder path and the head on the step's batch (a pure function of the seed and
 * the step, shuffled per epoch), and a child's validation loss is its task loss on held-out
 * examples.
 */
public final class SequenceObjective implements PathObjective {
    private final SequenceData train;
    private final SequenceData valid;
    private final ClassificationHead head;
    private final int batchSize;
    private final long seed;

    /**
     * Creates the objective and its shared head.
     *
     * @param train the training examples
     * @param valid the validation examples
     * @param kind classification or regression
     * @param outputs classes, or 1
     * @param hidden the super-net's width E
     * @param dropout the head's dropout rate
     * @param batchSize examples per step
     * @param seed the seed of shuffling
     * @param manager the manager that owns the head's weights
     */
    public SequenceObjective(SequenceData train, SequenceData valid, TaskKind kind, int outputs, int hidden, float dropout, int batchSize,
            long seed, NDManager manager) {
        if (train.size() == 0 || valid.size() == 0) {
            throw new IllegalArgumentException("supervised search needs training and validation examples, got " + train.size() + " and "
                    + valid.size());
        }
        this.train = train;
        this.valid = valid;
        this.head = new ClassificationHead(hidden, kind == TaskKind.CLASSIFICATION ? outputs : 1, dropout);
        this.head.initialize(manager, DataType.FLOAT32, new Shape(1));
        this.batchSize = batchSize;
        this.seed = seed;
    }

    @Override
    public PathStep.Result train(SuperNet net, Architecture child, long step, NDManager manager, SinglePathAdam optimizer, double learningRate,
            Function<BatchContext, List<NDArray>> targets, int[] boundaries, double lambda, long dropoutSeed) {
        SequenceData batch = train.subset(EpochShuffle.batch(seed, train.size(), step, batchSize));
        try (NDManager sm = manager.newSubManager()) {
            BatchContext ctx = SequenceBatches.context(sm, batch, 0, batch.size(), dropoutSeed);
            List<Parameter> params = new ArrayList<>(net.encoderPathParameters(child));
            params.addAll(head.getParameters().values());
            return PathStep.run(ctx, keep -> net.forward(child, ctx, true, keep),
                    out -> SequenceLoss.of(head.apply(out.output(), ctx, true), batch, 0, batch.size(), sm), params, sm, optimizer, learningRate,
                    targets, boundaries, lambda);
        }
    }


    @Override
    public double validationLoss(SuperNet net, Architecture child, NDManager manager) {
        double[] losses = validationLosses(net, child, manager);
        double sum = 0;
        for (int b = 0; b < losses.length; b++) {
            sum += losses[b] * (Math.min(valid.size(), (b + 1) * batchSize) - b * batchSize);
        }
        return sum / valid.size();
    }

    @Override
    public double[] validationLosses(SuperNet net, Architecture child, NDManager manager) {
        double[] losses = new double[(valid.size() + batchSize - 1) / batchSize];
        for (int b = 0; b < losses.length; b++) {
            int from = b * batchSize;
            int to = Math.min(valid.size(), from + batchSize);
            try (NDManager sm = manager.newSubManager()) {
                BatchContext ctx = SequenceBatches.context(sm, valid, from, to, 0);
                NDArray out = head.apply(net.forward(child, ctx, false, new int[0]).output(), ctx, false);
                losses[b] = SequenceLoss.of(out, valid, from, to, sm).getFloat();
            }
        }
        return losses;
    }

    /**
     * The shared head, for inspection.
     *
     * @return the head
     */
    public ClassificationHead head() {
        return head;
    }
}
