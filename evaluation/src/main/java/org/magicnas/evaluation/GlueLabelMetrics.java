package org.magicnas.evaluation;

import java.util.function.ToDoubleBiFunction;
import org.magicnas.data.glue.GlueMetric;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.ConfusionMetrics;
import org.tribuo.classification.evaluation.LabelMetric;
import org.tribuo.evaluation.metrics.MetricTarget;

/**
 * The GLUE classification metrics as Tribuo {@link LabelMetric}s computed from the confusion
 * matrix of a {@link LabelMetric.Context}.
 */
public enum GlueLabelMetrics {
    /** Accuracy; use with {@link MetricTarget#microAverageTarget()} for the overall value. */
    ACCURACY(GlueMetric.ACCURACY, (tgt, ctx) -> ConfusionMetrics.accuracy(tgt, ctx.getCM())),
    /** Matthews correlation over the whole matrix ({@link MatthewsCorrelation}); any target. */
    MCC(GlueMetric.MATTHEWS_CORRELATION, (tgt, ctx) -> MatthewsCorrelation.of(ctx.getCM())),
    /** F1; use with the positive label as target, e.g. {@code new MetricTarget<>(label "1")}. */
    F1(GlueMetric.F1, (tgt, ctx) -> ConfusionMetrics.f1(tgt, ctx.getCM()));

    private final GlueMetric metric;
    private final ToDoubleBiFunction<MetricTarget<Label>, LabelMetric.Context> impl;

    GlueLabelMetrics(GlueMetric metric,
            ToDoubleBiFunction<MetricTarget<Label>, LabelMetric.Context> impl) {
        this.metric = metric;
        this.impl = impl;
    }

    /**
     * Returns the GLUE metric this computes.
     *
     * @return the metric
     */
    public GlueMetric glueMetric() {
        return metric;
    }

    /**
     * Creates the Tribuo metric for a target, named {@link GlueMetric#metricName()}.
     *
     * @param target the target
     * @return the metric
     */
    public LabelMetric forTarget(MetricTarget<Label> target) {
        return new LabelMetric(target, metric.metricName(), impl);
    }
}
