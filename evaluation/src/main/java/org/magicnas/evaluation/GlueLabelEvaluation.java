package org.magicnas.evaluation;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.magicnas.data.glue.GlueMetric;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.ConfusionMatrix;
import org.tribuo.classification.evaluation.LabelMetric;
import org.tribuo.evaluation.metrics.MetricID;
import org.tribuo.provenance.EvaluationProvenance;

/**
 * The result of a {@link GlueLabelEvaluator}: accuracy, Matthews correlation and, when the
 * model knows the positive label, its F1; plus the confusion matrix and predictions.
 */
public final class GlueLabelEvaluation extends AbstractEvaluation<Label, LabelMetric.Context>
        implements GlueEvaluation<Label> {

    private final Map<GlueMetric, Double> byMetric;

    /**
     * Creates an evaluation.
     *
     * @param results the Tribuo results
     * @param byMetric the same values keyed by GLUE metric
     * @param context the context (confusion matrix and predictions)
     * @param provenance the evaluation provenance
     */
    GlueLabelEvaluation(Map<MetricID<Label>, Double> results, Map<GlueMetric, Double> byMetric,
            LabelMetric.Context context, EvaluationProvenance provenance) {
        super(results, context, provenance);
        this.byMetric = Collections.unmodifiableMap(new EnumMap<>(byMetric));
    }

    /**
     * Returns the accuracy.
     *
     * @return the fraction of correct predictions
     */
    public double accuracy() {
        return get(GlueMetric.ACCURACY);
    }

    /**
     * Returns the Matthews correlation.
     *
     * @return the coefficient, see {@link MatthewsCorrelation}
     */
    public double matthewsCorrelation() {
        return get(GlueMetric.MATTHEWS_CORRELATION);
    }

    /**
     * Returns the F1 of the positive label.
     *
     * @return the F1 score
     * @throws IllegalArgumentException if the model's labels lack the positive label
     */
    public double f1() {
        return get(GlueMetric.F1);
    }

    /**
     * Returns the confusion matrix.
     *
     * @return the matrix over the model's label domain
     */
    public ConfusionMatrix<Label> getConfusionMatrix() {
        return context().getCM();
    }

    /** {@inheritDoc} */
    @Override
    public Set<GlueMetric> glueMetrics() {
        return byMetric.keySet();
    }

    /** {@inheritDoc} */
    @Override
    public double get(GlueMetric metric) {
        Double value = byMetric.get(metric);
        if (value == null) {
            throw new IllegalArgumentException(
                    metric + " was not computed: this evaluation has " + byMetric.keySet()
                            + (metric == GlueMetric.F1
                                    ? " (the model's labels lack the positive label)" : ""));
        }
        return value;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("GlueLabelEvaluation(");
        byMetric.forEach((metric, value) -> text.append(metric.metricName()).append('=')
                .append(String.format(Locale.ROOT, "%.4f", value)).append(' '));
        return text.append("n=").append(getPredictions().size()).append(')').toString();
    }
}
