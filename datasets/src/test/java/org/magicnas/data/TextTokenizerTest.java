package org.magicnas.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextTokenizerTest {

    @TempDir static Path temp;
    static Vocabulary vocabulary;
    static Path file;

    @BeforeAll
    static void writeTokenizer() {
        vocabulary = WordPieceTrainer.train(WordPieceTrainerTest.trainingTexts(), 600, 1);
        file = temp.resolve("tok").resolve("tokenizer.json");
        TokenizerFiles.write(vocabulary, file);
    }

    /** Sentences seen in training plus unseen ones with odd characters. */
    static List<String> probeSentences() {
        List<String> probes = new ArrayList<>(Fixtures.sampleSentences());
        probes.add("Unseen WORDS like xylophone-quartz and Ångström's läser.");
        probes.add("tabs\tand\u00a0non-breaking\u3000spaces, zero\u200bwidth and \u000bcontrol");
        probes.add("\u201cCurly quotes\u201d \u2014 dashes \u00bfand\u00a1 ellipsis\u2026 #hash @at");
        probes.add("Chinese \u4e2d\u6587 text, snowman \u2603 and emoji \ud83d\ude00 here.");
        probes.add("ΟΔΟΣ Straße İstanbul ǅ");
        probes.add("a".repeat(101) + " " + "b".repeat(100));
        probes.add("");
        return probes;
    }

    @Test
    void writesExpectedTokenizerJson() throws IOException {
        JsonObject root = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        JsonObject normalizer = root.getAsJsonObject("normalizer");
        assertEquals("BertNormalizer", normalizer.get("type").getAsString());
        assertTrue(normalizer.get("strip_accents").isJsonNull());
        assertTrue(normalizer.get("lowercase").getAsBoolean());
        assertEquals("BertPreTokenizer",
                root.getAsJsonObject("pre_tokenizer").get("type").getAsString());
        JsonObject model = root.getAsJsonObject("model");
        assertEquals("WordPiece", model.get("type").getAsString());
        assertEquals(100, model.get("max_input_chars_per_word").getAsInt());
        assertEquals(vocabulary.size(), model.getAsJsonObject("vocab").size());
        assertEquals(5, root.getAsJsonArray("added_tokens").size());
        assertEquals(vocabulary, TokenizerFiles.readVocabulary(file));
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "temporary file left behind");
        }
    }

    @Test
    void djlAgreesWithJavaWordPiece() {
        WordPieceEncoder encoder = new WordPieceEncoder(vocabulary);
        try (TextTokenizer tokenizer = TextTokenizer.load(file)) {
            assertEquals(vocabulary.size(), tokenizer.vocabSize());
            for (String text : probeSentences()) {
                assertArrayEquals(encoder.encode(text), tokenizer.encode(text),
                        "mismatch on: " + text + " java=" + encoder.tokenize(text));
            }
        }
    }

    @Test
    void unknownCharactersMapToUnk() {
        try (TextTokenizer tokenizer = TextTokenizer.load(file)) {
            int[] ids = tokenizer.encode("the \u2603 and the caf\u03a9e");
            int unk = tokenizer.unkId();
            assertEquals(1, unk);
            assertEquals(2, Arrays.stream(ids).filter(id -> id == unk).count(),
                    Arrays.toString(ids));
            assertFalse(Arrays.stream(tokenizer.encode("the stable station")).anyMatch(id -> id == unk));
            assertArrayEquals(new int[] {unk}, tokenizer.encode("a".repeat(101)));
        }
    }

    @Test
    void encodeAllMatchesEncodeAndAddsNoSpecials() {
        List<String> probes = probeSentences();
        try (TextTokenizer tokenizer = TextTokenizer.load(file)) {
            List<int[]> batch = tokenizer.encodeAll(probes);
            assertEquals(probes.size(), batch.size());
            for (int i = 0; i < probes.size(); i++) {
                assertArrayEquals(tokenizer.encode(probes.get(i)), batch.get(i));
                for (int id : batch.get(i)) {
                    assertTrue(id != tokenizer.clsId() && id != tokenizer.sepId()
                            && id != tokenizer.padId(), "special id in raw encoding");
                }
            }
            assertEquals(0, tokenizer.encode("").length);
            assertTrue(tokenizer.encodeAll(List.of()).isEmpty());
            String longText = String.join(" ", probes).repeat(5);
            assertTrue(tokenizer.encode(longText).length > 600, "output was truncated");
        }
    }

    @Test
    void specialIdsAndSha() throws IOException {
        try (TextTokenizer tokenizer = TextTokenizer.load(file)) {
            assertEquals(0, tokenizer.padId());
            assertEquals(2, tokenizer.clsId());
            assertEquals(3, tokenizer.sepId());
            assertEquals(4, tokenizer.maskId());
            assertEquals(Fingerprints.sha256Hex(file), tokenizer.sha256());
            assertTrue(tokenizer.sha256().matches("[0-9a-f]{64}"));
        }
        Path copy = Files.copy(file, temp.resolve("copy.json"));
        try (TextTokenizer a = TextTokenizer.load(copy)) {
            TokenizerFiles.write(WordPieceTrainer.train(Fixtures.sampleSentences(), 200, 1), copy);
            try (TextTokenizer b = TextTokenizer.load(copy)) {
                assertFalse(a.sha256().equals(b.sha256()));
            }
        }
    }

    @Test
    void missingFileFailsWithPath() {
        Path missing = temp.resolve("nope.json");
        CorpusException e = assertThrows(CorpusException.class, () -> TextTokenizer.load(missing));
        assertTrue(e.getMessage().contains(missing.toAbsolutePath().toString()), e.getMessage());
    }
}
