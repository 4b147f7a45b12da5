package org.magicnas.alignment;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.magicnas.supernet.BatchContext;
import org.magicnas.supernet.SuperNet;

/**
 * Produces the layer outputs that the sampled child is aligned with. They are constants of the
 * alignment loss: detached from the graph, so no gradient of the loss reaches the target's operators or
 * the weights it shares with the child, whatever the calling thread's gradient mode (a worker thread of
 * PyTorch records gradients by default).
 */
public interface AlignmentTarget {

    /**
     * The target outputs at the given boundary layers, detached. Must be called outside a gradient
     * collector.
     *
     * @param net the super-net
     * @param ctx the batch
     * @param boundaries layers (from 0, ascending)
     * @return one (B, T, E) array per boundary
     */
    List<NDArray> outputs(SuperNet net, BatchContext ctx, int[] boundaries);

    /**
     * Detaches arrays from the autograd graph.
     *
     * @param outputs the arrays
     * @return the detached arrays, in order
     */
    static List<NDArray> detached(List<NDArray> outputs) {
        List<NDArray> out = new java.util.ArrayList<>(outputs.size());
        for (NDArray a : outputs) {
            out.add(a.stopGradient());
        }
        return out;
    }
}
