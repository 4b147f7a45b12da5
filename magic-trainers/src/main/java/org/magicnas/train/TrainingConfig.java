package org.magicnas.train;

import org.magicnas.alignment.AlignmentConfig;

/**
 * Everything a super-net training run is configured with, apart from the data and the super-net.
 *
 * @param method the training method
 * @param steps the planned number of steps (the schedule decays to 0 there)
 * @param peakLearningRate the peak learning rate
 * @param warmupSteps learning-rate warm-up steps
 * @param adam Adam's constants, weight decay and clipping
 * @param seed the seed of sampling, dropout and the initial anchor
 * @param walkChanges k, the operators MAGIC-T changes per step
 * @param alignment the alignment settings (used by magic-a and magic-at)
 * @param checkpointEvery steps between checkpoints, or 0 for none but the last
 * @param keepCheckpoints how many checkpoints to keep
 */
public record TrainingConfig(Method method, long steps, double peakLearningRate, long warmupSteps, AdamSettings adam, long seed,
        int walkChanges, AlignmentConfig alignment, int checkpointEvery, int keepCheckpoints) {

    /** Validates the values. */
    public TrainingConfig {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        if (checkpointEvery < 0) {
            throw new IllegalArgumentException("checkpoint interval must be >= 0, got " + checkpointEvery);
        }
        if (keepCheckpoints < 1) {
            throw new IllegalArgumentException("checkpoints to keep must be >= 1, got " + keepCheckpoints);
        }
        new LearningRateSchedule(peakLearningRate, warmupSteps, steps);
    }

    /**
     * Whether a training writes a checkpoint after a step: every {@code checkpointEvery} steps (if
     * positive) and after its last.
     *
     * @param done the steps done
     * @param last the training's last step
     * @return true where a checkpoint is due
     */
    public boolean checkpointDue(long done, long last) {
        return (checkpointEvery > 0 && done % checkpointEvery == 0) || done == last;
    }

    /**
     * The learning-rate schedule.
     *
     * @return warm-up then linear decay
     */
    public LearningRateSchedule schedule() {
        return new LearningRateSchedule(peakLearningRate, warmupSteps, steps);
    }

    /**
     * Defaults for a method and budget: peak rate 5e-4 with 10% warm-up, the paper's Adam, k = 1, the
     * paper's alignment with a warm start of 10% of the steps, a checkpoint every 500 steps.
     *
     * @param method the method
     * @param steps the planned steps
     * @param seed the seed
     * @return the configuration
     */
    public static TrainingConfig defaults(Method method, long steps, long seed) {
        return new TrainingConfig(method, steps, 5e-4, steps / 10, AdamSettings.paper(), seed, 1,
                AlignmentConfig.defaults(steps / 10), 500, 2);
    }

    /**
     * Stand-alone training of one child (no sampling, no alignment, no checkpoints): the paper's Adam,
     * the given peak rate with 6% warm-up.
     *
     * @param steps the planned steps
     * @param peakLearningRate the peak rate
     * @param seed the seed
     * @return the configuration
     */
    public static TrainingConfig standAlone(long steps, double peakLearningRate, long seed) {
        return new TrainingConfig(Method.SPOS, steps, peakLearningRate, Math.round(0.06 * steps), AdamSettings.paper(), seed, 1,
                AlignmentConfig.defaults(0), 0, 1);
    }

    /**
     * The same configuration with another checkpoint interval.
     *
     * @param every steps between checkpoints, or 0 for none but the last
     * @return the configuration
     */
    public TrainingConfig withCheckpointEvery(int every) {
        return new TrainingConfig(method, steps, peakLearningRate, warmupSteps, adam, seed, walkChanges, alignment, every, keepCheckpoints);
    }
}
