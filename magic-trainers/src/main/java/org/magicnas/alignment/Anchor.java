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
     * Keeps the anchor within a band of rank percentiles (section 5.2): given children ranked on the
     * same validation batches, if the anchor's percentile (the share of them with a lower loss) lies
     * outside {@code p +/- band}, the child at percentile p becomes the anchor.
     *
     * @param step the training step
     * @param children the ranked children
     * @param losses their validation losses
     * @param anchorLoss the anchor's loss on the same batches
     * @param percentile p, in (0, 100)
     * @param band r, the half-width of the band in percentage points
     * @return the replacement, or null if the anchor stays
     */
    public AnchorReplacement keepWithin(long step, List<Architecture> children, double[] losses, double anchorLoss, double percentile,
            double band) {
        int m = children.size();
        int better = 0;
        for (double l : losses) {
            if (l < anchorLoss) {
                better++;
            }
        }
        if (Math.abs(100.0 * better / m - percentile) <= band) {
            return null;
        }
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(losses[a], losses[b]));
        int pick = order[(int) Math.round(percentile / 100.0 * (m - 1))];
        if (children.get(pick).equals(current)) {
            return null;
        }
        AnchorReplacement r = new AnchorReplacement(step, current.toString(), children.get(pick).toString(), anchorLoss, losses[pick]);
        history.add(r);
        current = children.get(pick);
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
