package org.magicnas.data.glue;

/**
 * The metrics GLUE reports. This enum only names them; they are computed by the evaluators of the
 * {@code evaluation} module.
 */
public enum GlueMetric {
    /** Fraction of correct predictions. */
    ACCURACY("accuracy"),
    /** F1 score of the positive class (label {@code 1}), for MRPC and QQP. */
    F1("f1"),
    /** Matthews correlation coefficient, for CoLA. */
    MATTHEWS_CORRELATION("mcc"),
    /** Pearson correlation of predicted and gold scores, for STS-B. */
    PEARSON("pearson"),
    /** Spearman rank correlation of predicted and gold scores, for STS-B. */
    SPEARMAN("spearman");

    private final String metricName;

    GlueMetric(String metricName) {
        this.metricName = metricName;
    }

    /**
     * Returns the short name used for this metric in Tribuo evaluations and reports.
     *
     * @return the metric name, e.g. {@code mcc}
     */
    public String metricName() {
        return metricName;
    }
}
