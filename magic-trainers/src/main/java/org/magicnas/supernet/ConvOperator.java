package org.magicnas.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import org.magicnas.space.OperatorSpec;

/**
 * Convolution operator: Linear E to E, depthwise 1-D convolution of kernel k with "same" padding,
 * GELU, Linear E to E. Padded positions are zeroed before the convolution so that padding never
 * leaks into real tokens.
 */
public final class ConvOperator extends Operator {
    private final int kernel;
    private final Parameter inWeight;
    private final Parameter inBias;
    private final Parameter convWeight;
    private final Parameter convBias;
    private final Parameter outWeight;
    private final Parameter outBias;
    private final Shape stride = new Shape(1);
    private final Shape padding;
    private final Shape dilation = new Shape(1);

    ConvOperator(OperatorSpec spec, int hidden, float dropout) {
        super(spec, hidden, dropout);
        this.kernel = spec.kernel();
        this.padding = new Shape(kernel / 2);
        this.inWeight = weight("in_weight", new Shape(hidden, hidden));
        this.inBias = bias("in_bias", hidden);
        this.convWeight = weight("dw_weight", new Shape(hidden, 1, kernel));
        this.convBias = bias("dw_bias", hidden);
        this.outWeight = weight("out_weight", new Shape(hidden, hidden));
        this.outBias = bias("out_bias", hidden);
    }

    @Override
    protected NDArray transform(NDArray x, BatchContext ctx) {
        NDArray h = Linear.linear(x, ctx.weight(inWeight), ctx.weight(inBias)).singletonOrThrow().mul(ctx.padMask());
        h = Conv1d.conv1d(h.transpose(0, 2, 1), ctx.weight(convWeight), ctx.weight(convBias), stride, padding, dilation, hidden())
                .singletonOrThrow();
        h = Activation.gelu(h).transpose(0, 2, 1);
        return Linear.linear(h, ctx.weight(outWeight), ctx.weight(outBias)).singletonOrThrow();
    }
}
