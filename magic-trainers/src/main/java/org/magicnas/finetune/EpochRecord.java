package org.magicnas.finetune;

/**
 * One fine-tuning epoch.
 *
 * @param epoch the epoch, from 1
 * @param trainLoss mean training loss over the epoch's steps
 * @param validLoss validation loss (NaN without a validation split)
 * @param validMetric validation accuracy (classification) or negative mean squared error (regression)
 */
public record EpochRecord(int epoch, double trainLoss, double validLoss, double validMetric) {}
