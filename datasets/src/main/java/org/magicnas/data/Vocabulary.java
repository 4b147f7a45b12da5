package org.magicnas.data;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable WordPiece vocabulary: a list of distinct tokens whose index is the token id.
 *
 * <p>The first tokens are always the {@link SpecialTokens} in the order {@code [PAD] [UNK] [CLS]
 * [SEP] [MASK]}, so their ids are 0 to 4. Continuation pieces carry the {@code ##} prefix.
 */
public final class Vocabulary {

    /** The prefix of word pieces that continue a word. */
    public static final String CONTINUATION_PREFIX = "##";

    private final List<String> tokens;
    private final Map<String, Integer> ids;

    /**
     * Creates a vocabulary from its tokens in id order.
     *
     * @param tokens the tokens; must start with {@link SpecialTokens#ALL} and contain no
     *     duplicates or empty strings
     * @throws IllegalArgumentException if the tokens break those rules
     */
    public Vocabulary(List<String> tokens) {
        List<String> copy = List.copyOf(tokens);
        if (copy.size() < SpecialTokens.ALL.size()
                || !copy.subList(0, SpecialTokens.ALL.size()).equals(SpecialTokens.ALL)) {
            throw new IllegalArgumentException(
                    "vocabulary must start with " + SpecialTokens.ALL + " but starts with "
                            + copy.subList(0, Math.min(copy.size(), SpecialTokens.ALL.size())));
        }
        Map<String, Integer> index = new HashMap<>(copy.size() * 2);
        for (int i = 0; i < copy.size(); i++) {
            String token = copy.get(i);
            if (token.isEmpty() || token.equals(CONTINUATION_PREFIX)) {
                throw new IllegalArgumentException(
                        "vocabulary token " + i + " is '" + token + "': expected a non-empty piece");
            }
            Integer previous = index.putIfAbsent(token, i);
            if (previous != null) {
                throw new IllegalArgumentException(
                        "vocabulary token '" + token + "' appears at ids " + previous + " and " + i
                                + ": expected distinct tokens");
            }
        }
        this.tokens = copy;
        this.ids = index;
    }

    /**
     * Returns the id of a token, or the id of {@code [UNK]} if the token is not in the
     * vocabulary.
     *
     * @param token the token
     * @return its id
     */
    public int id(String token) {
        Integer id = ids.get(token);
        return id == null ? SpecialTokens.UNK_ID : id;
    }

    /**
     * Tells whether a token is in the vocabulary.
     *
     * @param token the token
     * @return true if it has an id
     */
    public boolean contains(String token) {
        return ids.containsKey(token);
    }

    /**
     * Returns the token with an id.
     *
     * @param id the id, in {@code [0, size())}
     * @return the token
     * @throws IndexOutOfBoundsException if the id is out of range
     */
    public String token(int id) {
        return tokens.get(id);
    }

    /**
     * Returns the number of tokens, including the special tokens.
     *
     * @return the vocabulary size
     */
    public int size() {
        return tokens.size();
    }

    /**
     * Returns all tokens in id order.
     *
     * @return an unmodifiable list
     */
    public List<String> tokens() {
        return tokens;
    }

    /** Two vocabularies are equal when they hold the same tokens in the same order. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Vocabulary v && tokens.equals(v.tokens);
    }

    @Override
    public int hashCode() {
        return tokens.hashCode();
    }

    @Override
    public String toString() {
        return "Vocabulary(" + tokens.size() + " tokens)";
    }
}
