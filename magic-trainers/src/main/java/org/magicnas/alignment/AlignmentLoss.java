package org.magicnas.alignment;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.magicnas.supernet.BatchContext;

/**
 * The alignment loss of equation (1): the sum over block boundaries of the mean squared error
 * between the sampled child's layer output and the target's, averaged over real (unpadded) tokens
 * and hidden units (over every element of an image batch's feature maps).
 */
public final class AlignmentLoss {
    private AlignmentLoss() {}

    /**
     * Computes the loss.
     *
     * @param outputs the sampled child's outputs at the boundaries, each (B, T, E) or (B, C, H, W), with
     *     gradient
     * @param targets the targets at the same boundaries, without gradient
     * @param ctx the batch, for the padding mask
     * @return a scalar
     */
    public static NDArray compute(List<NDArray> outputs, List<NDArray> targets, BatchContext ctx) {
        if (outputs.size() != targets.size()) {
            throw new IllegalArgumentException(outputs.size() + " outputs but " + targets.size() + " targets");
        }
        NDArray total = null;
        for (int i = 0; i < outputs.size(); i++) {
            // In fp32 whatever the outputs' precision (mixed-precision training).
            NDArray h = BatchContext.fp32(outputs.get(i));
            NDArray target = BatchContext.fp32(targets.get(i));
            if (ctx.padMask() == null) {
                NDArray mse = h.sub(target).square().mean();
                total = total == null ? mse : total.add(mse);
                continue;
            }
            long hidden = h.getShape().get(2);
            NDArray mse = h.sub(target).square().mul(BatchContext.fp32(ctx.padMask())).sum().div(ctx.scalar(ctx.validTokens() * hidden));
            total = total == null ? mse : total.add(mse);
        }
        return total;
    }
}
