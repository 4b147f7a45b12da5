package org.magicnas.evaluation;

import java.util.Set;
import org.magicnas.data.glue.GlueMetric;
import org.tribuo.Output;
import org.tribuo.evaluation.Evaluation;

/**
 * A Tribuo {@link Evaluation} that also answers by {@link GlueMetric}.
 *
 * @param <T> the output type
 */
public interface GlueEvaluation<T extends Output<T>> extends Evaluation<T> {

    /**
     * Returns the GLUE metrics this evaluation holds.
     *
     * @return the computed metrics
     */
    Set<GlueMetric> glueMetrics();

    /**
     * Returns the value of a GLUE metric, as a fraction (not x100).
     *
     * @param metric the metric
     * @return its value
     * @throws IllegalArgumentException if the metric was not computed (e.g. F1 without a
     *     positive label, Pearson for a classifier)
     */
    double get(GlueMetric metric);
}
