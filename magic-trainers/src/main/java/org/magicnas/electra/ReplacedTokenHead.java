package org.magicnas.electra;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import org.magicnas.supernet.ParamBlock;

/** ELECTRA's discriminator head: dense E to E, GELU, dense E to one logit per token (replaced or not). */
public final class ReplacedTokenHead extends ParamBlock {
    private final Parameter denseWeight;
    private final Parameter denseBias;
    private final Parameter outWeight;
    private final Parameter outBias;

    /**
     * Creates the head.
     *
     * @param hidden the encoder width E
     */
    public ReplacedTokenHead(int hidden) {
        this.denseWeight = weight("dense_weight", new Shape(hidden, hidden));
        this.denseBias = bias("dense_bias", hidden);
        this.outWeight = weight("out_weight", new Shape(1, hidden));
        this.outBias = bias("out_bias", 1);
    }

    /**
     * Per-token logits of "replaced".
     *
     * @param hidden the encoder output, (B, T, E)
     * @return (B, T)
     */
    public NDArray logits(NDArray hidden) {
        NDArray h = Activation.gelu(Linear.linear(hidden, denseWeight.getArray(), denseBias.getArray()).singletonOrThrow());
        NDArray out = Linear.linear(h, outWeight.getArray(), outBias.getArray()).singletonOrThrow();
        return out.squeeze(-1);
    }
}
