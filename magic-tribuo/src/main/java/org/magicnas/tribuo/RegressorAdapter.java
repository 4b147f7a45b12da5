package org.magicnas.tribuo;

import java.util.List;
import org.magicnas.finetune.TaskKind;
import org.tribuo.Example;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Prediction;
import org.tribuo.regression.Regressor;

/** Regression of one dimension (such as STS-B's score). */
final class RegressorAdapter implements OutputAdapter<Regressor> {
    private final String dimension;

    RegressorAdapter(ImmutableOutputInfo<Regressor> info) {
        if (info.size() != 1) {
            throw new IllegalArgumentException("MAGIC regression predicts one dimension, the dataset has " + info.size());
        }
        this.dimension = info.getOutput(0).getNames()[0];
    }

    @Override
    public TaskKind kind() {
        return TaskKind.REGRESSION;
    }

    @Override
    public int outputs() {
        return 1;
    }

    @Override
    public int[] classes(List<Example<Regressor>> examples) {
        throw new UnsupportedOperationException("regressors have no classes");
    }

    @Override
    public float[] targets(List<Example<Regressor>> examples) {
        float[] out = new float[examples.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) examples.get(i).getOutput().getValues()[0];
        }
        return out;
    }

    @Override
    public Prediction<Regressor> prediction(float[] scores, Example<Regressor> example) {
        return new Prediction<>(new Regressor(dimension, scores[0]), example.size(), example);
    }
}
