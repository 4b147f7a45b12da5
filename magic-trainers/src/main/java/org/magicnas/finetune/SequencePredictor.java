package org.magicnas.finetune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.magicnas.supernet.NoGradient;

/** Batched inference with a fine-tuned model: class probabilities, or values for regression. */
public final class SequencePredictor {
    private SequencePredictor() {}

    /**
     * Predicts every example.
     *
     * @param model the model
     * @param manager a manager under which each batch is scoped
     * @param data the examples (labels unused)
     * @param batchSize examples per forward pass
     * @return per example: class probabilities (C) or the value (1)
     */
    public static float[][] predict(SequenceModel model, NDManager manager, SequenceData data, int batchSize) {
        return NoGradient.call(() -> predictBatches(model, manager, data, batchSize));
    }

    private static float[][] predictBatches(SequenceModel model, NDManager manager, SequenceData data, int batchSize) {
        float[][] out = new float[data.size()][];
        for (int from = 0; from < data.size(); from += batchSize) {
            int to = Math.min(data.size(), from + batchSize);
            try (NDManager sm = manager.newSubManager()) {
                NDArray y = model.apply(SequenceBatches.context(sm, data, from, to, 0), false);
                if (model.kind() == TaskKind.CLASSIFICATION) {
                    y = y.softmax(-1);
                }
                float[] flat = y.toFloatArray();
                int c = model.outputs();
                for (int i = from; i < to; i++) {
                    out[i] = new float[c];
                    System.arraycopy(flat, (i - from) * c, out[i], 0, c);
                }
            }
        }
        return out;
    }
}
