package org.magicnas.data;

import java.util.ArrayList;
import java.util.List;

/**
 * A Java WordPiece encoder with the semantics of HuggingFace's {@code WordPiece} model: greedy
 * longest-match-first within each pre-tokenized word, {@code ##} on continuation pieces, and the
 * whole word mapped to a single {@code [UNK]} when it cannot be covered or is longer than {@value
 * #MAX_INPUT_CHARS_PER_WORD} characters.
 *
 * <p>The engine encodes through {@link TextTokenizer}; this class exists to train, check and
 * document the vocabulary without native code.
 */
public final class WordPieceEncoder {

    /** Words with more code points than this become {@code [UNK]}. */
    public static final int MAX_INPUT_CHARS_PER_WORD = 100;

    private final Vocabulary vocabulary;

    /**
     * Creates an encoder over a vocabulary.
     *
     * @param vocabulary the vocabulary
     */
    public WordPieceEncoder(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /**
     * Encodes text: {@link BertPreTokenizer#pretokenize} then WordPiece. No special tokens are
     * added.
     *
     * @param text the text
     * @return the token ids
     */
    public int[] encode(String text) {
        List<String> pieces = tokenize(text);
        int[] ids = new int[pieces.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = vocabulary.id(pieces.get(i));
        }
        return ids;
    }

    /**
     * Splits text into word pieces.
     *
     * @param text the text
     * @return the pieces, with {@code [UNK]} for words that cannot be covered
     */
    public List<String> tokenize(String text) {
        List<String> pieces = new ArrayList<>();
        for (String word : BertPreTokenizer.pretokenize(text)) {
            tokenizeWord(word, pieces);
        }
        return pieces;
    }

    /**
     * Splits one pre-tokenized word into pieces, appending them to {@code out}.
     *
     * @param word the word
     * @param out receives the pieces, or a single {@code [UNK]}
     */
    void tokenizeWord(String word, List<String> out) {
        int[] offsets = word.codePoints().map(Character::charCount).toArray();
        int n = offsets.length;
        if (n > MAX_INPUT_CHARS_PER_WORD) {
            out.add(SpecialTokens.UNK);
            return;
        }
        int[] bounds = new int[n + 1];
        for (int i = 0; i < n; i++) {
            bounds[i + 1] = bounds[i] + offsets[i];
        }
        int mark = out.size();
        int start = 0;
        while (start < n) {
            String found = null;
            int end = n;
            while (end > start) {
                String piece = word.substring(bounds[start], bounds[end]);
                if (start > 0) {
                    piece = Vocabulary.CONTINUATION_PREFIX + piece;
                }
                if (vocabulary.contains(piece)) {
                    found = piece;
                    break;
                }
                end--;
            }
            if (found == null) {
                out.subList(mark, out.size()).clear();
                out.add(SpecialTokens.UNK);
                return;
            }
            out.add(found);
            start = end;
        }
    }
}
