package org.magicnas.finetune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import org.magicnas.supernet.BatchContext;
import org.magicnas.supernet.ChildModel;
import org.magicnas.supernet.ParamBlock;

/** An encoder (a stand-alone child) with a sequence classification or regression head. */
public final class SequenceModel extends ParamBlock {
    private final ChildModel encoder;
    private final ClassificationHead head;
    private final TaskKind kind;
    private final int outputs;

    /**
     * Creates the model; initialise the head with {@link #initializeHead(NDManager)} (the encoder keeps
     * its weights).
     *
     * @param encoder the encoder, initialised or loaded
     * @param kind classification or regression
     * @param outputs the class count (1 for regression)
     * @param dropout the head's dropout rate
     */
    public SequenceModel(ChildModel encoder, TaskKind kind, int outputs, float dropout) {
        if (kind == TaskKind.CLASSIFICATION ? outputs < 2 : outputs != 1) {
            throw new IllegalArgumentException(kind + " needs " + (kind == TaskKind.CLASSIFICATION ? "at least 2 classes" : "1 output")
                    + ", got " + outputs);
        }
        this.encoder = addChildBlock("encoder", encoder);
        this.head = addChildBlock("head", new ClassificationHead(encoder.architecture().space().hidden(), outputs, dropout));
        this.kind = kind;
        this.outputs = outputs;
    }

    /**
     * Allocates and initialises the head's parameters.
     *
     * @param manager the manager that owns them
     */
    public void initializeHead(NDManager manager) {
        // Parameters that already hold arrays (the encoder's) are left as they are.
        initialize(manager, DataType.FLOAT32, new Shape(1));
    }

    /**
     * The encoder.
     *
     * @return the encoder
     */
    public ChildModel encoder() {
        return encoder;
    }

    /**
     * Classification or regression.
     *
     * @return the kind
     */
    public TaskKind kind() {
        return kind;
    }

    /**
     * The number of outputs.
     *
     * @return classes, or 1
     */
    public int outputs() {
        return outputs;
    }

    /**
     * Runs the model.
     *
     * @param ctx the batch
     * @param training whether dropout is active
     * @return logits (B, C) or values (B, 1)
     */
    public NDArray apply(BatchContext ctx, boolean training) {
        return head.apply(encoder.forward(ctx, training, new int[0]).output(), ctx, training);
    }

    /**
     * The parameters fine-tuning trains: the encoder's (not its masked-LM head) and the head's.
     *
     * @return the parameters, in a fixed order
     */
    public List<Parameter> trainableParameters() {
        List<Parameter> out = new ArrayList<>(encoder.encoderParameters());
        out.addAll(head.getParameters().values());
        return out;
    }
}
