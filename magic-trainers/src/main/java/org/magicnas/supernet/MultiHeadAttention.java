package org.magicnas.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import org.magicnas.space.OperatorSpec;

/**
 * Multi-head self-attention: Q, K and V projections from E to d (fused into one matrix product), h
 * heads of width d/h, scaled dot-product attention with padded keys masked out, and an output
 * projection from d to E.
 */
public final class MultiHeadAttention extends Operator {
    private final int heads;
    private final int width;
    private final float scale;
    private final Parameter qkvWeight;
    private final Parameter qkvBias;
    private final Parameter outWeight;
    private final Parameter outBias;

    MultiHeadAttention(OperatorSpec spec, int hidden, float dropout) {
        super(spec, hidden, dropout);
        this.heads = spec.heads();
        this.width = spec.innerDim();
        this.scale = (float) (1.0 / Math.sqrt(width / (double) heads));
        this.qkvWeight = weight("qkv_weight", new Shape(3L * width, hidden));
        this.qkvBias = bias("qkv_bias", 3 * width);
        this.outWeight = weight("out_weight", new Shape(hidden, width));
        this.outBias = bias("out_bias", hidden);
    }

    @Override
    protected NDArray transform(NDArray x, BatchContext ctx) {
        int b = ctx.batchSize();
        int t = ctx.seqLen();
        int dh = width / heads;
        NDArray qkv = Linear.linear(x, ctx.weight(qkvWeight), ctx.weight(qkvBias)).singletonOrThrow()
                .reshape(b, t, 3, heads, dh).transpose(2, 0, 3, 1, 4);
        NDList parts = qkv.split(3, 0);
        NDArray q = parts.get(0).squeeze(0).mul(ctx.scalar(scale));
        NDArray k = parts.get(1).squeeze(0);
        NDArray v = parts.get(2).squeeze(0);
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).add(ctx.attentionBias());
        NDArray context = scores.softmax(-1).matMul(v).transpose(0, 2, 1, 3).reshape(b, t, width);
        return Linear.linear(context, ctx.weight(outWeight), ctx.weight(outBias)).singletonOrThrow();
    }
}
