package org.magicnas.supernet;

import ai.djl.ndarray.NDArray;
import org.magicnas.space.OperatorSpec;

/**
 * The MobileNetV2 inverted bottleneck {@code MB<k>E<r>}: 1 x 1 expansion to r times the input
 * channels, depthwise k x k convolution with the layer's stride, 1 x 1 linear projection, each with
 * BatchNorm and the first two with ReLU6; the input is added back when the layer keeps its shape.
 */
final class InvertedBottleneck extends Candidate {
    private final Conv expand;
    private final Conv depthwise;
    private final Conv project;
    private final boolean residual;

    InvertedBottleneck(OperatorSpec spec, int in, int out, int stride) {
        super(spec);
        int mid = in * spec.innerDim();
        this.expand = addChildBlock("expand", new Conv(in, mid, 1, 1, false, true));
        this.depthwise = addChildBlock("depthwise", new Conv(mid, mid, spec.kernel(), stride, true, true));
        this.project = addChildBlock("project", new Conv(mid, out, 1, 1, false, false));
        this.residual = stride == 1 && in == out;
    }

    @Override
    public NDArray apply(NDArray x, BatchContext ctx, boolean training) {
        NDArray y = project.apply(depthwise.apply(expand.apply(x, ctx, training), ctx, training), ctx, training);
        return residual ? x.add(y) : y;
    }
}
