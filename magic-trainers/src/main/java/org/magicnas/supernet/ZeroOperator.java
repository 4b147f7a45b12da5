package org.magicnas.supernet;

import ai.djl.ndarray.NDArray;
import org.magicnas.space.OperatorSpec;

/**
 * Zero-out: the layer's residual branch is zero, so its output is its input and the child is one
 * layer shallower. It has no parameters and is only placed where the layer keeps its shape.
 */
final class ZeroOperator extends Candidate {

    ZeroOperator(OperatorSpec spec) {
        super(spec);
    }

    @Override
    public NDArray apply(NDArray x, BatchContext ctx, boolean training) {
        return x;
    }
}
