package org.magicnas.finetune;

import java.util.List;

/**
 * The outcome of fine-tuning.
 *
 * @param history every epoch trained
 * @param bestEpoch the epoch whose weights the model holds now
 * @param validation the held-out examples (null without a validation split)
 */
public record FineTuneResult(List<EpochRecord> history, int bestEpoch, SequenceData validation) {}
