package org.magicnas.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.function.Function;
import org.magicnas.alignment.AlignmentLoss;
import org.magicnas.data.MlmBatch;
import org.magicnas.supernet.BatchContext;
import org.magicnas.supernet.EncoderOutput;
import org.magicnas.supernet.MlmEncoder;

/**
 * One training step of one child, in its own NDManager scope: alignment targets (if aligning) without
 * gradient, forward and backward of {@code L_pred + lambda * L_align}, and an Adam update of the
 * child's parameters only. Masked-LM pre-training and supervised objectives share it. In the
 * optimizer's mixed precision (masked-LM only) the batch computes in that precision and the loss is
 * multiplied by the optimizer's loss scale before the backward pass.
 */
public final class PathStep {
    private static final int[] NO_LAYERS = new int[0];

    private PathStep() {}

    /**
     * What a step measured.
     *
     * @param predictionLoss the prediction loss
     * @param alignmentLoss the alignment loss, NaN if not aligning
     * @param gradientNorm the global gradient norm before clipping
     * @param tokens real tokens in the batch
     */
    public record Result(double predictionLoss, double alignmentLoss, double gradientNorm, long tokens) {}

    /**
     * Runs a masked-LM step.
     *
     * @param child the child to train
     * @param batch the batch
     * @param parent the manager under which the step's scope is opened
     * @param optimizer the optimizer
     * @param learningRate the rate
     * @param targets the alignment targets for a batch (computed without gradient), or null
     * @param boundaries the aligned layers
     * @param lambda the alignment weight
     * @param seed the seed of the step's dropout masks
     * @return the losses and norm
     */
    public static Result run(MlmEncoder child, MlmBatch batch, NDManager parent, SinglePathAdam optimizer, double learningRate,
            Function<BatchContext, List<NDArray>> targets, int[] boundaries, double lambda, long seed) {
        try (NDManager sm = parent.newSubManager()) {
            BatchTensors bt = BatchTensors.of(sm, batch, seed);
            bt.context().computeIn(optimizer.precision().dataType());
            return run(bt.context(), keep -> child.forward(bt.context(), true, keep),
                    out -> MlmObjective.loss(child.mlmLogits(bt.context(), out.output(), bt.positions()), bt.labels()), child.trainableParameters(), sm, optimizer,
                    learningRate, targets, boundaries, lambda);
        }
    }

    /**
     * Runs a step of any objective inside an open step scope.
     *
     * @param ctx the batch, made in {@code sm}
     * @param forward runs the child (in training mode) keeping the given layers' outputs
     * @param predictionLoss the prediction loss from the child's output
     * @param params the parameters to update
     * @param sm the step's manager
     * @param optimizer the optimizer
     * @param learningRate the rate
     * @param targets the alignment targets for a batch (computed without gradient), or null
     * @param boundaries the aligned layers
     * @param lambda the alignment weight
     * @return the losses and norm
     */
    public static Result run(BatchContext ctx, Function<int[], EncoderOutput> forward, Function<EncoderOutput, NDArray> predictionLoss,
            List<Parameter> params, NDManager sm, SinglePathAdam optimizer, double learningRate, Function<BatchContext, List<NDArray>> targets,
            int[] boundaries, double lambda) {
        if (ctx.compute() != optimizer.precision().dataType()) {
            optimizer.precision().requireFp32("precision", "a supervised or image objective");
        }
        List<NDArray> target = targets == null ? null : targets.apply(ctx);
        NDArray pred;
        NDArray align = null;
        try (GradientCollector gc = Gradients.collect()) {
            EncoderOutput out = forward.apply(target == null ? NO_LAYERS : boundaries);
            pred = predictionLoss.apply(out);
            NDArray total = pred;
            if (target != null) {
                align = AlignmentLoss.compute(out.kept(), target, ctx);
                total = pred.add(align.mul(ctx.scalar((float) lambda)));
            }
            if (optimizer.lossScale() != 1) {
                total = total.mul(ctx.scalar((float) optimizer.lossScale()));
            }
            gc.backward(total);
        }
        double norm = optimizer.step(params, ctx::gradient, learningRate, sm);
        return new Result(pred.getFloat(), align == null ? Double.NaN : align.getFloat(), norm, (long) ctx.validTokens());
    }
}
