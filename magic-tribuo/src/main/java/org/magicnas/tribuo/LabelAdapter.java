package org.magicnas.tribuo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.magicnas.finetune.TaskKind;
import org.tribuo.Example;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;

/** Classification: Tribuo label ids are the class indices; predictions carry probabilities. */
final class LabelAdapter implements OutputAdapter<Label> {
    private final ImmutableOutputInfo<Label> info;

    LabelAdapter(ImmutableOutputInfo<Label> info) {
        if (info.size() < 2) {
            throw new IllegalArgumentException("classification needs at least 2 labels, the dataset has " + info.size());
        }
        this.info = info;
    }

    @Override
    public TaskKind kind() {
        return TaskKind.CLASSIFICATION;
    }

    @Override
    public int outputs() {
        return info.size();
    }

    @Override
    public int[] classes(List<Example<Label>> examples) {
        int[] out = new int[examples.size()];
        for (int i = 0; i < out.length; i++) {
            int id = info.getID(examples.get(i).getOutput());
            if (id < 0) {
                throw new IllegalArgumentException("example " + i + " has label '" + examples.get(i).getOutput().getLabel()
                        + "', which is not in the training domain " + info.getDomain());
            }
            out[i] = id;
        }
        return out;
    }

    @Override
    public float[] targets(List<Example<Label>> examples) {
        throw new UnsupportedOperationException("labels have no regression targets");
    }

    @Override
    public Prediction<Label> prediction(float[] scores, Example<Label> example) {
        Map<String, Label> all = new LinkedHashMap<>();
        Label best = null;
        for (int id = 0; id < scores.length; id++) {
            Label l = new Label(info.getOutput(id).getLabel(), scores[id]);
            all.put(l.getLabel(), l);
            if (best == null || l.getScore() > best.getScore()) {
                best = l;
            }
        }
        return new Prediction<>(best, all, example.size(), example, true);
    }
}
