package org.magicnas.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class BertPreTokenizerTest {

    @Test
    void lowercasesStripsAccentsAndIsolatesPunctuation() {
        assertEquals(List.of("hello", ",", "naive", "cafe", "!", "creme", "brulee", "."),
                BertPreTokenizer.pretokenize("Héllo, NAÏVE Café! Crème brûlée."));
    }

    @Test
    void splitsAsciiAndUnicodePunctuation() {
        assertEquals(List.of("it", "'", "s", "$", "1", ",", "250", ".", "00", "-", "-", "ok"),
                BertPreTokenizer.pretokenize("It's $1,250.00 --ok"));
        assertEquals(List.of("\u201c", "quoted", "\u201d", "\u2014", "dash", "\u00bf", "que", "?"),
                BertPreTokenizer.pretokenize("\u201cQuoted\u201d\u2014dash \u00bfQue?"));
        // '^' and '`' are ASCII punctuation (category Sk), '+' is ASCII punctuation (Sm).
        assertEquals(List.of("a", "^", "b", "`", "c", "+", "d"),
                BertPreTokenizer.pretokenize("a^b`c+d"));
        // Non-ASCII symbols that are not P* stay inside words.
        assertEquals(List.of("x\u00b0y"), BertPreTokenizer.pretokenize("x\u00b0y"));
    }

    @Test
    void cleansControlsAndWhitespace() {
        assertEquals(List.of("a", "b", "c", "d"),
                BertPreTokenizer.pretokenize("a\tb\u00a0c\u3000d\u0000"));
        // Zero-width space (Cf) and U+000B (Cc) are removed, joining their neighbours.
        assertEquals(List.of("ab", "cd"), BertPreTokenizer.pretokenize("a\u200bb c\u000bd"));
    }

    @Test
    void padsChineseCharacters() {
        assertEquals(List.of("i", "\u4f60", "\u597d", "x"),
                BertPreTokenizer.pretokenize("I\u4f60\u597dx"));
    }

    @Test
    void lowercasesPerCodePoint() {
        // Rust's char::to_lowercase maps capital sigma to sigma even at the end of a word.
        assertEquals(List.of("\u03bf\u03b4\u03bf\u03c3"),
                BertPreTokenizer.pretokenize("\u039f\u0394\u039f\u03a3"));
    }
}
