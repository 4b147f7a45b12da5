package org.magicnas.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.magicnas.data.MlmBatch;
import org.magicnas.space.Architecture;
import org.magicnas.supernet.SuperNet;

/**
 * Scores many children of a super-net at once, computing each shared prefix once per batch: the
 * children form a trie by their operators from the first layer on, and a depth-first walk keeps only
 * the current path's activations. Without dropout and gradients, each child's score equals
 * {@link ChildEvaluator}'s up to floating-point summation order.
 */
public final class PrefixSharingEvaluator {
    private final SuperNet net;
    private final NDManager manager;

    /**
     * Creates an evaluator.
     *
     * @param net the super-net
     * @param manager a manager under which each batch's arrays are scoped
     */
    public PrefixSharingEvaluator(SuperNet net, NDManager manager) {
        this.net = net;
        this.manager = manager;
    }

    /**
     * Scores children.
     *
     * @param children the children (duplicates are scored once)
     * @param batches the validation batches
     * @return each distinct child's score, in first-seen order
     */
    public Map<Architecture, ChildScore> evaluate(List<Architecture> children, List<MlmBatch> batches) {
        List<Architecture> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(children));
        double[] loss = new double[distinct.size()];
        long[] correct = new long[distinct.size()];
        long count = 0;
        int[] all = new int[distinct.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        for (MlmBatch batch : batches) {
            try (NDManager sm = manager.newSubManager()) {
                BatchTensors bt = BatchTensors.of(sm, batch, 0);
                walk(distinct, all, 0, net.embed(bt.context(), false), bt, sm, loss, correct);
            }
            count += batch.maskedCount();
        }
        if (count == 0) {
            throw new IllegalArgumentException("no masked tokens in the validation batches");
        }
        Map<Architecture, ChildScore> out = new LinkedHashMap<>();
        for (int i = 0; i < distinct.size(); i++) {
            out.put(distinct.get(i), new ChildScore(loss[i] / count, (double) correct[i] / count, count));
        }
        return out;
    }

    private void walk(List<Architecture> children, int[] group, int depth, NDArray h, BatchTensors bt, NDManager parent, double[] loss,
            long[] correct) {
        if (depth == net.space().layers()) {
            NDArray logits = net.mlmLogits(bt.context(), h, bt.positions());
            float l = MlmObjective.summedLoss(logits, bt.labels()).getFloat();
            long c = MlmObjective.correct(logits, bt.labels());
            for (int i : group) {
                loss[i] += l;
                correct[i] += c;
            }
            return;
        }
        for (int choice = 0; choice < net.space().choices(); choice++) {
            int n = 0;
            for (int i : group) {
                if (children.get(i).choice(depth) == choice) {
                    n++;
                }
            }
            if (n == 0) {
                continue;
            }
            int[] sub = new int[n];
            int k = 0;
            for (int i : group) {
                if (children.get(i).choice(depth) == choice) {
                    sub[k++] = i;
                }
            }
            try (NDManager node = parent.newSubManager()) {
                // The input joins this node for its lifetime, so every array the layer makes is freed with it.
                node.tempAttachAll(h);
                NDArray next = net.layer(depth).apply(choice, h, bt.context(), false);
                walk(children, sub, depth + 1, next, bt, node, loss, correct);
            }
        }
    }
}
