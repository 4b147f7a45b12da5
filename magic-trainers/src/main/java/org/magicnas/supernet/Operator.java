package org.magicnas.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.LayerNorm;
import org.magicnas.space.OperatorSpec;

/**
 * A text candidate operator wrapped as a post-LN residual: {@code LayerNorm(x + Dropout(op(x)))}.
 * Each candidate owns its LayerNorm, so the wrapper's parameters belong to the candidate's path.
 */
public abstract class Operator extends Candidate {
    private static final float LN_EPS = 1e-5f;

    private final int hidden;
    private final float dropout;
    private final Parameter lnGain;
    private final Parameter lnShift;

    /**
     * Creates the wrapper's parameters; subclasses add the operator's own.
     *
     * @param spec the candidate
     * @param hidden the hidden size E
     * @param dropout the residual dropout rate
     */
    protected Operator(OperatorSpec spec, int hidden, float dropout) {
        super(spec);
        this.hidden = hidden;
        this.dropout = dropout;
        this.lnGain = gain("ln_gamma", hidden);
        this.lnShift = bias("ln_beta", hidden);
    }

    /**
     * Creates the operator for a candidate.
     *
     * @param spec the candidate
     * @param hidden the hidden size E
     * @param dropout the residual dropout rate
     * @return the operator
     */
    public static Operator create(OperatorSpec spec, int hidden, float dropout) {
        return switch (spec.kind()) {
            case MHA -> new MultiHeadAttention(spec, hidden, dropout);
            case FFN -> new FeedForward(spec, hidden, dropout);
            case CONV -> new ConvOperator(spec, hidden, dropout);
            case MB, ZERO -> throw new IllegalArgumentException(spec.name() + " is an image operator");
        };
    }

    /**
     * The hidden size E.
     *
     * @return E
     */
    protected int hidden() {
        return hidden;
    }

    /**
     * Applies the residual block.
     *
     * @param x the input, (B, T, E)
     * @param ctx the batch tensors
     * @param training whether dropout is active
     * @return {@code LayerNorm(x + Dropout(op(x)))}, (B, T, E)
     */
    @Override
    public NDArray apply(NDArray x, BatchContext ctx, boolean training) {
        NDArray y = transform(x, ctx);
        if (training) {
            y = ctx.dropout(y, dropout);
        }
        return LayerNorm.layerNorm(x.add(y), new Shape(hidden), ctx.weight(lnGain), ctx.weight(lnShift), LN_EPS).singletonOrThrow();
    }

    /**
     * The operator itself, without the residual wrapper.
     *
     * @param x the input, (B, T, E)
     * @param ctx the batch tensors
     * @return the output, (B, T, E)
     */
    protected abstract NDArray transform(NDArray x, BatchContext ctx);
}
