package org.magicnas.alignment;

/**
 * A logged replacement of the anchor.
 *
 * @param step the training step at which it happened
 * @param previous the old anchor's text form
 * @param replacement the new anchor's text form
 * @param previousLoss the old anchor's validation loss
 * @param replacementLoss the new anchor's validation loss
 */
public record AnchorReplacement(long step, String previous, String replacement, double previousLoss, double replacementLoss) {}
