package org.magicnas.tribuo;

import java.util.List;
import org.magicnas.finetune.TaskKind;
import org.tribuo.Example;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

/**
 * Turns a Tribuo output type into what the engine trains on (class indices or target values) and
 * the engine's outputs back into Tribuo predictions. Class indices are Tribuo's output ids, always
 * read through the {@link ImmutableOutputInfo}.
 *
 * @param <T> the output type
 */
interface OutputAdapter<T extends Output<T>> {

    /**
     * Classification or regression.
     *
     * @return the kind
     */
    TaskKind kind();

    /**
     * The number of model outputs.
     *
     * @return classes, or 1
     */
    int outputs();

    /**
     * Class indices of examples (classification).
     *
     * @param examples the examples
     * @return one index per example
     */
    int[] classes(List<Example<T>> examples);

    /**
     * Target values of examples (regression).
     *
     * @param examples the examples
     * @return one value per example
     */
    float[] targets(List<Example<T>> examples);

    /**
     * A Tribuo prediction from the model's outputs.
     *
     * @param scores class probabilities, or the value
     * @param example the example
     * @return the prediction
     */
    Prediction<T> prediction(float[] scores, Example<T> example);

    /**
     * The adapter for an output domain: {@code Label}s, or one-dimensional {@code Regressor}s.
     *
     * @param info the domain
     * @param <T> the output type
     * @return the adapter
     * @throws IllegalArgumentException for other output types
     */
    @SuppressWarnings("unchecked")
    static <T extends Output<T>> OutputAdapter<T> of(ImmutableOutputInfo<T> info) {
        if (info.size() == 0) {
            throw new IllegalArgumentException("the dataset has no outputs");
        }
        Output<?> first = info.getOutput(info.iterator().next().getA());
        if (first instanceof Label) {
            return (OutputAdapter<T>) new LabelAdapter((ImmutableOutputInfo<Label>) info);
        }
        if (first instanceof Regressor) {
            return (OutputAdapter<T>) new RegressorAdapter((ImmutableOutputInfo<Regressor>) info);
        }
        throw new IllegalArgumentException("MAGIC models predict Label or Regressor outputs, not " + first.getClass().getSimpleName());
    }
}
