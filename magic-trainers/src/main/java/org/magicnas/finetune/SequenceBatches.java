package org.magicnas.finetune;

import ai.djl.ndarray.NDManager;
import org.magicnas.supernet.BatchContext;

/** Pads a slice of examples into a batch as long as its longest example. */
public final class SequenceBatches {
    private SequenceBatches() {}

    /**
     * The tensors of examples {@code [from, to)}.
     *
     * @param manager the step's manager
     * @param data the examples
     * @param from the first example
     * @param to one past the last
     * @param dropoutSeed the seed of the batch's dropout masks
     * @return the batch
     */
    public static BatchContext context(NDManager manager, SequenceData data, int from, int to, long dropoutSeed) {
        int b = to - from;
        int t = 0;
        for (int i = from; i < to; i++) {
            t = Math.max(t, data.ids()[i].length);
        }
        int[] ids = new int[b * t];
        int[] seg = new int[b * t];
        int[] lengths = new int[b];
        for (int i = 0; i < b; i++) {
            int[] row = data.ids()[from + i];
            System.arraycopy(row, 0, ids, i * t, row.length);
            System.arraycopy(data.segments()[from + i], 0, seg, i * t, row.length);
            lengths[i] = row.length;
        }
        return new BatchContext(manager, ids, seg, lengths, t, dropoutSeed);
    }
}
