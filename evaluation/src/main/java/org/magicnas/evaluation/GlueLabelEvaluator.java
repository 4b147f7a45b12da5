package org.magicnas.evaluation;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.magicnas.data.glue.GlueMetric;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelMetric;
import org.tribuo.evaluation.AbstractEvaluator;
import org.tribuo.evaluation.metrics.MetricID;
import org.tribuo.evaluation.metrics.MetricTarget;
import org.tribuo.provenance.EvaluationProvenance;

/**
 * Evaluates a {@link Label} model with the GLUE classification metrics: accuracy, Matthews
 * correlation and the F1 of a positive label ({@code "1"} by default, as for MRPC and QQP), the
 * latter only when the model's label domain contains it.
 *
 * <p>Like every Tribuo evaluator it rejects examples whose true label is unknown (GLUE test sets):
 * write those with {@code GluePredictionWriter} instead.
 */
public final class GlueLabelEvaluator
        extends AbstractEvaluator<Label, LabelMetric.Context, GlueLabelEvaluation, LabelMetric> {

    /** The default positive label of F1, GLUE's {@code 1} for paraphrase / duplicate. */
    public static final String DEFAULT_POSITIVE_LABEL = "1";

    private final Label positive;

    /** Creates an evaluator whose F1 is that of label {@value #DEFAULT_POSITIVE_LABEL}. */
    public GlueLabelEvaluator() {
        this(DEFAULT_POSITIVE_LABEL);
    }

    /**
     * Creates an evaluator with a chosen positive label for F1.
     *
     * @param positiveLabel the label whose F1 is reported
     */
    public GlueLabelEvaluator(String positiveLabel) {
        this.positive = new Label(Objects.requireNonNull(positiveLabel, "positiveLabel"));
    }

    /**
     * Returns the positive label of F1.
     *
     * @return the label
     */
    public Label positiveLabel() {
        return positive;
    }

    @Override
    protected Set<LabelMetric> createMetrics(Model<Label> model) {
        Set<LabelMetric> metrics = new HashSet<>();
        metrics.add(GlueLabelMetrics.ACCURACY.forTarget(MetricTarget.microAverageTarget()));
        metrics.add(GlueLabelMetrics.MCC.forTarget(MetricTarget.microAverageTarget()));
        if (model.getOutputIDInfo().getID(positive) >= 0) {
            metrics.add(GlueLabelMetrics.F1.forTarget(new MetricTarget<>(positive)));
        }
        return metrics;
    }

    @Override
    protected LabelMetric.Context createContext(
            Model<Label> model, List<Prediction<Label>> predictions) {
        return new LabelMetric.Context(model, predictions);
    }

    @Override
    protected GlueLabelEvaluation createEvaluation(LabelMetric.Context context,
            Map<MetricID<Label>, Double> results, EvaluationProvenance provenance) {
        Map<GlueMetric, Double> byMetric = new EnumMap<>(GlueMetric.class);
        for (GlueLabelMetrics metric : GlueLabelMetrics.values()) {
            MetricTarget<Label> target = metric == GlueLabelMetrics.F1
                    ? new MetricTarget<>(positive) : MetricTarget.microAverageTarget();
            Double value = results.get(new MetricID<>(target, metric.glueMetric().metricName()));
            if (value != null) {
                byMetric.put(metric.glueMetric(), value);
            }
        }
        return new GlueLabelEvaluation(results, byMetric, context, provenance);
    }

    @Override
    public String toString() {
        return "GlueLabelEvaluator(positive=" + positive.getLabel() + ")";
    }
}
