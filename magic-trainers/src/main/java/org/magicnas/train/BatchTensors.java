package org.magicnas.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.magicnas.data.MlmBatch;
import org.magicnas.supernet.BatchContext;

/**
 * A masked-LM batch as tensors in a step's manager.
 *
 * @param context token ids and padding
 * @param positions masked positions as flat indices into B*T, int64
 * @param labels the original tokens there, int64
 */
public record BatchTensors(BatchContext context, NDArray positions, NDArray labels) {

    /**
     * Converts a batch.
     *
     * @param manager the step's manager
     * @param batch the batch
     * @param dropoutSeed the seed of the batch's dropout masks
     * @return the tensors
     */
    public static BatchTensors of(NDManager manager, MlmBatch batch, long dropoutSeed) {
        BatchContext ctx = new BatchContext(manager, batch.tokenIds(), batch.lengths(), batch.seqLen(), dropoutSeed);
        return new BatchTensors(ctx, BatchContext.owned(manager, manager.create(toLong(batch.maskedPositions()))),
                BatchContext.owned(manager, manager.create(toLong(batch.maskedLabels()))));
    }

    private static long[] toLong(int[] values) {
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
