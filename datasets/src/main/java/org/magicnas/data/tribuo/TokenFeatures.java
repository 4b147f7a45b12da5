package org.magicnas.data.tribuo;

import java.util.Arrays;
import java.util.Locale;
import org.magicnas.data.SpecialTokens;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.Output;
import org.tribuo.impl.ArrayExample;

/**
 * The encoding of BERT-formatted token ids as Tribuo features, and its inverse.
 *
 * <p>A sequence of at most {@code maxLength} ids becomes one feature per position:
 *
 * <ul>
 *   <li>{@code t000}, {@code t001}, ... ({@code "t" + %03d position}): the token id at that
 *       position, as a double (ids include {@code [CLS]} at position 0 and every {@code [SEP]});
 *   <li>{@code s000}, ... ({@code "s" + %03d position}): present with value {@code 1.0} only for
 *       positions in the second segment of a sentence pair; absent means the first segment;
 *   <li>padding positions have no feature at all.
 * </ul>
 *
 * <p>Tribuo numbers features by sorted name over the features it has seen, so a feature's id says
 * nothing about its position: models must decode by name with {@link #decode(Example, int)}.
 * Single sentences are laid out as {@code [CLS] a [SEP]} and pairs as {@code [CLS] a [SEP] b
 * [SEP]}, as in BERT; when too long, pairs lose tokens from the end of the longer sentence first
 * (the second on ties), exactly as BERT's {@code _truncate_seq_pair}.
 */
public final class TokenFeatures {

    /** Prefix of token-id feature names. */
    public static final String TOKEN_PREFIX = "t";

    /** Prefix of segment feature names. */
    public static final String SEGMENT_PREFIX = "s";

    /** Value of a segment feature: the position belongs to the second sentence. */
    public static final double SECOND_SEGMENT = 1.0;

    /** The smallest supported maximum length: {@code [CLS] x [SEP] y [SEP]} for a pair. */
    public static final int MIN_LENGTH = 5;

    /** The largest supported maximum length; keeps names at three zero-padded digits. */
    public static final int MAX_LENGTH = 1000;

    private static final String[] TOKEN_NAMES = names(TOKEN_PREFIX);
    private static final String[] SEGMENT_NAMES = names(SEGMENT_PREFIX);

    private TokenFeatures() {}

    /**
     * Returns the token feature name of a position.
     *
     * @param position the position, in [0, {@value #MAX_LENGTH})
     * @return {@code t} followed by the position as three digits
     * @throws IllegalArgumentException if the position is out of range
     */
    public static String tokenName(int position) {
        return TOKEN_NAMES[checkPosition(position)];
    }

    /**
     * Returns the segment feature name of a position.
     *
     * @param position the position, in [0, {@value #MAX_LENGTH})
     * @return {@code s} followed by the position as three digits
     * @throws IllegalArgumentException if the position is out of range
     */
    public static String segmentName(int position) {
        return SEGMENT_NAMES[checkPosition(position)];
    }

    /**
     * Formats one sentence as {@code [CLS] a [SEP]}, keeping the first {@code maxLength - 2} ids
     * of {@code a}.
     *
     * @param a the sentence's ids, without special tokens
     * @param maxLength the maximum sequence length
     * @return {ids, segments}: equal-length arrays, all segments 0
     * @throws IllegalArgumentException if {@code maxLength} is out of range
     */
    public static int[][] single(int[] a, int maxLength) {
        checkMaxLength(maxLength);
        int keep = Math.min(a.length, maxLength - 2);
        int[] ids = new int[keep + 2];
        ids[0] = SpecialTokens.CLS_ID;
        System.arraycopy(a, 0, ids, 1, keep);
        ids[keep + 1] = SpecialTokens.SEP_ID;
        return new int[][] {ids, new int[ids.length]};
    }

    /**
     * Formats a sentence pair as {@code [CLS] a [SEP] b [SEP]}; {@code b} and its {@code [SEP]}
     * are segment 1. While the pair has more than {@code maxLength - 3} ids, the last id of the
     * longer sentence is dropped ({@code b}'s when both are equally long).
     *
     * @param a the first sentence's ids, without special tokens
     * @param b the second sentence's ids, without special tokens
     * @param maxLength the maximum sequence length
     * @return {ids, segments}: equal-length arrays
     * @throws IllegalArgumentException if {@code maxLength} is out of range
     */
    public static int[][] pair(int[] a, int[] b, int maxLength) {
        checkMaxLength(maxLength);
        int keepA = a.length;
        int keepB = b.length;
        while (keepA + keepB > maxLength - 3) {
            if (keepA > keepB) {
                keepA--;
            } else {
                keepB--;
            }
        }
        int length = keepA + keepB + 3;
        int[] ids = new int[length];
        int[] segments = new int[length];
        ids[0] = SpecialTokens.CLS_ID;
        System.arraycopy(a, 0, ids, 1, keepA);
        ids[keepA + 1] = SpecialTokens.SEP_ID;
        System.arraycopy(b, 0, ids, keepA + 2, keepB);
        ids[length - 1] = SpecialTokens.SEP_ID;
        Arrays.fill(segments, keepA + 2, length, 1);
        return new int[][] {ids, segments};
    }

    /**
     * Builds an example holding the features of a formatted sequence.
     *
     * @param output the example's output (or the factory's unknown output)
     * @param ids the token ids, at most {@value #MAX_LENGTH}
     * @param segments 0 or 1 per position, same length as {@code ids}
     * @param <T> the output type
     * @return an example with one {@code t} feature per position and one {@code s} feature per
     *     second-segment position
     * @throws IllegalArgumentException if the arrays differ in length, are too long, an id is
     *     negative or a segment is not 0 or 1
     */
    public static <T extends Output<T>> ArrayExample<T> toExample(
            T output, int[] ids, int[] segments) {
        if (ids.length != segments.length || ids.length > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    ids.length + " ids and " + segments.length
                            + " segments: expected equal lengths of at most " + MAX_LENGTH);
        }
        int second = 0;
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || (segments[i] != 0 && segments[i] != 1)) {
                throw new IllegalArgumentException(
                        "position " + i + " has id " + ids[i] + " and segment " + segments[i]
                                + ": expected an id >= 0 and a segment of 0 or 1");
            }
            second += segments[i];
        }
        String[] names = new String[ids.length + second];
        double[] values = new double[names.length];
        int next = 0;
        for (int i = 0; i < ids.length; i++) {
            names[next] = tokenName(i);
            values[next++] = ids[i];
            if (segments[i] == 1) {
                names[next] = segmentName(i);
                values[next++] = SECOND_SEGMENT;
            }
        }
        return new ArrayExample<>(output, names, values);
    }

    /**
     * Decodes an example's features by name into fixed-length arrays.
     *
     * <p>Positions without a token feature are padding: their id is {@link SpecialTokens#PAD_ID}
     * and their segment 0. Features whose names are not {@code t}/{@code s} plus three digits are
     * ignored, so other features may travel alongside.
     *
     * @param example the example
     * @param maxLength the length of the returned arrays
     * @return {ids, segments}, each of length {@code maxLength}
     * @throws IllegalArgumentException if a position is at or beyond {@code maxLength}, a token
     *     value is not a non-negative integer, a segment value is not {@value #SECOND_SEGMENT}, a
     *     token position is missing before a present one, or a segment feature has no token
     */
    public static int[][] decode(Example<?> example, int maxLength) {
        if (maxLength < 1 || maxLength > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "maxLength " + maxLength + " is out of range: expected 1.." + MAX_LENGTH);
        }
        int[] ids = new int[maxLength];
        int[] segments = new int[maxLength];
        boolean[] present = new boolean[maxLength];
        int length = 0;
        for (Feature feature : example) {
            String name = feature.getName();
            int position = position(name);
            if (position < 0) {
                continue;
            }
            if (position >= maxLength) {
                throw new IllegalArgumentException(
                        "feature " + name + " is at position " + position
                                + ": expected positions below maxLength " + maxLength);
            }
            double value = feature.getValue();
            if (name.startsWith(TOKEN_PREFIX)) {
                if (!(value >= 0 && value <= Integer.MAX_VALUE && value == Math.rint(value))) {
                    throw new IllegalArgumentException(
                            "feature " + name + " has value " + value
                                    + ": expected a non-negative integer token id");
                }
                ids[position] = (int) value;
                present[position] = true;
                length = Math.max(length, position + 1);
            } else {
                if (value != SECOND_SEGMENT) {
                    throw new IllegalArgumentException(
                            "feature " + name + " has value " + value + ": expected "
                                    + SECOND_SEGMENT);
                }
                segments[position] = 1;
            }
        }
        for (int i = 0; i < maxLength; i++) {
            if (i < length && !present[i]) {
                throw new IllegalArgumentException(
                        "example has no feature " + tokenName(i) + " but has tokens up to "
                                + tokenName(length - 1) + ": expected contiguous positions");
            }
            if (segments[i] == 1 && !present[i]) {
                throw new IllegalArgumentException(
                        "feature " + segmentName(i) + " has no matching " + tokenName(i)
                                + ": expected segments only on token positions");
            }
        }
        return new int[][] {ids, segments};
    }

    /**
     * Validates a maximum sequence length.
     *
     * @param maxLength the length
     * @throws IllegalArgumentException if it is outside [{@value #MIN_LENGTH}, {@value
     *     #MAX_LENGTH}]
     */
    static void checkMaxLength(int maxLength) {
        if (maxLength < MIN_LENGTH || maxLength > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "maxLength " + maxLength + " is out of range: expected " + MIN_LENGTH + ".."
                            + MAX_LENGTH);
        }
    }

    /** Parses {@code t123}/{@code s123}; returns -1 for any other name. */
    private static int position(String name) {
        if (name.length() != 4
                || !(name.startsWith(TOKEN_PREFIX) || name.startsWith(SEGMENT_PREFIX))) {
            return -1;
        }
        int position = 0;
        for (int i = 1; i < 4; i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            position = position * 10 + (c - '0');
        }
        return position;
    }

    private static int checkPosition(int position) {
        if (position < 0 || position >= MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "position " + position + " is out of range: expected 0.." + (MAX_LENGTH - 1));
        }
        return position;
    }

    private static String[] names(String prefix) {
        String[] names = new String[MAX_LENGTH];
        for (int i = 0; i < MAX_LENGTH; i++) {
            names[i] = prefix + String.format(Locale.ROOT, "%03d", i);
        }
        return names;
    }
}
