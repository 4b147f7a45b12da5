package org.magicnas.data.tribuo;

/** Which part of a labelled data set a data source reads. */
public enum Split {
    /** The training part. */
    TRAIN,
    /** The development (validation) part, used for model selection and reported dev scores. */
    DEV,
    /** The test part; for GLUE its outputs are unknown and predictions are submitted. */
    TEST
}
