package org.magicnas.alignment;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;
import org.magicnas.space.Architecture;
import org.magicnas.supernet.BatchContext;
import org.magicnas.supernet.SuperNet;

/**
 * The anchor child of MAGIC-A. Its outputs at block boundaries (computed without dropout, detached) are
 * the alignment targets; it is replaced when a sampled child has a lower validation loss, and every
 * replacement is kept with its reason.
 */
public final class Anchor implements AlignmentTarget {
    private Architecture current;
    private final List<AnchorReplacement> history = new ArrayList<>();
    private long comparisons;
    private double sumAbsGap;
    private double sumStandardError;

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
     * Replaces the anchor if the candidate's validation loss is lower (the paper's rule), and counts the
     * comparison.
     *
     * @param step the training step
     * @param candidate the sampled child
     * @param candidateLoss its validation loss
     * @param anchorLoss the current anchor's validation loss, measured on the same batches
     * @param standardError the standard error of the difference, NaN if unknown
     * @return the replacement, or null if the anchor stays
     */
    public AnchorReplacement offer(long step, Architecture candidate, double candidateLoss, double anchorLoss, double standardError) {
        if (candidate.equals(current)) {
            return null;
        }
        comparisons++;
        sumAbsGap += Math.abs(candidateLoss - anchorLoss);
        sumStandardError += standardError;
        if (!(candidateLoss < anchorLoss)) {
            return null;
        }
        return replace(new AnchorReplacement(step, current.toString(), candidate.toString(), anchorLoss, candidateLoss, standardError,
                AnchorReplacement.Reason.BEATEN), candidate);
    }

    /**
     * Replaces the anchor for a reason other than a comparison (a shrink removed one of its operators).
     *
     * @param step the training step
     * @param replacement the new anchor
     * @param previousLoss the old anchor's validation loss
     * @param replacementLoss the new anchor's validation loss
     * @param reason why
     * @return the replacement
     */
    public AnchorReplacement replace(long step, Architecture replacement, double previousLoss, double replacementLoss,
            AnchorReplacement.Reason reason) {
        return replace(new AnchorReplacement(step, current.toString(), replacement.toString(), previousLoss, replacementLoss, Double.NaN, reason),
                replacement);
    }

    private AnchorReplacement replace(AnchorReplacement r, Architecture replacement) {
        history.add(r);
        current = replacement;
        return r;
    }

    /**
     * The comparisons so far (since the start, across resumes) and their cost.
     *
     * @param comparisonSeconds time spent comparing
     * @param trainingSeconds time spent training
     * @return the statistics
     */
    public AnchorStatistics statistics(double comparisonSeconds, double trainingSeconds) {
        long replaced = history.stream().filter(r -> r.reason() == AnchorReplacement.Reason.BEATEN).count();
        return new AnchorStatistics(comparisons, replaced, comparisons == 0 ? Double.NaN : sumAbsGap / comparisons,
                comparisons == 0 ? Double.NaN : sumStandardError / comparisons, comparisonSeconds, trainingSeconds);
    }

    /**
     * The comparison counters, for checkpoints.
     *
     * @return comparisons, sum of absolute gaps, sum of standard errors
     */
    public double[] counters() {
        return new double[] {comparisons, sumAbsGap, sumStandardError};
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
        return replace(new AnchorReplacement(step, current.toString(), children.get(pick).toString(), anchorLoss, losses[pick], Double.NaN,
                AnchorReplacement.Reason.OUT_OF_BAND), children.get(pick));
    }

    /**
     * Restores a saved anchor.
     *
     * @param anchor the anchor
     * @param replacements its history
     * @param counters the comparison counters of {@link #counters()}, or null (an older checkpoint)
     */
    public void restore(Architecture anchor, List<AnchorReplacement> replacements, double[] counters) {
        this.current = anchor;
        this.history.clear();
        this.history.addAll(replacements);
        if (counters != null) {
            comparisons = (long) counters[0];
            sumAbsGap = counters[1];
            sumStandardError = counters[2];
        }
    }

    @Override
    public List<NDArray> outputs(SuperNet net, BatchContext ctx, int[] boundaries) {
        return AlignmentTarget.detached(net.keptOutputs(current, ctx, false, boundaries));
    }
}
