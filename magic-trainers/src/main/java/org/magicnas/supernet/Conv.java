package org.magicnas.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;

/**
 * A square 2-D convolution without bias (a BatchNorm follows), padded by half the kernel, with
 * its BatchNorm and an optional ReLU6: the unit every image block is made of.
 */
final class Conv extends ParamBlock {
    private static final Shape DILATION = new Shape(1, 1);

    private final Parameter weight;
    private final BatchNorm2d norm;
    private final Shape stride;
    private final Shape padding;
    private final int groups;
    private final boolean relu6;

    /**
     * Creates the unit.
     *
     * @param in input channels
     * @param out output channels
     * @param kernel the kernel side
     * @param stride the stride
     * @param depthwise whether each channel is convolved alone (in must equal out)
     * @param relu6 whether ReLU6 follows the BatchNorm
     */
    Conv(int in, int out, int kernel, int stride, boolean depthwise, boolean relu6) {
        this.groups = depthwise ? in : 1;
        this.weight = convWeight("weight", new Shape(out, in / groups, kernel, kernel));
        this.norm = addChildBlock("bn", new BatchNorm2d(out));
        this.stride = new Shape(stride, stride);
        this.padding = new Shape(kernel / 2, kernel / 2);
        this.relu6 = relu6;
    }

    NDArray apply(NDArray x, BatchContext ctx, boolean training) {
        NDArray y = Conv2d.conv2d(x, weight.getArray(), null, stride, padding, DILATION, groups).singletonOrThrow();
        y = norm.apply(y, ctx, training);
        return relu6 ? y.clip(0f, 6f) : y;
    }
}
