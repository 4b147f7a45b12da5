package org.magicnas.evaluation;

import org.tribuo.classification.Classifiable;
import org.tribuo.classification.evaluation.ConfusionMatrix;

/**
 * The Matthews correlation coefficient of a confusion matrix, CoLA's GLUE metric.
 *
 * <p>For K classes this is Gorodkin's R_K statistic, which is what scikit-learn's {@code
 * matthews_corrcoef} computes and reduces to {@code (tp*tn - fp*fn) / sqrt((tp+fp)(tp+fn)(tn+fp)
 * (tn+fn))} for two classes:
 *
 * <pre>
 * MCC = (c*s - sum_k p_k*t_k) / sqrt((s^2 - sum_k p_k^2) * (s^2 - sum_k t_k^2))
 * </pre>
 *
 * where {@code s} is the number of examples, {@code c} the number correctly predicted, and {@code
 * p_k}, {@code t_k} the numbers of times class k was predicted and was true. When either factor
 * of the denominator is zero (all predictions or all truths are one class) the coefficient is
 * undefined and, as in scikit-learn, 0 is returned.
 */
public final class MatthewsCorrelation {

    private MatthewsCorrelation() {}

    /**
     * Computes the Matthews correlation over the matrix's whole domain.
     *
     * @param cm the confusion matrix
     * @param <T> the output type
     * @return the coefficient in [-1, 1]; 0 when undefined; NaN for an empty matrix
     */
    public static <T extends Classifiable<T>> double of(ConfusionMatrix<T> cm) {
        double s = cm.support();
        if (s == 0) {
            return Double.NaN;
        }
        double correct = 0;
        double predictedTrue = 0;
        double predictedSquared = 0;
        double trueSquared = 0;
        for (T cls : cm.getDomain().getDomain()) {
            double tp = cm.tp(cls);
            double predicted = tp + cm.fp(cls);
            double actual = tp + cm.fn(cls);
            correct += tp;
            predictedTrue += predicted * actual;
            predictedSquared += predicted * predicted;
            trueSquared += actual * actual;
        }
        double denominator = (s * s - predictedSquared) * (s * s - trueSquared);
        if (denominator == 0) {
            return 0.0;
        }
        return (correct * s - predictedTrue) / Math.sqrt(denominator);
    }
}
