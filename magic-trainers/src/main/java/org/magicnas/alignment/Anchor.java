package org.magicnas.alignment;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;
import org.magicnas.space.Architecture;
import org.magicnas.supernet.BatchContext;
import org.magicnas.supernet.SuperNet;

/**
 * The anchor child of MAGIC-A. Its outputs at block boundaries (computed without dropout and without
 * gradient) are the alignment targets; it is replaced when a sampled child has a lower validation
 * loss, and every replacement is kept.
 */
public final class Anchor implements AlignmentTarget {
    private Architecture current;
    private final List<AnchorReplacement> history = new ArrayList<>();

    /**
     * Creates an anchor.
     *
     * @param initial the first anchor
     */
    public Anchor(Architecture initial) {
        this.current = initial;
    }

    /**
     * The current anchor.
     *
     * @return the anchor child
     */
    public Architecture current() {
        return current;
    }

    /**
     * Every replacement so far, oldest first.
     *
     * @return the replacements
     */
    public List<AnchorReplacement> history() {
        return List.copyOf(history);
    }

    /**
     * Replaces the anchor if the candidate's validation loss is lower.
     *
     * @param step the training step
     * @param candidate the sampled child
     * @param candidateLoss its validation loss
     * @param anchorLoss the current anchor's validation loss, measured on the same batches
     * @return the replacement, or null if the anchor stays
     */
    public AnchorReplacement offer(long step, Architecture candidate, double candidateLoss, double anchorLoss) {
        if (candidate.equals(current) || !(candidateLoss < anchorLoss)) {
            return null;
        }
        AnchorReplacement r = new AnchorReplacement(step, current.toString(), candidate.toString(), anchorLoss, candidateLoss);
        history.add(r);
        current = candidate;
        return r;
    }

    /**
     * Restores a saved anchor.
     *
     * @param anchor the anchor
     * @param replacements its history
     */
    public void restore(Architecture anchor, List<AnchorReplacement> replacements) {
        this.current = anchor;
        this.history.clear();
        this.history.addAll(replacements);
    }

    @Override
    public List<NDArray> outputs(SuperNet net, BatchContext ctx, int[] boundaries) {
        return net.keptOutputs(current, ctx, false, boundaries);
    }
}
