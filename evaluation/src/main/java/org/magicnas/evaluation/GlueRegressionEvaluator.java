package org.magicnas.evaluation;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.evaluation.AbstractEvaluator;
import org.tribuo.evaluation.metrics.MetricID;
import org.tribuo.evaluation.metrics.MetricTarget;
import org.tribuo.provenance.EvaluationProvenance;
import org.tribuo.regression.Regressor;

/**
 * Evaluates a {@link Regressor} model with the GLUE regression metrics (STS-B): Pearson and
 * Spearman correlations for each output dimension and their macro average.
 *
 * <p>Tribuo's own regression metric context is package-private, so this evaluator has its own
 * ({@link CorrelationContext}); the statistics are commons-math3's.
 */
public final class GlueRegressionEvaluator extends AbstractEvaluator<Regressor,
        CorrelationContext, GlueRegressionEvaluation, CorrelationMetric> {

    /** Creates an evaluator. */
    public GlueRegressionEvaluator() {}

    @Override
    protected Set<CorrelationMetric> createMetrics(Model<Regressor> model) {
        Set<CorrelationMetric> metrics = new HashSet<>();
        for (GlueRegressionMetrics metric : GlueRegressionMetrics.values()) {
            for (Regressor dimension : model.getOutputIDInfo().getDomain()) {
                metrics.add(metric.forTarget(new MetricTarget<>(dimension)));
            }
            metrics.add(metric.forTarget(MetricTarget.macroAverageTarget()));
        }
        return metrics;
    }

    @Override
    protected CorrelationContext createContext(
            Model<Regressor> model, List<Prediction<Regressor>> predictions) {
        return new CorrelationContext(model, predictions);
    }

    @Override
    protected GlueRegressionEvaluation createEvaluation(CorrelationContext context,
            Map<MetricID<Regressor>, Double> results, EvaluationProvenance provenance) {
        return new GlueRegressionEvaluation(results, context, provenance);
    }

    @Override
    public String toString() {
        return "GlueRegressionEvaluator()";
    }
}
