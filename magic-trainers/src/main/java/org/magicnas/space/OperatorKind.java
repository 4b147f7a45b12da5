package org.magicnas.space;

/** The kinds of candidate operator a layer of a super-net can hold. */
public enum OperatorKind {
    /** Multi-head self-attention: fused Q, K, V projections E to d, h heads, output d to E. */
    MHA,
    /** Feed-forward network: Linear E to F, GELU, Linear F to E. */
    FFN,
    /** Convolution: Linear E to E, depthwise 1-D convolution of kernel k, GELU, Linear E to E. */
    CONV,
    /**
     * Inverted bottleneck of an image space (MobileNetV2): 1x1 expansion by a ratio, depthwise k x k
     * convolution with the layer's stride, 1x1 projection, BatchNorm after each, ReLU6 after the first
     * two, and a residual connection when the layer keeps its shape.
     */
    MB,
    /** Zero-out: the layer is skipped (its output is its input), allowed only where the layer keeps its shape. */
    ZERO;

    /**
     * Whether the kind belongs to image spaces.
     *
     * @return true for MB and ZERO
     */
    public boolean image() {
        return this == MB || this == ZERO;
    }
}
