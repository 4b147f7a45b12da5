package org.magicnas.evaluation;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.magicnas.data.glue.GlueMetric;
import org.tribuo.evaluation.metrics.MetricID;
import org.tribuo.evaluation.metrics.MetricTarget;
import org.tribuo.provenance.EvaluationProvenance;
import org.tribuo.regression.Regressor;

/**
 * The result of a {@link GlueRegressionEvaluator}: Pearson and Spearman correlations per
 * dimension and averaged over dimensions (the average is the value for one-dimensional STS-B).
 */
public final class GlueRegressionEvaluation
        extends AbstractEvaluation<Regressor, CorrelationContext> implements GlueEvaluation<Regressor> {

    /**
     * Creates an evaluation.
     *
     * @param results the Tribuo results
     * @param context the context holding the values and predictions
     * @param provenance the evaluation provenance
     */
    GlueRegressionEvaluation(Map<MetricID<Regressor>, Double> results, CorrelationContext context,
            EvaluationProvenance provenance) {
        super(results, context, provenance);
    }

    /**
     * Returns Pearson's correlation, averaged over dimensions.
     *
     * @return the correlation
     */
    public double pearson() {
        return get(GlueMetric.PEARSON);
    }

    /**
     * Returns Spearman's correlation, averaged over dimensions.
     *
     * @return the correlation
     */
    public double spearman() {
        return get(GlueMetric.SPEARMAN);
    }

    /**
     * Returns a correlation for one dimension.
     *
     * @param metric {@link GlueMetric#PEARSON} or {@link GlueMetric#SPEARMAN}
     * @param dimension the dimension name, e.g. {@code score}
     * @return the correlation
     * @throws IllegalArgumentException if it was not computed
     */
    public double get(GlueMetric metric, String dimension) {
        return lookup(new MetricTarget<>(new Regressor(dimension, Double.NaN)), metric);
    }

    /** {@inheritDoc} */
    @Override
    public Set<GlueMetric> glueMetrics() {
        return EnumSet.of(GlueMetric.PEARSON, GlueMetric.SPEARMAN);
    }

    /** {@inheritDoc} */
    @Override
    public double get(GlueMetric metric) {
        return lookup(MetricTarget.macroAverageTarget(), metric);
    }

    private double lookup(MetricTarget<Regressor> target, GlueMetric metric) {
        Double value = asMap().get(new MetricID<>(target, metric.metricName()));
        if (value == null) {
            throw new IllegalArgumentException(
                    metric + " for " + target + " was not computed: a regression evaluation has "
                            + glueMetrics() + " for dimensions " + context().dimensions());
        }
        return value;
    }

    /**
     * Returns the tabulated values.
     *
     * @return the context
     */
    public CorrelationContext getContext() {
        return context();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "GlueRegressionEvaluation(pearson=%.4f spearman=%.4f n=%d)",
                pearson(), spearman(), getPredictions().size());
    }
}
