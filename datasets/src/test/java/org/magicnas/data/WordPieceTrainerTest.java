package org.magicnas.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class WordPieceTrainerTest {

    /** Sample sentences plus random pseudo-words, so there are many merges to make. */
    static List<String> trainingTexts() {
        List<String> texts = new ArrayList<>(Fixtures.sampleSentences());
        Random random = new Random(5);
        String[] syllables = {"ka", "lo", "mi", "ner", "sta", "ble", "tion", "pre", "un", "ing"};
        for (int s = 0; s < 300; s++) {
            StringBuilder sentence = new StringBuilder();
            for (int w = 0; w < 8; w++) {
                int parts = 1 + random.nextInt(3);
                for (int p = 0; p < parts; p++) {
                    sentence.append(syllables[random.nextInt(syllables.length)]);
                }
                sentence.append(w == 7 ? "." : " ");
            }
            texts.add(sentence.toString());
        }
        return texts;
    }

    @Test
    void exactSizeSpecialsFirstAndNoUnknownOnTrainingWords() {
        List<String> texts = trainingTexts();
        Vocabulary vocabulary = WordPieceTrainer.train(texts, 400, 1);
        assertEquals(400, vocabulary.size());
        assertEquals(SpecialTokens.ALL, vocabulary.tokens().subList(0, 5));
        assertEquals(0, vocabulary.id("[PAD]"));
        assertEquals(4, vocabulary.id("[MASK]"));
        WordPieceEncoder encoder = new WordPieceEncoder(vocabulary);
        for (String text : texts) {
            for (int id : encoder.encode(text)) {
                assertTrue(id != SpecialTokens.UNK_ID, "[UNK] in training text: " + text);
            }
        }
        assertTrue(vocabulary.contains("##tion") || vocabulary.contains("tion"));
    }

    @Test
    void deterministicAcrossRuns() {
        List<String> texts = trainingTexts();
        assertEquals(WordPieceTrainer.train(texts, 300, 2), WordPieceTrainer.train(texts, 300, 2));
    }

    @Test
    void matchesNaiveRecountingTrainer() {
        List<String> texts = trainingTexts();
        for (int size : new int[] {150, 320, 500}) {
            assertEquals(NaiveTrainer.train(texts, size, 1).tokens(),
                    WordPieceTrainer.train(texts, size, 1).tokens(), "vocabulary size " + size);
        }
        assertEquals(NaiveTrainer.train(texts, 500, 6).tokens(),
                WordPieceTrainer.train(texts, 500, 6).tokens(), "minFrequency 6");
    }

    @Test
    void minFrequencyStopsMerging() {
        List<String> texts = List.of("abab abab abab cd");
        Vocabulary vocabulary = WordPieceTrainer.train(texts, 100, 3);
        // alphabet: a, c, ##a, ##b, ##d; only pairs seen 3 times merge. Ties go to the
        // lexicographically smaller pair ("##" sorts before letters): ##a+##b, ##b+##ab, a+##bab.
        assertEquals(List.of("##ab", "##bab", "abab"),
                vocabulary.tokens().subList(vocabulary.size() - 3, vocabulary.size()));
        assertFalse(vocabulary.contains("cd"));
        assertTrue(vocabulary.size() < 100);
    }

    @Test
    void tooSmallVocabularyIsRejectedWithMinimum() {
        List<String> texts = List.of("abc abd");
        // alphabet: a, ##b, ##c, ##d -> minimum 9
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WordPieceTrainer.train(texts, 8, 1));
        assertTrue(e.getMessage().contains("8"), e.getMessage());
        assertTrue(e.getMessage().contains("minimum 9"), e.getMessage());
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class,
                () -> WordPieceTrainer.train(texts, 3, 1));
        assertTrue(e2.getMessage().contains("minimum 5"), e2.getMessage());
        assertEquals(9, WordPieceTrainer.train(texts, 9, 1).size());
    }

    @Test
    void tiesBreakLexicographically() {
        // Pairs (x,##y) and (a,##b) both occur twice; (a,##b) sorts first.
        Vocabulary vocabulary = WordPieceTrainer.train(List.of("xy ab xy ab"), 5 + 4 + 1, 1);
        assertEquals("ab", vocabulary.token(vocabulary.size() - 1));
    }

    /** A direct, slow re-implementation: recount every pair before every merge. */
    static final class NaiveTrainer {
        static Vocabulary train(List<String> texts, int vocabSize, int minFrequency) {
            WordCounts counts = WordCounts.count(texts);
            List<String> tokens = new ArrayList<>(SpecialTokens.ALL);
            List<List<String>> words = new ArrayList<>();
            java.util.TreeSet<String> alphabet = new java.util.TreeSet<>();
            for (String word : counts.words()) {
                List<String> units = new ArrayList<>();
                int[] cps = word.codePoints().toArray();
                for (int i = 0; i < cps.length; i++) {
                    units.add((i == 0 ? "" : "##") + new String(Character.toChars(cps[i])));
                }
                alphabet.addAll(units);
                words.add(units);
            }
            tokens.addAll(alphabet);
            while (tokens.size() < vocabSize) {
                Map<List<String>, Long> pairs = new TreeMap<>((p, q) -> {
                    int c = p.get(0).compareTo(q.get(0));
                    return c != 0 ? c : p.get(1).compareTo(q.get(1));
                });
                for (int w = 0; w < words.size(); w++) {
                    List<String> units = words.get(w);
                    for (int i = 0; i + 1 < units.size(); i++) {
                        pairs.merge(List.of(units.get(i), units.get(i + 1)), counts.counts()[w],
                                Long::sum);
                    }
                }
                List<String> best = null;
                long bestCount = 0;
                for (Map.Entry<List<String>, Long> entry : pairs.entrySet()) {
                    if (entry.getValue() > bestCount) {
                        best = entry.getKey();
                        bestCount = entry.getValue();
                    }
                }
                if (best == null || bestCount < Math.max(1, minFrequency)) {
                    break;
                }
                String merged = best.get(0) + best.get(1).substring(2);
                if (!tokens.contains(merged)) {
                    tokens.add(merged);
                }
                for (List<String> units : words) {
                    for (int i = 0; i + 1 < units.size(); i++) {
                        if (units.get(i).equals(best.get(0)) && units.get(i + 1).equals(best.get(1))) {
                            units.set(i, merged);
                            units.remove(i + 1);
                        }
                    }
                }
            }
            return new Vocabulary(tokens);
        }

        private NaiveTrainer() {}
    }

    @Test
    void vocabularyRejectsBadTokenLists() {
        assertThrows(IllegalArgumentException.class, () -> new Vocabulary(List.of("a", "b")));
        List<String> dup = new ArrayList<>(SpecialTokens.ALL);
        dup.add("x");
        dup.add("x");
        assertThrows(IllegalArgumentException.class, () -> new Vocabulary(dup));
    }
}
