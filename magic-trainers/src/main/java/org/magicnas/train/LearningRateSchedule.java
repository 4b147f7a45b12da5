package org.magicnas.train;

/**
 * Linear warm-up from 0 to the peak rate, then linear decay to 0 at the last step (BERT, fairseq's
 * polynomial decay with power 1).
 *
 * @param peak the peak learning rate
 * @param warmupSteps steps of warm-up
 * @param totalSteps the planned number of steps
 */
public record LearningRateSchedule(double peak, long warmupSteps, long totalSteps) {

    /** Validates the values. */
    public LearningRateSchedule {
        if (!(peak > 0) || Double.isInfinite(peak)) {
            throw new IllegalArgumentException("learning rate must be a positive number, got " + peak);
        }
        if (warmupSteps < 0 || warmupSteps > totalSteps) {
            throw new IllegalArgumentException("learning-rate warm-up must be in [0, " + totalSteps + "] steps, got " + warmupSteps);
        }
    }

    /**
     * The rate used by the update of a step.
     *
     * @param step the step, from 0
     * @return the learning rate
     */
    public double at(long step) {
        long s = step + 1;
        if (s <= warmupSteps) {
            return peak * s / warmupSteps;
        }
        long decay = totalSteps - warmupSteps;
        return decay <= 0 ? peak : peak * Math.max(0.0, (double) (totalSteps - s + 1) / decay);
    }
}
