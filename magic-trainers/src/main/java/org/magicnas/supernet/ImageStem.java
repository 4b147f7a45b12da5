package org.magicnas.supernet;

import ai.djl.ndarray.NDArray;
import org.magicnas.space.ImageLayout;

/**
 * The fixed stem of an image super-net: a 3 x 3 convolution with the layout's stride, then a
 * depthwise-separable block (depthwise 3 x 3, 1 x 1 projection) to the first layer's width, as
 * MobileNetV2 and ProxylessNAS begin.
 */
public final class ImageStem extends ParamBlock {
    private final Conv stem;
    private final Conv depthwise;
    private final Conv project;

    /**
     * Creates the stem.
     *
     * @param layout the space's frame
     */
    public ImageStem(ImageLayout layout) {
        this.stem = addChildBlock("conv", new Conv(layout.inputChannels(), layout.stemChannels(), 3, layout.stemStride(), false, true));
        this.depthwise = addChildBlock("depthwise", new Conv(layout.stemChannels(), layout.stemChannels(), 3, 1, true, true));
        this.project = addChildBlock("project", new Conv(layout.stemChannels(), layout.firstChannels(), 1, 1, false, false));
    }

    /**
     * Runs the stem on a batch's images.
     *
     * @param ctx the batch, with images (B, C, H, W)
     * @param training whether BatchNorm uses batch statistics
     * @return the first layer's input
     */
    public NDArray apply(BatchContext ctx, boolean training) {
        return project.apply(depthwise.apply(stem.apply(ctx.images(), ctx, training), ctx, training), ctx, training);
    }
}
