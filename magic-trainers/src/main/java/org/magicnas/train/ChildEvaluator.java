package org.magicnas.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.magicnas.data.MlmBatch;
import org.magicnas.space.Architecture;
import org.magicnas.supernet.MlmEncoder;
import org.magicnas.supernet.SuperNet;

/**
 * Scores a child of a super-net on fixed validation batches, without dropout and without gradients,
 * so the same weights always give the same score.
 */
public final class ChildEvaluator {
    private final SuperNet net;
    private final NDManager manager;

    /**
     * Creates an evaluator.
     *
     * @param net the super-net
     * @param manager a manager under which each batch's arrays are scoped
     */
    public ChildEvaluator(SuperNet net, NDManager manager) {
        this.net = net;
        this.manager = manager;
    }

    /**
     * Scores a child.
     *
     * @param arch the child
     * @param batches the validation batches
     * @return loss per masked token and accuracy
     */
    public ChildScore evaluate(Architecture arch, List<MlmBatch> batches) {
        return evaluate(net.path(arch), batches, manager);
    }

    /**
     * Scores any child encoder (a super-net path or a stand-alone child).
     *
     * @param child the child
     * @param batches the validation batches
     * @param manager a manager under which each batch's arrays are scoped
     * @return loss per masked token and accuracy
     */
    public static ChildScore evaluate(MlmEncoder child, List<MlmBatch> batches, NDManager manager) {
        double lossSum = 0;
        long correct = 0;
        long count = 0;
        for (MlmBatch batch : batches) {
            try (NDManager sm = manager.newSubManager()) {
                BatchTensors bt = BatchTensors.of(sm, batch, 0);
                NDArray hidden = child.forward(bt.context(), false, new int[0]).output();
                NDArray logits = child.mlmLogits(bt.context(), hidden, bt.positions());
                lossSum += MlmObjective.summedLoss(logits, bt.labels()).getFloat();
                correct += MlmObjective.correct(logits, bt.labels());
                count += batch.maskedCount();
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("no masked tokens in the validation batches");
        }
        return new ChildScore(lossSum / count, (double) correct / count, count);
    }
}
