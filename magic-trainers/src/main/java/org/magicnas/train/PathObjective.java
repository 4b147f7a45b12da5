package org.magicnas.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.function.Function;
import org.magicnas.space.Architecture;
import org.magicnas.supernet.BatchContext;
import org.magicnas.supernet.SuperNet;

/**
 * What a super-net is trained on: one step of a child on the step's batch, and a child's validation
 * loss (which the anchor comparisons use). Masked-LM pre-training and supervised tasks implement it.
 */
public interface PathObjective {

    /**
     * Trains one child for one step, updating only its parameters.
     *
     * @param net the super-net
     * @param child the child
     * @param step the step, which selects the batch
     * @param manager the manager under which the step's scope is opened
     * @param optimizer the optimizer
     * @param learningRate the rate
     * @param targets alignment targets for a batch (computed without gradient), or null
     * @param boundaries the aligned layers
     * @param lambda the alignment weight
     * @param seed the seed of the step's dropout masks
     * @return the losses and gradient norm
     */
    PathStep.Result train(SuperNet net, Architecture child, long step, NDManager manager, SinglePathAdam optimizer, double learningRate,
            Function<BatchContext, List<NDArray>> targets, int[] boundaries, double lambda, long seed);

    /**
     * A child's loss on fixed validation data, without dropout.
     *
     * @param net the super-net
     * @param child the child
     * @param manager the manager under which batches are scoped
     * @return the loss
     */
    double validationLoss(SuperNet net, Architecture child, NDManager manager);

    /**
     * A child's loss on each fixed validation batch, for paired comparisons with a standard error. By
     * default one value, the whole {@link #validationLoss}.
     *
     * @param net the super-net
     * @param child the child
     * @param manager the manager under which batches are scoped
     * @return the loss of each batch
     */
    default double[] validationLosses(SuperNet net, Architecture child, NDManager manager) {
        return new double[] {validationLoss(net, child, manager)};
    }
}
