package org.magicnas.evaluation;

import java.util.List;
import java.util.Map;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.evaluation.Evaluation;
import org.tribuo.evaluation.metrics.MetricContext;
import org.tribuo.evaluation.metrics.MetricID;
import org.tribuo.provenance.EvaluationProvenance;

/**
 * What the evaluations of this package hold alike: the Tribuo results, the metric context (which
 * keeps the predictions) and the provenance.
 *
 * @param <T> the output type
 * @param <C> the metric context
 */
abstract class AbstractEvaluation<T extends Output<T>, C extends MetricContext<T>>
        implements Evaluation<T> {

    private final Map<MetricID<T>, Double> results;
    private final C context;
    private final EvaluationProvenance provenance;

    /**
     * Creates an evaluation.
     *
     * @param results the Tribuo results, copied
     * @param context the context holding the predictions
     * @param provenance the evaluation provenance
     */
    AbstractEvaluation(Map<MetricID<T>, Double> results, C context,
            EvaluationProvenance provenance) {
        this.results = Map.copyOf(results);
        this.context = context;
        this.provenance = provenance;
    }

    /**
     * Returns the metric context the results were computed from.
     *
     * @return the context
     */
    protected final C context() {
        return context;
    }

    /** {@inheritDoc} */
    @Override
    public final Map<MetricID<T>, Double> asMap() {
        return results;
    }

    /** {@inheritDoc} */
    @Override
    public final List<Prediction<T>> getPredictions() {
        return context.getPredictions();
    }

    /** {@inheritDoc} */
    @Override
    public final EvaluationProvenance getProvenance() {
        return provenance;
    }
}
