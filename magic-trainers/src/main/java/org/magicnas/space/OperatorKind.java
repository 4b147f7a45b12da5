package org.magicnas.space;

/** The kinds of candidate operator a layer of the text super-net can hold. */
public enum OperatorKind {
    /** Multi-head self-attention: fused Q, K, V projections E to d, h heads, output d to E. */
    MHA,
    /** Feed-forward network: Linear E to F, GELU, Linear F to E. */
    FFN,
    /** Convolution: Linear E to E, depthwise 1-D convolution of kernel k, GELU, Linear E to E. */
    CONV
}
