package org.magicnas.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import org.magicnas.space.Architecture;

/**
 * A stand-alone child: embeddings, one operator per layer and the masked-LM head, with no other
 * candidates. Built fresh (for stand-alone training) or around the very operator objects of a
 * super-net (to save or run one child on its own).
 */
public final class ChildModel extends ParamBlock implements MlmEncoder {
    private final Architecture arch;
    private final Embeddings embeddings;
    private final List<Operator> operators = new ArrayList<>();
    private final MlmHead head;
    private final int maxPositions;

    private ChildModel(Architecture arch, Embeddings embeddings, List<Operator> ops, MlmHead head, int maxPositions) {
        this.arch = arch;
        this.maxPositions = maxPositions;
        this.embeddings = addChildBlock("embeddings", embeddings);
        for (int i = 0; i < ops.size(); i++) {
            operators.add(addChildBlock("layer" + i, ops.get(i)));
        }
        this.head = addChildBlock("mlm_head", head);
    }

    /**
     * A fresh child with its own parameters (call {@link #initialize(NDManager)}).
     *
     * @param config vocabulary, positions and dropout, and the space the child comes from
     * @param arch the child
     * @return the model
     */
    public static ChildModel create(SuperNetConfig config, Architecture arch) {
        int hidden = config.space().hidden();
        int e = config.space().embeddingDim();
        Embeddings emb = new Embeddings(config.vocabSize(), e, hidden, config.maxPositions(), config.dropout());
        List<Operator> ops = new ArrayList<>();
        for (int i = 0; i < arch.space().layers(); i++) {
            ops.add(Operator.create(arch.operator(i), hidden, config.dropout()));
        }
        return new ChildModel(arch, emb, ops, new MlmHead(emb.tokenTable(), config.vocabSize(), e, hidden), config.maxPositions());
    }

    /**
     * A fresh child that shares another child's embeddings (token table included, so its masked-LM
     * head is tied to the shared table), as ELECTRA's generator shares the discriminator's.
     *
     * @param config the configuration of the new child's space (same widths and vocabulary)
     * @param arch the new child
     * @param shared the child whose embeddings are shared
     * @return the model; {@link #initialize(NDManager)} creates only its own parameters
     */
    public static ChildModel sharingEmbeddings(SuperNetConfig config, Architecture arch, ChildModel shared) {
        int hidden = config.space().hidden();
        int e = config.space().embeddingDim();
        List<Operator> ops = new ArrayList<>();
        for (int i = 0; i < arch.space().layers(); i++) {
            ops.add(Operator.create(arch.operator(i), hidden, config.dropout()));
        }
        return new ChildModel(arch, shared.embeddings, ops, new MlmHead(shared.embeddings.tokenTable(), config.vocabSize(), e, hidden),
                config.maxPositions());
    }

    /**
     * Wraps a super-net's embeddings, the child's chosen operators and the head, sharing their
     * parameters.
     *
     * @param net the super-net
     * @param arch the child
     * @return the model
     */
    public static ChildModel of(SuperNet net, Architecture arch) {
        List<Operator> ops = new ArrayList<>();
        for (int i = 0; i < arch.space().layers(); i++) {
            ops.add((Operator) net.layer(i).candidate(arch.choice(i)));
        }
        return new ChildModel(arch, net.embeddings(), ops, net.head(), net.config().maxPositions());
    }

    /**
     * Allocates and initialises the parameters.
     *
     * @param manager the manager that owns them
     */
    public void initialize(NDManager manager) {
        initialize(manager, DataType.FLOAT32, new Shape(1, maxPositions));
    }

    /**
     * The vocabulary size of the token table.
     *
     * @return V
     */
    public int embeddingsTokenCount() {
        return (int) embeddings.tokenTable().getShape().get(0);
    }

    /**
     * The child's architecture.
     *
     * @return the architecture
     */
    public Architecture architecture() {
        return arch;
    }

    @Override
    public EncoderOutput forward(BatchContext ctx, boolean training, int[] keep) {
        NDArray h = embeddings.apply(ctx, training);
        List<NDArray> kept = new ArrayList<>(keep.length);
        int next = 0;
        for (int i = 0; i < operators.size(); i++) {
            h = operators.get(i).apply(h, ctx, training);
            if (next < keep.length && keep[next] == i) {
                kept.add(h);
                next++;
            }
        }
        return new EncoderOutput(h, kept);
    }

    @Override
    public NDArray mlmLogits(BatchContext ctx, NDArray hidden, NDArray positions) {
        return head.logits(ctx, hidden, positions);
    }

    /**
     * The parameters of the encoder alone (embeddings and operators, not the masked-LM head), in a
     * fixed order: what a downstream task fine-tunes.
     *
     * @return the parameters
     */
    public List<Parameter> encoderParameters() {
        List<Parameter> out = new ArrayList<>();
        for (Parameter p : embeddings.getParameters().values()) {
            out.add(p);
        }
        for (Operator op : operators) {
            for (Parameter p : op.getParameters().values()) {
                out.add(p);
            }
        }
        return out;
    }

    @Override
    public List<Parameter> trainableParameters() {
        List<Parameter> out = new ArrayList<>();
        for (Parameter p : getParameters().values()) {
            if (!out.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }
}
