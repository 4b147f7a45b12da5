package org.magicnas.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;

/**
 * The masked-LM head: a transform E to e with GELU and LayerNorm, then logits over the vocabulary
 * through the token embedding table (tied decoder) plus a bias. It runs only on masked positions.
 */
public final class MlmHead extends ParamBlock {
    private final int embeddingDim;
    private final Parameter decoder;
    private final Parameter transformWeight;
    private final Parameter transformBias;
    private final Parameter lnGain;
    private final Parameter lnShift;
    private final Parameter outputBias;

    /**
     * Creates the head.
     *
     * @param tokenTable the token embedding table (V x e) used as decoder
     * @param vocabSize V
     * @param embeddingDim e
     * @param hidden E
     */
    public MlmHead(Parameter tokenTable, int vocabSize, int embeddingDim, int hidden) {
        this.embeddingDim = embeddingDim;
        this.decoder = tokenTable;
        this.transformWeight = weight("transform_weight", new Shape(embeddingDim, hidden));
        this.transformBias = bias("transform_bias", embeddingDim);
        this.lnGain = gain("ln_gamma", embeddingDim);
        this.lnShift = bias("ln_beta", embeddingDim);
        this.outputBias = bias("output_bias", vocabSize);
    }

    /**
     * Vocabulary logits at the selected positions.
     *
     * @param ctx the batch (its compute precision)
     * @param hidden the encoder output, (B, T, E)
     * @param positions flat indices into B*T, int64, (M)
     * @return logits, (M, V)
     */
    public NDArray logits(BatchContext ctx, NDArray hidden, NDArray positions) {
        Shape s = hidden.getShape();
        NDArray selected = hidden.reshape(s.get(0) * s.get(1), s.get(2)).get(new NDIndex("{}", positions));
        NDArray h = Activation.gelu(Linear.linear(selected, ctx.weight(transformWeight), ctx.weight(transformBias)).singletonOrThrow());
        h = LayerNorm.layerNorm(h, new Shape(embeddingDim), ctx.weight(lnGain), ctx.weight(lnShift), 1e-5f).singletonOrThrow();
        return Linear.linear(h, ctx.weight(decoder), ctx.weight(outputBias)).singletonOrThrow();
    }
}
