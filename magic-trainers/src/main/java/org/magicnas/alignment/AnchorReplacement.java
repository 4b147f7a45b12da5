package org.magicnas.alignment;

/**
 * A logged replacement of the anchor.
 *
 * @param step the training step at which it happened
 * @param previous the old anchor's text form
 * @param replacement the new anchor's text form
 * @param previousLoss the old anchor's validation loss
 * @param replacementLoss the new anchor's validation loss
 * @param standardError the standard error of the paired loss difference behind the decision (over
 *     validation batches), NaN where it was not measured
 * @param reason why the anchor was replaced
 */
public record AnchorReplacement(long step, String previous, String replacement, double previousLoss, double replacementLoss, double standardError,
        Reason reason) {

    /** Why an anchor is replaced. */
    public enum Reason {
        /** A sampled child had a lower validation loss (the paper's rule). */
        BEATEN,
        /** Under a percentile policy, the anchor left the band around p (Figure 3b). */
        OUT_OF_BAND,
        /** Progressive shrinking removed one of the anchor's operators; the anchor was repaired inside the remaining space. */
        SHRUNK
    }
}
