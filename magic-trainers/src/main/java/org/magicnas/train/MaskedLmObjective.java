package org.magicnas.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.magicnas.data.MlmBatch;
import org.magicnas.space.Architecture;
import org.magicnas.supernet.BatchContext;
import org.magicnas.supernet.MlmEncoder;
import org.magicnas.supernet.SuperNet;

/**
 * Masked-LM pre-training of a super-net: the batch of each step, and validation loss per masked
 * token on fixed batches.
 *
 * @param trainBatches the batch of each step
 * @param validation the fixed batches of validation comparisons
 */
public record MaskedLmObjective(LongFunction<MlmBatch> trainBatches, List<MlmBatch> validation) implements PathObjective {

    @Override
    public PathStep.Result train(SuperNet net, Architecture child, long step, NDManager manager, SinglePathAdam optimizer, double learningRate,
            Function<BatchContext, List<NDArray>> targets, int[] boundaries, double lambda, long seed) {
        return PathStep.run(net.path(child), trainBatches.apply(step), manager, optimizer, learningRate, targets, boundaries, lambda, seed);
    }

    @Override
    public double validationLoss(SuperNet net, Architecture child, NDManager manager) {
        return ChildEvaluator.evaluate(net.path(child), validation, manager).loss();
    }

    @Override
    public double[] validationLosses(SuperNet net, Architecture child, NDManager manager) {
        MlmEncoder path = net.path(child);
        double[] out = new double[validation.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ChildEvaluator.evaluate(path, List.of(validation.get(i)), manager).loss();
        }
        return out;
    }
}
