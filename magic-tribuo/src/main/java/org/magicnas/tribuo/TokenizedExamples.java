package org.magicnas.tribuo;

import java.util.ArrayList;
import java.util.List;
import org.magicnas.data.tribuo.TokenFeatures;
import org.magicnas.finetune.SequenceData;
import org.magicnas.finetune.TaskKind;
import org.tribuo.Example;
import org.tribuo.Output;

/** Reads token and segment ids from examples' features by name ({@link TokenFeatures}). */
final class TokenizedExamples {
    private TokenizedExamples() {}

    /**
     * Converts examples.
     *
     * @param examples the examples
     * @param maxLength the longest sequence
     * @param adapter labels to engine targets, or null to leave them out (prediction)
     * @param <T> the output type
     * @return the data
     * @throws IllegalArgumentException if an example has no token features
     */
    static <T extends Output<T>> SequenceData of(List<Example<T>> examples, int maxLength, OutputAdapter<T> adapter) {
        int[][] ids = new int[examples.size()][];
        int[][] segments = new int[examples.size()][];
        for (int i = 0; i < ids.length; i++) {
            int[][] decoded = TokenFeatures.decode(examples.get(i), maxLength);
            int length = 0;
            while (length < maxLength && decoded[0][length] != 0) {
                length++;
            }
            if (length == 0) {
                throw new IllegalArgumentException("example " + i + " has no token features (" + TokenFeatures.tokenName(0)
                        + "...): make examples with BertTextExtractor");
            }
            ids[i] = java.util.Arrays.copyOf(decoded[0], length);
            segments[i] = java.util.Arrays.copyOf(decoded[1], length);
        }
        if (adapter == null) {
            return new SequenceData(ids, segments, null, null);
        }
        return adapter.kind() == TaskKind.CLASSIFICATION
                ? new SequenceData(ids, segments, adapter.classes(examples), null)
                : new SequenceData(ids, segments, null, adapter.targets(examples));
    }

    /**
     * Copies an iterable of examples into a list.
     *
     * @param examples the examples
     * @param <T> the output type
     * @return the list
     */
    static <T extends Output<T>> List<Example<T>> list(Iterable<Example<T>> examples) {
        List<Example<T>> out = new ArrayList<>();
        examples.forEach(out::add);
        return out;
    }
}
