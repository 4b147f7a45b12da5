package org.magicnas.supernet;

import ai.djl.ndarray.NDArray;
import org.magicnas.space.OperatorSpec;
import org.magicnas.space.SearchSpace;

/** A candidate operator of one layer: text operators ({@link Operator}) and image operators share this contract. */
public abstract class Candidate extends ParamBlock {
    private final OperatorSpec spec;

    /**
     * Creates the candidate.
     *
     * @param spec what it implements
     */
    protected Candidate(OperatorSpec spec) {
        this.spec = spec;
    }

    /**
     * Creates the candidate of a layer of a space.
     *
     * @param space the space
     * @param layer the layer, from 0
     * @param spec the candidate
     * @param dropout the residual dropout rate (text operators)
     * @return the operator
     */
    public static Candidate create(SearchSpace space, int layer, OperatorSpec spec, float dropout) {
        if (!space.isImage()) {
            return Operator.create(spec, space.hidden(), dropout);
        }
        return switch (spec.kind()) {
            case MB -> new InvertedBottleneck(spec, space.image().inChannels(layer), space.image().outChannels(layer), space.image().stride(layer));
            case ZERO -> new ZeroOperator(spec);
            default -> throw new IllegalArgumentException(spec.name() + " is not an image operator");
        };
    }

    /**
     * The candidate this operator implements.
     *
     * @return the spec
     */
    public OperatorSpec spec() {
        return spec;
    }

    /**
     * Runs the candidate.
     *
     * @param x the layer's input
     * @param ctx the batch tensors
     * @param training whether dropout is active and BatchNorm uses batch statistics
     * @return the layer's output
     */
    public abstract NDArray apply(NDArray x, BatchContext ctx, boolean training);
}
