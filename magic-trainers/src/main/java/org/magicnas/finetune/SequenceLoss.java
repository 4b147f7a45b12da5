package org.magicnas.finetune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import org.magicnas.supernet.BatchContext;
import org.magicnas.train.MlmObjective;

/** The training loss of a downstream head: cross entropy for classes, mean squared error for values. */
public final class SequenceLoss {
    private SequenceLoss() {}

    /**
     * The mean loss of examples {@code [from, to)}.
     *
     * @param outputs the head's outputs for those examples, (B, C) or (B, 1)
     * @param data the examples with their labels
     * @param from the first example
     * @param to one past the last
     * @param manager the step's manager
     * @return a scalar
     */
    public static NDArray of(NDArray outputs, SequenceData data, int from, int to, NDManager manager) {
        if (data.classes() != null) {
            long[] labels = new long[to - from];
            for (int i = from; i < to; i++) {
                labels[i - from] = data.classes()[i];
            }
            return MlmObjective.loss(outputs, BatchContext.owned(manager, manager.create(labels)));
        }
        return outputs.reshape(-1).sub(BatchContext.owned(manager, manager.create(Arrays.copyOfRange(data.targets(), from, to)))).square().mean();
    }
}
