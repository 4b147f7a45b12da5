package org.magicnas.evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.evaluation.metrics.MetricContext;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * The {@link MetricContext} of {@link CorrelationMetric}s: the true and predicted values of each
 * regression dimension, in prediction order.
 *
 * <p>Dimensions are the model's output dimensions and values are matched by dimension name, not
 * by position.
 */
public final class CorrelationContext extends MetricContext<Regressor> {

    private final Map<String, double[]> trueValues = new LinkedHashMap<>();
    private final Map<String, double[]> predictedValues = new LinkedHashMap<>();

    /**
     * Tabulates the predictions.
     *
     * @param model the model (its output domain names the dimensions)
     * @param predictions the predictions, each holding its example with the true output
     * @throws IllegalArgumentException if a truth or prediction is the unknown regressor or lacks a
     *     dimension of the model
     */
    public CorrelationContext(Model<Regressor> model, List<Prediction<Regressor>> predictions) {
        super(model, predictions);
        int n = predictions.size();
        for (Regressor dimension : model.getOutputIDInfo().getDomain()) {
            trueValues.put(dimension.getNames()[0], new double[n]);
            predictedValues.put(dimension.getNames()[0], new double[n]);
        }
        for (int i = 0; i < n; i++) {
            Prediction<Regressor> prediction = predictions.get(i);
            Regressor truth = prediction.getExample().getOutput();
            Regressor predicted = prediction.getOutput();
            if (RegressionFactory.UNKNOWN_REGRESSOR.equals(truth)
                    || RegressionFactory.UNKNOWN_REGRESSOR.equals(predicted)) {
                throw new IllegalArgumentException(
                        "prediction " + i + " has an unknown " + (RegressionFactory
                                .UNKNOWN_REGRESSOR.equals(truth) ? "true" : "predicted")
                                + " output: expected labelled examples and real predictions");
            }
            for (String name : trueValues.keySet()) {
                trueValues.get(name)[i] = value(truth, name, i, "true");
                predictedValues.get(name)[i] = value(predicted, name, i, "predicted");
            }
        }
    }

    private static double value(Regressor output, String name, int i, String role) {
        return output.getDimension(name)
                .orElseThrow(() -> new IllegalArgumentException(
                        "prediction " + i + ": " + role + " output " + output
                                + " has no dimension '" + name + "'"))
                .getValue();
    }

    /**
     * Returns the dimension names, in the model's domain order.
     *
     * @return an unmodifiable list of names
     */
    public List<String> dimensions() {
        return Collections.unmodifiableList(new ArrayList<>(trueValues.keySet()));
    }

    /**
     * Returns the true values of a dimension.
     *
     * @param dimension the dimension name
     * @return a copy of the values, one per prediction
     * @throws IllegalArgumentException if the model has no such dimension
     */
    public double[] trueValues(String dimension) {
        return lookup(trueValues, dimension).clone();
    }

    /**
     * Returns the predicted values of a dimension.
     *
     * @param dimension the dimension name
     * @return a copy of the values, one per prediction
     * @throws IllegalArgumentException if the model has no such dimension
     */
    public double[] predictedValues(String dimension) {
        return lookup(predictedValues, dimension).clone();
    }

    private double[] lookup(Map<String, double[]> values, String dimension) {
        double[] found = values.get(dimension);
        if (found == null) {
            throw new IllegalArgumentException(
                    "no dimension '" + dimension + "': expected one of " + values.keySet());
        }
        return found;
    }
}
