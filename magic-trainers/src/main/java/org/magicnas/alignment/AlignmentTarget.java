package org.magicnas.alignment;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.magicnas.supernet.BatchContext;
import org.magicnas.supernet.SuperNet;

/** Produces the layer outputs that the sampled child is aligned with, without recording gradients. */
public interface AlignmentTarget {

    /**
     * The target outputs at the given boundary layers. Must be called outside a gradient collector.
     *
     * @param net the super-net
     * @param ctx the batch
     * @param boundaries layers (from 0, ascending)
     * @return one (B, T, E) array per boundary
     */
    List<NDArray> outputs(SuperNet net, BatchContext ctx, int[] boundaries);
}
