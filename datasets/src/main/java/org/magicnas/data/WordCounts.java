package org.magicnas.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Frequencies of pre-tokenized words, in a deterministic (sorted) order.
 *
 * @param words the distinct words, sorted
 * @param counts {@code counts[i]} is the frequency of {@code words.get(i)}
 * @param total the total number of word occurrences
 */
record WordCounts(List<String> words, long[] counts, long total) {

    /**
     * Pre-tokenizes every text with {@link BertPreTokenizer} and counts the words.
     *
     * @param texts the texts
     * @return the counts
     */
    static WordCounts count(Iterable<String> texts) {
        Map<String, long[]> counts = new HashMap<>();
        long total = 0;
        for (String text : texts) {
            for (String word : BertPreTokenizer.pretokenize(text)) {
                counts.computeIfAbsent(word, w -> new long[1])[0]++;
                total++;
            }
        }
        List<String> words = new ArrayList<>(counts.keySet());
        Collections.sort(words);
        long[] array = new long[words.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = counts.get(words.get(i))[0];
        }
        return new WordCounts(List.copyOf(words), array, total);
    }
}
