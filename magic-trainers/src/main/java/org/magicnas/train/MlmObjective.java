package org.magicnas.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.magicnas.supernet.BatchContext;

/** The masked-LM objective: cross entropy of the original tokens at the masked positions. */
public final class MlmObjective {
    private MlmObjective() {}

    /**
     * Summed cross entropy over the masked positions.
     *
     * @param logits (M, V)
     * @param labels (M), int64
     * @return a scalar: the sum over the M positions
     */
    public static NDArray summedLoss(NDArray logits, NDArray labels) {
        return fp32(logits).logSoftmax(-1).gather(labels.reshape(-1, 1), 1).sum().neg();
    }

    /**
     * Mean cross entropy over the masked positions (the training loss).
     *
     * @param logits (M, V)
     * @param labels (M), int64
     * @return a scalar
     */
    public static NDArray loss(NDArray logits, NDArray labels) {
        // A scalar array of our own, not a Java number: see BatchContext.scalar.
        return summedLoss(logits, labels).div(BatchContext.scalar(labels.getManager(), labels.getShape().get(0)));
    }

    /**
     * The number of masked positions whose most likely token is the original one.
     *
     * @param logits (M, V)
     * @param labels (M), int64
     * @return the count
     */
    public static long correct(NDArray logits, NDArray labels) {
        return logits.argMax(-1).eq(labels).sum().toLongArray()[0];
    }

    /**
     * The logits in fp32, whatever the forward pass's precision: themselves in fp32 training; in mixed
     * precision, plus an fp32 zero of shape (1), which type promotion makes fp32 and autograd
     * differentiates (DJL's {@code toType} result has no gradient function).
     */
    private static NDArray fp32(NDArray logits) {
        return logits.getDataType() == DataType.FLOAT32 ? logits : logits.add(logits.getManager().zeros(new Shape(1)));
    }
}
