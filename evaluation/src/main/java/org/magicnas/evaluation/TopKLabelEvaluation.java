package org.magicnas.evaluation;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelMetric;
import org.tribuo.evaluation.metrics.MetricID;
import org.tribuo.evaluation.metrics.MetricTarget;
import org.tribuo.provenance.EvaluationProvenance;

/**
 * The result of a {@link TopKLabelEvaluator}: top-k error and accuracy for each evaluated k,
 * plus the predictions.
 */
public final class TopKLabelEvaluation extends AbstractEvaluation<Label, LabelMetric.Context> {

    private final List<Integer> ks;

    /**
     * Creates an evaluation.
     *
     * @param ks the evaluated ks, ascending
     * @param results the Tribuo results, one {@link TopKError} metric per k
     * @param context the context (predictions)
     * @param provenance the evaluation provenance
     */
    TopKLabelEvaluation(List<Integer> ks, Map<MetricID<Label>, Double> results,
            LabelMetric.Context context, EvaluationProvenance provenance) {
        super(results, context, provenance);
        this.ks = List.copyOf(ks);
    }

    /**
     * Returns the evaluated ks.
     *
     * @return the ks in ascending order
     */
    public List<Integer> ks() {
        return ks;
    }

    /**
     * Returns the top-k error.
     *
     * @param k an evaluated k
     * @return the fraction of predictions whose true label is not among the k best-scored labels
     * @throws IllegalArgumentException if k was not evaluated
     */
    public double error(int k) {
        Double value = asMap().get(new MetricID<>(
                MetricTarget.<Label>microAverageTarget(), TopKError.metricName(k)));
        if (value == null) {
            throw new IllegalArgumentException(
                    "top-" + k + " error was not evaluated: this evaluation has ks " + ks);
        }
        return value;
    }

    /**
     * Returns the top-k accuracy, {@code 1 - error(k)}.
     *
     * @param k an evaluated k
     * @return the fraction of predictions whose true label is among the k best-scored labels
     * @throws IllegalArgumentException if k was not evaluated
     */
    public double accuracy(int k) {
        return 1 - error(k);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int k : ks) {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(String.format(Locale.ROOT, "top-%d error %.4f", k, error(k)));
        }
        return text.append(" (n=").append(getPredictions().size()).append(')').toString();
    }
}
