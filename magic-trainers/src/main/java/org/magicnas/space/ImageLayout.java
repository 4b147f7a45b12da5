package org.magicnas.space;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The fixed frame of an image search space, as in ProxylessNAS: a stem (a 3 x 3 convolution with a
 * stride, then a fixed depthwise-separable block), searchable layers grouped in stages (each stage
 * has an output width, a layer count and the stride of its first layer), and a head (a 1 x 1
 * convolution, global average pooling and a linear classifier). Convolutions pad by half the
 * kernel, so a stride s maps a side n to ceil(n / s).
 *
 * @param inputChannels channels of the input images (1 for grey, 3 for RGB)
 * @param resolution the side of the (square) input images
 * @param stemChannels output channels of the stem convolution
 * @param stemStride stride of the stem convolution
 * @param firstChannels output channels of the fixed separable block after the stem
 * @param stages the searchable stages, in order
 * @param headChannels output channels of the head's 1 x 1 convolution
 */
public record ImageLayout(int inputChannels, int resolution, int stemChannels, int stemStride, int firstChannels, List<Stage> stages,
        int headChannels) {

    /**
     * One stage: {@code layers} searchable layers of {@code channels} output channels, the first of
     * which has the given stride.
     *
     * @param channels the output channels
     * @param layers the number of layers
     * @param stride the stride of the first layer
     */
    public record Stage(int channels, int layers, int stride) {
        /** Validates the values. */
        public Stage {
            if (channels < 1 || layers < 1 || stride < 1) {
                throw new IllegalArgumentException("stage (channels " + channels + ", layers " + layers + ", stride " + stride
                        + "): all must be positive");
            }
        }
    }

    /** Validates the values. */
    public ImageLayout {
        stages = List.copyOf(Objects.requireNonNull(stages, "stages"));
        if (inputChannels < 1 || resolution < 1 || stemChannels < 1 || stemStride < 1 || firstChannels < 1 || headChannels < 1) {
            throw new IllegalArgumentException("image layout sizes must be positive: input " + inputChannels + "x" + resolution + ", stem "
                    + stemChannels + "/" + stemStride + ", first " + firstChannels + ", head " + headChannels);
        }
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("an image layout needs at least one stage");
        }
    }

    /**
     * The number of searchable layers (over all stages).
     *
     * @return the layer count
     */
    public int layers() {
        return stages.stream().mapToInt(Stage::layers).sum();
    }

    private Stage stageOf(int layer) {
        int at = 0;
        for (Stage s : stages) {
            if (layer < at + s.layers()) {
                return s;
            }
            at += s.layers();
        }
        throw new IndexOutOfBoundsException("layer " + layer + " outside [0, " + layers() + ")");
    }

    private boolean firstOfStage(int layer) {
        int at = 0;
        for (Stage s : stages) {
            if (layer == at) {
                return true;
            }
            at += s.layers();
        }
        return false;
    }

    /**
     * Input channels of a layer.
     *
     * @param layer from 0
     * @return the channels
     */
    public int inChannels(int layer) {
        return layer == 0 ? firstChannels : outChannels(layer - 1);
    }

    /**
     * Output channels of a layer.
     *
     * @param layer from 0
     * @return the channels
     */
    public int outChannels(int layer) {
        return stageOf(layer).channels();
    }

    /**
     * The stride of a layer: the stage's for its first layer, else 1.
     *
     * @param layer from 0
     * @return the stride
     */
    public int stride(int layer) {
        return firstOfStage(layer) ? stageOf(layer).stride() : 1;
    }

    /**
     * Whether a layer's output has the shape of its input (stride 1, same channels): only there may the
     * layer have a residual connection or be zeroed out.
     *
     * @param layer from 0
     * @return true if the shape is kept
     */
    public boolean keepsShape(int layer) {
        return stride(layer) == 1 && inChannels(layer) == outChannels(layer);
    }

    /**
     * The side of a layer's input feature map.
     *
     * @param layer from 0 (the layer count gives the head's input)
     * @return the side
     */
    public int inputSide(int layer) {
        int side = ceilDiv(resolution, stemStride);
        for (int i = 0; i < layer; i++) {
            side = ceilDiv(side, stride(i));
        }
        return side;
    }

    /**
     * The last layer of each stage, the block boundaries at which MAGIC-A aligns.
     *
     * @return ascending layer indices
     */
    public int[] stageEnds() {
        int[] out = new int[stages.size()];
        int at = 0;
        for (int i = 0; i < out.length; i++) {
            at += stages.get(i).layers();
            out[i] = at - 1;
        }
        return out;
    }

    /**
     * Why a candidate may not stand at a layer, or null if it may.
     *
     * @param layer from 0
     * @param op the candidate
     * @return the reason, or null
     */
    public String refusal(int layer, OperatorSpec op) {
        if (!op.kind().image()) {
            return op.name() + " is a text operator; image layers take MB<k>E<ratio> or ZERO";
        }
        if (op.kind() == OperatorKind.ZERO && !keepsShape(layer)) {
            return "ZERO (zero-out) where the layer changes shape (" + inChannels(layer) + " -> " + outChannels(layer) + " channels, stride "
                    + stride(layer) + "); it is allowed only where a layer keeps its shape";
        }
        return null;
    }

    /**
     * Parameters and forward FLOPs (a multiply-add counts two) of a child on one image, with a
     * classifier of the given number of classes. BatchNorm contributes its gain and shift; running
     * statistics are not parameters.
     *
     * @param arch the child
     * @param classes the classifier's outputs
     * @return the counts (the encoder part is the searchable layers)
     */
    public ChildCost cost(Architecture arch, int classes) {
        Counter c = new Counter();
        int side = ceilDiv(resolution, stemStride);
        c.conv(inputChannels, stemChannels, 3, 1, side);
        c.conv(stemChannels, stemChannels, 3, stemChannels, side);
        c.conv(stemChannels, firstChannels, 1, 1, side);
        long fixed = c.parameters;
        for (int layer = 0; layer < layers(); layer++) {
            OperatorSpec op = arch.operator(layer);
            if (op.kind() != OperatorKind.MB) {
                continue;
            }
            int in = inChannels(layer);
            int mid = in * op.innerDim();
            int inSide = inputSide(layer);
            int outSide = ceilDiv(inSide, stride(layer));
            c.conv(in, mid, 1, 1, inSide);
            c.conv(mid, mid, op.kernel(), mid, outSide);
            c.conv(mid, outChannels(layer), 1, 1, outSide);
        }
        long encoder = c.parameters - fixed;
        c.conv(outChannels(layers() - 1), headChannels, 1, 1, inputSide(layers()));
        c.parameters += (long) headChannels * classes + classes;
        c.flops += 2L * headChannels * classes;
        return new ChildCost(c.parameters, encoder, c.flops);
    }

    /** Accumulates convolutions with BatchNorm. */
    private static final class Counter {
        long parameters;
        long flops;

        void conv(int in, int out, int kernel, int groups, int outSide) {
            long weights = (long) out * (in / groups) * kernel * kernel;
            parameters += weights + 2L * out;
            flops += 2 * weights * outSide * outSide;
        }
    }

    /**
     * A one-line description of the frame.
     *
     * @return e.g. {@code 1x28 stem 16/1 first 8 stages [16x2/2, 24x3/2] head 128}
     */
    public String describe() {
        List<String> s = new ArrayList<>();
        for (Stage st : stages) {
            s.add(st.channels() + "x" + st.layers() + "/" + st.stride());
        }
        return inputChannels + "x" + resolution + " stem " + stemChannels + "/" + stemStride + " first " + firstChannels + " stages "
                + s + " head " + headChannels;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
