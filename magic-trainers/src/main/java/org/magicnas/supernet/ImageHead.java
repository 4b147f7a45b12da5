package org.magicnas.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import org.magicnas.space.ImageLayout;

/**
 * The fixed head of an image super-net: a 1 x 1 convolution to the head width with BatchNorm and
 * ReLU6, global average pooling, dropout and a linear classifier.
 */
public final class ImageHead extends ParamBlock {
    private final Conv conv;
    private final Parameter weight;
    private final Parameter bias;
    private final float dropout;

    /**
     * Creates the head.
     *
     * @param layout the space's frame
     * @param lastChannels the channels of the last layer's output
     * @param classes the classifier's outputs
     * @param dropout the dropout rate before the classifier
     */
    public ImageHead(ImageLayout layout, int lastChannels, int classes, float dropout) {
        this.conv = addChildBlock("conv", new Conv(lastChannels, layout.headChannels(), 1, 1, false, true));
        this.weight = weight("classifier_weight", new Shape(classes, layout.headChannels()));
        this.bias = bias("classifier_bias", classes);
        this.dropout = dropout;
    }

    /**
     * Class logits.
     *
     * @param features the last layer's output, (B, C, H, W)
     * @param ctx the batch
     * @param training whether dropout is active and BatchNorm uses batch statistics
     * @return (B, classes)
     */
    public NDArray logits(NDArray features, BatchContext ctx, boolean training) {
        NDArray pooled = conv.apply(features, ctx, training).mean(new int[] {3}).mean(new int[] {2});
        if (training) {
            pooled = ctx.dropout(pooled, dropout);
        }
        return Linear.linear(pooled, weight.getArray(), bias.getArray()).singletonOrThrow();
    }
}
