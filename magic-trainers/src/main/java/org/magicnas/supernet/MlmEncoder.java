package org.magicnas.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.util.List;

/** One runnable child with its masked-LM head: a super-net path or a stand-alone child model. */
public interface MlmEncoder {

    /**
     * Runs the encoder and keeps the outputs of the requested layers.
     *
     * @param ctx the batch
     * @param training whether dropout is active
     * @param keep layers (from 0, ascending) whose outputs to return, may be empty
     * @return the encoder output and the kept layer outputs
     */
    EncoderOutput forward(BatchContext ctx, boolean training, int[] keep);

    /**
     * Masked-LM logits at the given positions.
     *
     * @param ctx the batch the hidden states came from
     * @param hidden the encoder output, (B, T, E)
     * @param positions flat indices into B*T, int64
     * @return (M, V)
     */
    NDArray mlmLogits(BatchContext ctx, NDArray hidden, NDArray positions);

    /**
     * The parameters this child trains, in a fixed order.
     *
     * @return the parameters
     */
    List<Parameter> trainableParameters();
}
