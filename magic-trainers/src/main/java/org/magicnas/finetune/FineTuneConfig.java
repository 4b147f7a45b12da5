package org.magicnas.finetune;

import org.magicnas.train.AdamSettings;

/**
 * How to fine-tune.
 *
 * @param epochs the maximum number of epochs
 * @param batchSize examples per step
 * @param learningRate the peak learning rate
 * @param warmupFraction learning-rate warm-up as a share of all steps
 * @param adam Adam's constants, weight decay and gradient clipping
 * @param seed the seed of the validation split, shuffling and dropout
 * @param validationFraction the share of the training data held out for early stopping
 * @param patience epochs without improvement of the validation metric before stopping
 */
public record FineTuneConfig(int epochs, int batchSize, double learningRate, double warmupFraction, AdamSettings adam, long seed,
        double validationFraction, int patience) {

    /** Validates the values. */
    public FineTuneConfig {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
        }
        if (!(warmupFraction >= 0 && warmupFraction <= 1)) {
            throw new IllegalArgumentException("warm-up share must be in [0, 1], got " + warmupFraction);
        }
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validation share must be in [0, 1), got " + validationFraction);
        }
        if (patience < 1) {
            throw new IllegalArgumentException("patience must be >= 1 epoch, got " + patience);
        }
    }
}
