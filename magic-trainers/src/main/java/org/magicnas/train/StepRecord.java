package org.magicnas.train;

import org.magicnas.space.Architecture;

/**
 * What one training step did.
 *
 * @param step the step, from 0
 * @param child the trained child
 * @param changed layers in which the child differs from the previous step's (N for the first step)
 * @param predictionLoss the masked-LM loss
 * @param alignmentLoss the alignment loss, or NaN when alignment was off
 * @param learningRate the rate used
 * @param gradientNorm the global gradient norm before clipping
 * @param millis wall time of the step
 * @param tokens real tokens in the batch
 */
public record StepRecord(long step, Architecture child, int changed, double predictionLoss, double alignmentLoss,
        double learningRate, double gradientNorm, double millis, long tokens) {}
