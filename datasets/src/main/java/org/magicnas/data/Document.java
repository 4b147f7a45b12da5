package org.magicnas.data;

import java.util.List;
import java.util.Objects;

/**
 * One document of a corpus: an identifier, a category and its sentences as plain text.
 *
 * <p>Sentences carry no annotation (part-of-speech tags are stripped); the tokens of a sentence
 * are joined by single spaces.
 *
 * @param id the document identifier, unique within its corpus
 * @param category the document category, or the empty string when the corpus has none
 * @param sentences the sentences, in document order; an unmodifiable copy is stored
 */
public record Document(String id, String category, List<String> sentences) {

    /**
     * Creates a document, copying the sentence list.
     *
     * @param id the document identifier
     * @param category the category, never null
     * @param sentences the sentences, never null
     */
    public Document {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        sentences = List.copyOf(sentences);
    }

    /**
     * Counts the space-separated words of all sentences.
     *
     * @return the number of words in this document
     */
    public long wordCount() {
        long count = 0;
        for (String sentence : sentences) {
            count += countWords(sentence);
        }
        return count;
    }

    private static int countWords(String sentence) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < sentence.length(); i++) {
            boolean space = sentence.charAt(i) == ' ';
            if (!space && !inWord) {
                count++;
            }
            inWord = !space;
        }
        return count;
    }
}
