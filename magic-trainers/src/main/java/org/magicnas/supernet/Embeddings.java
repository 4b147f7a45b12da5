package org.magicnas.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import org.magicnas.space.ChildCost;

/**
 * Token, position and segment (token type) embeddings followed by LayerNorm and dropout; a batch
 * without segment ids is all in the first segment. When the embedding width e is
 * smaller than the hidden size E the token table is factorised: a V x e table and an e to E
 * projection, as in ALBERT and the paper's BERT setting.
 */
public final class Embeddings extends ParamBlock {
    /** Segment (token type) count: a sentence or a pair. */
    public static final int SEGMENTS = ChildCost.SEGMENTS;

    private final int hidden;
    private final float dropout;
    private final Parameter tokens;
    private final Parameter projWeight;
    private final Parameter projBias;
    private final Parameter positions;
    private final Parameter segments;
    private final Parameter lnGain;
    private final Parameter lnShift;

    /**
     * Creates the embeddings.
     *
     * @param vocabSize V
     * @param embeddingDim e
     * @param hidden E
     * @param maxPositions the number of position embeddings
     * @param dropout the dropout rate after LayerNorm
     */
    public Embeddings(int vocabSize, int embeddingDim, int hidden, int maxPositions, float dropout) {
        this.hidden = hidden;
        this.dropout = dropout;
        this.tokens = weight("token_table", new Shape(vocabSize, embeddingDim));
        boolean factorised = embeddingDim < hidden;
        this.projWeight = factorised ? weight("proj_weight", new Shape(hidden, embeddingDim)) : null;
        this.projBias = factorised ? bias("proj_bias", hidden) : null;
        this.positions = weight("position_table", new Shape(maxPositions, hidden));
        this.segments = weight("segment_table", new Shape(SEGMENTS, hidden));
        this.lnGain = gain("ln_gamma", hidden);
        this.lnShift = bias("ln_beta", hidden);
    }

    /**
     * The token table, which the masked-LM head reuses as its decoder.
     *
     * @return the V x e table
     */
    public Parameter tokenTable() {
        return tokens;
    }

    /**
     * Embeds a batch.
     *
     * @param ctx the batch tensors
     * @param training whether dropout is active
     * @return (B, T, E)
     */
    public NDArray apply(BatchContext ctx, boolean training) {
        NDArray x = Embedding.embedding(ctx.tokens(), ctx.weight(tokens), SparseFormat.DENSE).singletonOrThrow();
        if (projWeight != null) {
            x = Linear.linear(x, ctx.weight(projWeight), ctx.weight(projBias)).singletonOrThrow();
        }
        x = x.add(ctx.weight(positions).get(ctx.tokens().getManager(), new NDIndex(":{}", ctx.seqLen())));
        x = ctx.segments() == null
                ? x.add(ctx.weight(segments).get(ctx.tokens().getManager(), new NDIndex("0")))
                : x.add(Embedding.embedding(ctx.segments(), ctx.weight(segments), SparseFormat.DENSE).singletonOrThrow());
        x = LayerNorm.layerNorm(x, new Shape(hidden), ctx.weight(lnGain), ctx.weight(lnShift), 1e-5f).singletonOrThrow();
        return training ? ctx.dropout(x, dropout) : x;
    }
}
