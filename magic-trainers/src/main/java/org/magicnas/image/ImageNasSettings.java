package org.magicnas.image;

import org.magicnas.search.EvolutionarySearch;
import org.magicnas.train.TrainingConfig;

/**
 * Budgets and policies of an image search.
 *
 * @param superNet super-net training (its method, steps, rate, seed, alignment)
 * @param retrain stand-alone training of a child (SPOS on a fixed path)
 * @param batchSize images per step
 * @param batchNorm how a child's BatchNorm statistics are set before it is scored
 * @param search the evolutionary search, or null where nothing is searched (the rank study)
 * @param maxParameters the parameter limit of the search (0 for none)
 * @param maxFlops the FLOP limit per image of the search (0 for none)
 * @param dropout the dropout rate before the classifier
 */
public record ImageNasSettings(TrainingConfig superNet, TrainingConfig retrain, int batchSize, BatchNormPolicy batchNorm,
        EvolutionarySearch search, long maxParameters, long maxFlops, float dropout) {

    /** Validates the values. */
    public ImageNasSettings {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        if (maxParameters < 0 || maxFlops < 0) {
            throw new IllegalArgumentException("limits must be >= 0 (0 for none), got " + maxParameters + " parameters and " + maxFlops
                    + " FLOPs");
        }
    }
}
