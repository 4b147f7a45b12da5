package org.magicnas.finetune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import org.magicnas.supernet.BatchContext;
import org.magicnas.supernet.ParamBlock;

/**
 * BERT's sequence head: the [CLS] position's output through a dense layer with tanh (the pooler),
 * dropout, and a linear layer to the outputs (class logits, or one value for regression).
 */
public final class ClassificationHead extends ParamBlock {
    private final float dropout;
    private final Parameter poolWeight;
    private final Parameter poolBias;
    private final Parameter outWeight;
    private final Parameter outBias;

    /**
     * Creates the head.
     *
     * @param hidden the encoder width E
     * @param outputs classes, or 1 for regression
     * @param dropout the dropout rate before the output layer
     */
    public ClassificationHead(int hidden, int outputs, float dropout) {
        this.dropout = dropout;
        this.poolWeight = weight("pool_weight", new Shape(hidden, hidden));
        this.poolBias = bias("pool_bias", hidden);
        this.outWeight = weight("out_weight", new Shape(outputs, hidden));
        this.outBias = bias("out_bias", outputs);
    }

    /**
     * Outputs from the encoder's last layer.
     *
     * @param hidden (B, T, E)
     * @param ctx the batch
     * @param training whether dropout is active
     * @return (B, outputs)
     */
    public NDArray apply(NDArray hidden, BatchContext ctx, boolean training) {
        NDArray cls = hidden.get(new NDIndex(":, 0, :"));
        NDArray pooled = Linear.linear(cls, poolWeight.getArray(), poolBias.getArray()).singletonOrThrow().tanh();
        if (training) {
            pooled = ctx.dropout(pooled, dropout);
        }
        return Linear.linear(pooled, outWeight.getArray(), outBias.getArray()).singletonOrThrow();
    }
}
