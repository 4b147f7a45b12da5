package org.magicnas.finetune;

/** What a downstream head predicts. */
public enum TaskKind {
    /** One of C classes, trained with cross entropy; predictions are class probabilities. */
    CLASSIFICATION,
    /** One real value, trained with mean squared error. */
    REGRESSION
}
