package org.magicnas.data;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Java copy of HuggingFace's {@code BertNormalizer} (clean_text, handle_chinese_chars,
 * strip_accents, lowercase) followed by its {@code BertPreTokenizer}.
 *
 * <p>Normalization removes NUL, U+FFFD and control characters (Unicode category C* except tab,
 * line feed and carriage return), maps whitespace to a space, surrounds CJK ideographs with
 * spaces, decomposes to NFD and drops non-spacing marks (Mn), then lower-cases each code point.
 * Pre-tokenization splits on whitespace and makes every punctuation character (Unicode P* or
 * ASCII 33-47, 58-64, 91-96, 123-126) a token of its own.
 */
public final class BertPreTokenizer {

    private BertPreTokenizer() {}

    /**
     * Normalizes and splits text into words, as the HuggingFace BERT pipeline does before the
     * WordPiece model sees it.
     *
     * @param text the raw text
     * @return the words, in order
     */
    public static List<String> pretokenize(String text) {
        String normalized = normalize(text);
        List<String> words = new ArrayList<>();
        int start = -1;
        int i = 0;
        while (i < normalized.length()) {
            int cp = normalized.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (isWhitespace(cp) || isPunctuation(cp)) {
                if (start >= 0) {
                    words.add(normalized.substring(start, i));
                    start = -1;
                }
                if (!isWhitespace(cp)) {
                    words.add(normalized.substring(i, next));
                }
            } else if (start < 0) {
                start = i;
            }
            i = next;
        }
        if (start >= 0) {
            words.add(normalized.substring(start));
        }
        return words;
    }

    /**
     * Applies the BertNormalizer steps: clean text, pad CJK ideographs, strip accents,
     * lower-case.
     *
     * @param text the raw text
     * @return the normalized text
     */
    public static String normalize(String text) {
        StringBuilder cleaned = new StringBuilder(text.length() + 8);
        boolean ascii = true;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == 0 || cp == 0xFFFD || isControl(cp)) {
                continue;
            }
            if (isWhitespace(cp)) {
                cleaned.append(' ');
            } else if (isChineseChar(cp)) {
                cleaned.append(' ').appendCodePoint(cp).append(' ');
                ascii = false;
            } else {
                cleaned.appendCodePoint(cp);
                ascii &= cp < 0x80;
            }
        }
        if (ascii) {
            return asciiLowerCase(cleaned);
        }
        String decomposed = Normalizer.normalize(cleaned, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.getType(cp) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (cp < 0x80) {
                out.append((char) (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
            } else {
                // Per code point, like Rust's char::to_lowercase (no final-sigma context).
                out.append(new String(Character.toChars(cp)).toLowerCase(Locale.ROOT));
            }
        }
        return out.toString();
    }

    private static String asciiLowerCase(StringBuilder text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                text.setCharAt(i, (char) (c + 32));
            }
        }
        return text.toString();
    }

    /**
     * Tells whether a code point is whitespace in the sense of Rust's {@code char::is_whitespace}
     * (the Unicode White_Space property).
     *
     * @param cp the code point
     * @return true for whitespace
     */
    static boolean isWhitespace(int cp) {
        return switch (cp) {
            case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F,
                    0x205F, 0x3000 -> true;
            default -> cp >= 0x2000 && cp <= 0x200A;
        };
    }

    /**
     * Tells whether a code point is removed by clean_text: Unicode category Cc, Cf, Cs, Co or Cn,
     * except tab, line feed and carriage return.
     *
     * @param cp the code point
     * @return true for a control character
     */
    static boolean isControl(int cp) {
        if (cp == '\t' || cp == '\n' || cp == '\r') {
            return false;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED -> true;
            default -> false;
        };
    }

    /**
     * Tells whether a code point is punctuation for BERT: ASCII punctuation or Unicode P*.
     *
     * @param cp the code point
     * @return true for punctuation
     */
    static boolean isPunctuation(int cp) {
        if ((cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96)
                || (cp >= 123 && cp <= 126)) {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION,
                    Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    /**
     * Tells whether a code point is a CJK ideograph in the ranges BERT pads with spaces.
     *
     * @param cp the code point
     * @return true for a CJK ideograph
     */
    static boolean isChineseChar(int cp) {
        return (cp >= 0x4E00 && cp <= 0x9FFF)
                || (cp >= 0x3400 && cp <= 0x4DBF)
                || (cp >= 0x20000 && cp <= 0x2A6DF)
                || (cp >= 0x2A700 && cp <= 0x2B73F)
                || (cp >= 0x2B740 && cp <= 0x2B81F)
                || (cp >= 0x2B920 && cp <= 0x2CEAF)
                || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0x2F800 && cp <= 0x2FA1F);
    }
}
