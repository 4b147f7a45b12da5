package org.magicnas.evaluation;

import java.util.function.ToDoubleBiFunction;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.magicnas.data.glue.GlueMetric;
import org.tribuo.evaluation.metrics.EvaluationMetric;
import org.tribuo.evaluation.metrics.MetricTarget;
import org.tribuo.regression.Regressor;

/**
 * The GLUE regression metrics (STS-B) as {@link CorrelationMetric}s, computed with commons-math3.
 *
 * <p>A target naming a dimension ({@code new MetricTarget<>(regressor)}) gives that dimension's
 * correlation; the macro-average target gives the mean over the model's dimensions. Spearman
 * ranks ties by their average rank, as SciPy's {@code spearmanr} does. Fewer than two
 * predictions, any NaN value, or a constant series gives NaN.
 */
public enum GlueRegressionMetrics {
    /** Pearson's linear correlation of predicted and true values. */
    PEARSON(GlueMetric.PEARSON),
    /** Spearman's rank correlation of predicted and true values. */
    SPEARMAN(GlueMetric.SPEARMAN);

    private final GlueMetric metric;
    private final ToDoubleBiFunction<MetricTarget<Regressor>, CorrelationContext> impl =
            this::compute;

    GlueRegressionMetrics(GlueMetric metric) {
        this.metric = metric;
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
     * @param target a dimension or the macro average
     * @return the metric
     */
    public CorrelationMetric forTarget(MetricTarget<Regressor> target) {
        return new CorrelationMetric(target, metric.metricName(), impl);
    }

    /**
     * Computes this correlation between two series.
     *
     * @param predicted the predicted values
     * @param truth the true values, same length
     * @return the correlation, or NaN when undefined
     * @throws IllegalArgumentException if the lengths differ
     */
    public double compute(double[] predicted, double[] truth) {
        if (predicted.length != truth.length) {
            throw new IllegalArgumentException(
                    predicted.length + " predictions and " + truth.length
                            + " true values: expected equal lengths");
        }
        if (predicted.length < 2 || hasNaN(predicted) || hasNaN(truth)) {
            return Double.NaN;
        }
        return switch (this) {
            case PEARSON -> new PearsonsCorrelation().correlation(predicted, truth);
            case SPEARMAN -> new SpearmansCorrelation().correlation(predicted, truth);
        };
    }

    private double compute(MetricTarget<Regressor> target, CorrelationContext context) {
        if (target.getOutputTarget().isPresent()) {
            String name = target.getOutputTarget().get().getNames()[0];
            return compute(context.predictedValues(name), context.trueValues(name));
        }
        if (target.getAverageTarget().orElse(null) != EvaluationMetric.Average.MACRO) {
            throw new IllegalArgumentException(
                    "target " + target + ": expected a dimension or the macro average");
        }
        double sum = 0;
        for (String name : context.dimensions()) {
            sum += compute(context.predictedValues(name), context.trueValues(name));
        }
        return sum / context.dimensions().size();
    }

    private static boolean hasNaN(double[] values) {
        for (double v : values) {
            if (Double.isNaN(v)) {
                return true;
            }
        }
        return false;
    }
}
