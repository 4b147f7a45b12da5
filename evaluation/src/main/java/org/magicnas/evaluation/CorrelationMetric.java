package org.magicnas.evaluation;

import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleBiFunction;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.evaluation.metrics.EvaluationMetric;
import org.tribuo.evaluation.metrics.MetricTarget;
import org.tribuo.regression.Regressor;

/**
 * A Tribuo {@link EvaluationMetric} for {@link Regressor}s computed from a {@link
 * CorrelationContext}. Instances come from {@link GlueRegressionMetrics#forTarget}.
 */
public final class CorrelationMetric implements EvaluationMetric<Regressor, CorrelationContext> {

    private final MetricTarget<Regressor> target;
    private final String name;
    private final ToDoubleBiFunction<MetricTarget<Regressor>, CorrelationContext> impl;

    /**
     * Creates a metric.
     *
     * @param target the dimension (a {@link Regressor} target) or the macro average
     * @param name the metric name
     * @param impl computes the value from the target and context
     */
    public CorrelationMetric(MetricTarget<Regressor> target, String name,
            ToDoubleBiFunction<MetricTarget<Regressor>, CorrelationContext> impl) {
        this.target = Objects.requireNonNull(target, "target");
        this.name = Objects.requireNonNull(name, "name");
        this.impl = Objects.requireNonNull(impl, "impl");
    }

    /** {@inheritDoc} */
    @Override
    public double compute(CorrelationContext context) {
        return impl.applyAsDouble(target, context);
    }

    /** {@inheritDoc} */
    @Override
    public MetricTarget<Regressor> getTarget() {
        return target;
    }

    /** {@inheritDoc} */
    @Override
    public String getName() {
        return name;
    }

    /** {@inheritDoc} */
    @Override
    public CorrelationContext createContext(
            Model<Regressor> model, List<Prediction<Regressor>> predictions) {
        return new CorrelationContext(model, predictions);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CorrelationMetric that && target.equals(that.target)
                && name.equals(that.name) && impl.equals(that.impl);
    }

    @Override
    public int hashCode() {
        return Objects.hash(target, name, impl);
    }

    @Override
    public String toString() {
        return "CorrelationMetric(target=" + target + ",name=" + name + ")";
    }
}
