package org.magicnas.alignment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
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
            // The target in fp32 (a no-op in fp32 training): in mixed precision, type promotion then computes the
            // difference, and the loss, in fp32 while the gradient reaches the fp16 or bf16 output.
            NDArray squared = outputs.get(i).sub(targets.get(i).toType(DataType.FLOAT32, false)).square();
            NDArray mse = ctx.padMask() == null ? squared.mean()
                    : squared.mul(ctx.padMask()).sum().div(ctx.scalar(ctx.validTokens() * squared.getShape().get(2)));
            total = total == null ? mse : total.add(mse);
        }
        return total;
    }
}
