package org.magicnas.evaluation;

import java.util.List;
import java.util.Map;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelMetric;
import org.tribuo.evaluation.metrics.MetricTarget;

/**
 * Top-k error of {@link Label} predictions ranked by {@link Prediction#getOutputScores()}, as a
 * Tribuo {@link LabelMetric}.
 *
 * <p>A prediction has top-k error 1 when its true label is not among the k labels with the highest
 * scores, else 0. Ties are broken deterministically: higher score first, then label name
 * ascending. A true label absent from the scores ranks last. When k is at least the size of the
 * model's label domain the error is 0. The metric is the mean over predictions (NaN for none).
 */
public final class TopKError {

    private TopKError() {}

    /**
     * Returns the Tribuo metric name of top-k error, {@code top-<k>-error}.
     *
     * @param k the number of ranked labels that count as a hit
     * @return the name
     */
    public static String metricName(int k) {
        return "top-" + k + "-error";
    }

    /**
     * Creates the Tribuo metric of top-k error, with the micro-average target.
     *
     * @param k the number of ranked labels that count as a hit
     * @return the metric
     */
    public static LabelMetric forK(int k) {
        return new LabelMetric(MetricTarget.microAverageTarget(), metricName(k),
                (target, context) -> mean(context.getPredictions(),
                        context.getModel().getOutputIDInfo().size(), k));
    }

    /**
     * Returns the mean top-k error of predictions.
     *
     * @param predictions the predictions, each with per-label scores
     * @param domainSize the number of labels the model knows
     * @param k the number of ranked labels that count as a hit
     * @return the fraction of predictions whose true label is not in their top k; NaN for none
     */
    public static double mean(List<Prediction<Label>> predictions, int domainSize, int k) {
        double errors = 0;
        for (Prediction<Label> prediction : predictions) {
            errors += of(prediction, domainSize, k);
        }
        return errors / predictions.size();
    }

    /**
     * Returns the top-k error of one prediction.
     *
     * @param prediction the prediction, with per-label scores
     * @param domainSize the number of labels the model knows
     * @param k the number of ranked labels that count as a hit
     * @return 1 if the true label is not among the k best-scored labels, else 0
     */
    public static double of(Prediction<Label> prediction, int domainSize, int k) {
        if (k >= domainSize) {
            return 0;
        }
        String truth = prediction.getExample().getOutput().getLabel();
        Map<String, Label> scores = prediction.getOutputScores();
        Label truthScore = scores.get(truth);
        if (truthScore == null) {
            return 1;
        }
        int ahead = 0;
        for (Map.Entry<String, Label> entry : scores.entrySet()) {
            int byScore = Double.compare(entry.getValue().getScore(), truthScore.getScore());
            if (byScore > 0 || (byScore == 0 && entry.getKey().compareTo(truth) < 0)) {
                ahead++;
            }
        }
        return ahead < k ? 0 : 1;
    }
}
