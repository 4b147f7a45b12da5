package org.magicnas.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.magicnas.space.Architecture;
import org.magicnas.space.SearchSpace;

/**
 * The chain-style super-net: embeddings, N {@link ChoiceLayer}s and a masked-LM head for a text
 * space; a stem, N layers in stages and a classifier head for an image space. A forward pass runs
 * one child; {@link #pathParameters} lists exactly the parameters that child touches, which is
 * what a single-path optimizer step may update.
 *
 * <p>Through DJL's generic {@link Block#forward} the super-net runs its {@link #setActivePath active
 * path} on {@code NDList(tokens (B,T) int64, lengths (B) int32)} and returns the encoder output, or
 * on {@code NDList(images (B,C,H,W))} and returns class logits.
 */
public final class SuperNet extends ParamBlock {
    private final SuperNetConfig config;
    private final Embeddings embeddings;
    private final ImageStem stem;
    private final List<ChoiceLayer> layers = new ArrayList<>();
    private final MlmHead head;
    private final ImageHead classifier;
    private final Map<Block, List<Parameter>> parameterCache = new IdentityHashMap<>();
    private Architecture activePath;

    /**
     * Builds the super-net (parameters are created by {@link #initialize(NDManager)}).
     *
     * @param config what to build
     */
    public SuperNet(SuperNetConfig config) {
        this.config = config;
        SearchSpace s = config.space();
        boolean image = s.isImage();
        this.embeddings = image ? null
                : addChildBlock("embeddings", new Embeddings(config.vocabSize(), s.embeddingDim(), s.hidden(), config.maxPositions(), config.dropout()));
        this.stem = image ? addChildBlock("stem", new ImageStem(s.image())) : null;
        for (int i = 0; i < s.layers(); i++) {
            layers.add(addChildBlock("layer" + i, new ChoiceLayer(s, i, config.dropout())));
        }
        this.head = image ? null : addChildBlock("mlm_head", new MlmHead(embeddings.tokenTable(), config.vocabSize(), s.embeddingDim(), s.hidden()));
        this.classifier = image
                ? addChildBlock("classifier", new ImageHead(s.image(), s.image().outChannels(s.layers() - 1), config.classes(), config.dropout()))
                : null;
    }

    /**
     * Allocates and initialises every parameter of every candidate. Seed the engine first for
     * reproducible weights.
     *
     * @param manager the manager that owns the weights
     */
    public void initialize(NDManager manager) {
        initialize(manager, DataType.FLOAT32, new Shape(1, config.maxPositions()));
    }

    /**
     * What the super-net was built from.
     *
     * @return the configuration
     */
    public SuperNetConfig config() {
        return config;
    }

    /**
     * The search space.
     *
     * @return the space
     */
    public SearchSpace space() {
        return config.space();
    }

    /**
     * A layer.
     *
     * @param index from 0
     * @return the layer
     */
    public ChoiceLayer layer(int index) {
        return layers.get(index);
    }

    /**
     * The embeddings.
     *
     * @return the embeddings block (null for an image space)
     */
    public Embeddings embeddings() {
        return embeddings;
    }

    /**
     * The masked-LM head.
     *
     * @return the head block (null for an image space)
     */
    public MlmHead head() {
        return head;
    }

    /**
     * Embeds a batch of tokens, or runs the stem on a batch of images.
     *
     * @param ctx the batch
     * @param training whether dropout is active (and BatchNorm uses batch statistics)
     * @return (B, T, E), or the first layer's input (B, C, H, W)
     */
    public NDArray embed(BatchContext ctx, boolean training) {
        return stem != null ? stem.apply(ctx, training) : embeddings.apply(ctx, training);
    }

    /**
     * Class logits of an image super-net.
     *
     * @param features the last layer's output, (B, C, H, W)
     * @param ctx the batch
     * @param training whether dropout is active and BatchNorm uses batch statistics
     * @return (B, classes)
     */
    public NDArray classLogits(NDArray features, BatchContext ctx, boolean training) {
        if (classifier == null) {
            throw new IllegalStateException("class logits need an image space, not " + space().name());
        }
        return classifier.logits(features, ctx, training);
    }

    /**
     * Runs layers {@code [from, to)} of a child.
     *
     * @param arch the child
     * @param x the input of layer {@code from}, (B, T, E)
     * @param ctx the batch
     * @param training whether dropout is active
     * @param from the first layer, from 0
     * @param to one past the last layer
     * @return the output of layer {@code to - 1}
     */
    public NDArray encode(Architecture arch, NDArray x, BatchContext ctx, boolean training, int from, int to) {
        NDArray h = x;
        for (int i = from; i < to; i++) {
            h = layers.get(i).apply(arch.choice(i), h, ctx, training);
        }
        return h;
    }

    /**
     * Runs a whole child and keeps the outputs of the requested layers.
     *
     * @param arch the child
     * @param ctx the batch
     * @param training whether dropout is active
     * @param keep the layers (from 0, ascending) whose outputs to return, may be empty
     * @return the encoder output and the kept layer outputs
     */
    public EncoderOutput forward(Architecture arch, BatchContext ctx, boolean training, int[] keep) {
        return run(arch, ctx, training, keep, true);
    }

    /**
     * Runs a child only as far as the last requested layer and returns the requested outputs.
     *
     * @param arch the child
     * @param ctx the batch
     * @param training whether dropout is active
     * @param keep the layers (from 0, ascending) whose outputs to return, not empty
     * @return the kept outputs
     */
    public List<NDArray> keptOutputs(Architecture arch, BatchContext ctx, boolean training, int[] keep) {
        return run(arch, ctx, training, keep, false).kept();
    }

    private EncoderOutput run(Architecture arch, BatchContext ctx, boolean training, int[] keep, boolean toEnd) {
        NDArray h = embed(ctx, training);
        List<NDArray> kept = new ArrayList<>(keep.length);
        int from = 0;
        for (int layer : keep) {
            h = encode(arch, h, ctx, training, from, layer + 1);
            kept.add(h);
            from = layer + 1;
        }
        if (toEnd) {
            h = encode(arch, h, ctx, training, from, layers.size());
        }
        return new EncoderOutput(h, kept);
    }

    /**
     * Masked-LM logits at the given positions.
     *
     * @param ctx the batch the hidden states came from
     * @param hidden the encoder output, (B, T, E)
     * @param positions flat indices into B*T, int64
     * @return (M, V)
     */
    public NDArray mlmLogits(BatchContext ctx, NDArray hidden, NDArray positions) {
        return head.logits(ctx, hidden, positions);
    }

    /**
     * The trainable parameters a child touches: embeddings (or stem), head and its chosen candidates,
     * in a fixed order.
     *
     * @param arch the child
     * @return the parameters
     */
    public List<Parameter> pathParameters(Architecture arch) {
        List<Parameter> out = encoderPathParameters(arch);
        out.addAll(parametersOf(head != null ? head : classifier));
        return out;
    }

    /**
     * One child of the super-net as a runnable encoder sharing the super-net's weights.
     *
     * @param arch the child
     * @return the path
     */
    public MlmEncoder path(Architecture arch) {
        SuperNet net = this;
        return new MlmEncoder() {
            @Override
            public EncoderOutput forward(BatchContext ctx, boolean training, int[] keep) {
                return net.forward(arch, ctx, training, keep);
            }

            @Override
            public NDArray mlmLogits(BatchContext ctx, NDArray hidden, NDArray positions) {
                return net.mlmLogits(ctx, hidden, positions);
            }

            @Override
            public List<Parameter> trainableParameters() {
                return net.pathParameters(arch);
            }
        };
    }

    /**
     * The parameters a child's encoder touches: embeddings and its chosen candidates, without the
     * masked-LM head (what a supervised task trains, with its own head).
     *
     * @param arch the child
     * @return the parameters
     */
    public List<Parameter> encoderPathParameters(Architecture arch) {
        List<Parameter> out = new ArrayList<>(parametersOf(stem != null ? stem : embeddings));
        for (int i = 0; i < layers.size(); i++) {
            out.addAll(parametersOf(layers.get(i).candidate(arch.choice(i))));
        }
        return out;
    }

    /**
     * The parameters of one candidate operator.
     *
     * @param layer the layer, from 0
     * @param choice the candidate's index
     * @return its parameters, in a fixed order
     */
    public List<Parameter> operatorParameters(int layer, int choice) {
        return parametersOf(layers.get(layer).candidate(choice));
    }

    /**
     * Every trainable parameter of the super-net, in a fixed order.
     *
     * @return the parameters
     */
    public List<Parameter> allParameters() {
        return parametersOf(this);
    }

    /** Trainable parameters of a block (BatchNorm running statistics are not). */
    private List<Parameter> parametersOf(Block block) {
        return parameterCache.computeIfAbsent(block, b -> {
            List<Parameter> list = new ArrayList<>();
            for (Parameter p : b.getParameters().values()) {
                if (p.requiresGradient() && !list.contains(p)) {
                    list.add(p);
                }
            }
            return Collections.unmodifiableList(list);
        });
    }

    /** Every array of the super-net, trainable or not: what is saved. */
    private List<Parameter> savedParameters() {
        List<Parameter> list = new ArrayList<>();
        for (Parameter p : getParameters().values()) {
            if (!list.contains(p)) {
                list.add(p);
            }
        }
        return list;
    }

    /**
     * Sets the child that DJL's generic forward runs.
     *
     * @param arch the child
     */
    public void setActivePath(Architecture arch) {
        this.activePath = arch;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        if (activePath == null) {
            throw new IllegalStateException("no active path: call setActivePath first");
        }
        if (stem != null) {
            BatchContext images = BatchContext.ofImages(inputs.head().getManager(), inputs.head(), 0);
            return new NDList(classLogits(forward(activePath, images, training, new int[0]).output(), images, training));
        }
        NDArray tokens = inputs.get(0);
        int b = (int) tokens.getShape().get(0);
        int t = (int) tokens.getShape().get(1);
        long[] ids = tokens.toLongArray();
        int[] idsInt = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            idsInt[i] = (int) ids[i];
        }
        int[] lengths = inputs.get(1).toType(DataType.INT32, false).toIntArray();
        BatchContext ctx = new BatchContext(tokens.getManager(), idsInt, lengths, t, 0);
        if (lengths.length != b) {
            throw new IllegalArgumentException("got " + lengths.length + " lengths for " + b + " rows");
        }
        return new NDList(forward(activePath, ctx, training, new int[0]).output());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape tokens = inputShapes[0];
        if (stem != null) {
            return new Shape[] {new Shape(tokens.get(0), config.classes())};
        }
        return new Shape[] {new Shape(tokens.get(0), tokens.get(1), space().hidden())};
    }

    /**
     * Writes every weight (all candidates) and every BatchNorm running statistic.
     *
     * @param out the stream
     * @throws IOException if writing fails
     */
    public void save(DataOutputStream out) throws IOException {
        ParameterIO.save(savedParameters(), out);
    }

    /**
     * Reads weights written by {@link #save} into this (initialised, identically configured)
     * super-net's arrays.
     *
     * @param in the stream
     * @throws IOException if reading fails or the structure differs
     */
    public void load(DataInputStream in) throws IOException {
        try {
            ParameterIO.load(savedParameters(), in);
        } catch (IOException e) {
            throw new IOException("weights do not match this super-net (" + space().describe() + "): " + e.getMessage(), e);
        }
    }
}
