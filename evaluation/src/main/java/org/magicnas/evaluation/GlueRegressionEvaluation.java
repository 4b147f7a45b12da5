package org.magicnas.evaluation;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.magicnas.data.glue.GlueMetric;
import org.tribuo.Prediction;
import org.tribuo.evaluation.metrics.MetricID;
import org.tribuo.evaluation.metrics.MetricTarget;
import org.tribuo.provenance.EvaluationProvenance;
import org.tribuo.regression.Regressor;

/**
 * The result of a {@link GlueRegressionEvaluator}: Pearson and Spearman correlations per
 * dimension and averaged over dimensions (the average is the value for one-dimensional STS-B).
 */
public final class GlueRegressionEvaluation implements GlueEvaluation<Regressor> {

    private final Map<MetricID<Regressor>, Double> results;
    private final CorrelationContext context;
    private final EvaluationProvenance provenance;

    /**
     * Creates an evaluation.
     *
     * @param results the Tribuo results
     * @param context the context holding the values and predictions
     * @param provenance the evaluation provenance
     */
    GlueRegressionEvaluation(Map<MetricID<Regressor>, Double> results, CorrelationContext context,
            EvaluationProvenance provenance) {
        this.results = Map.copyOf(results);
        this.context = context;
        this.provenance = provenance;
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
        Double value = results.get(new MetricID<>(target, metric.metricName()));
        if (value == null) {
            throw new IllegalArgumentException(
                    metric + " for " + target + " was not computed: a regression evaluation has "
                            + glueMetrics() + " for dimensions " + context.dimensions());
        }
        return value;
    }

    /**
     * Returns the tabulated values.
     *
     * @return the context
     */
    public CorrelationContext getContext() {
        return context;
    }

    /** {@inheritDoc} */
    @Override
    public Map<MetricID<Regressor>, Double> asMap() {
        return results;
    }

    /** {@inheritDoc} */
    @Override
    public List<Prediction<Regressor>> getPredictions() {
        return context.getPredictions();
    }

    /** {@inheritDoc} */
    @Override
    public EvaluationProvenance getProvenance() {
        return provenance;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "GlueRegressionEvaluation(pearson=%.4f spearman=%.4f n=%d)",
                pearson(), spearman(), getPredictions().size());
    }
}
