package org.magicnas.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import org.magicnas.space.OperatorSpec;

/** Feed-forward network: Linear E to F, GELU, Linear F to E. */
public final class FeedForward extends Operator {
    private final Parameter inWeight;
    private final Parameter inBias;
    private final Parameter outWeight;
    private final Parameter outBias;

    FeedForward(OperatorSpec spec, int hidden, float dropout) {
        super(spec, hidden, dropout);
        this.inWeight = weight("in_weight", new Shape(spec.innerDim(), hidden));
        this.inBias = bias("in_bias", spec.innerDim());
        this.outWeight = weight("out_weight", new Shape(hidden, spec.innerDim()));
        this.outBias = bias("out_bias", hidden);
    }

    @Override
    protected NDArray transform(NDArray x, BatchContext ctx) {
        NDArray h = Activation.gelu(Linear.linear(x, ctx.weight(inWeight), ctx.weight(inBias)).singletonOrThrow());
        return Linear.linear(h, ctx.weight(outWeight), ctx.weight(outBias)).singletonOrThrow();
    }
}
