package org.magicnas.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenSequencesTest {

    @TempDir static Path temp;
    static TextTokenizer tokenizer;

    @BeforeAll
    static void load() {
        Path file = temp.resolve("tokenizer.json");
        TokenizerFiles.write(WordPieceTrainer.train(Fixtures.sampleSentences(), 300, 1), file);
        tokenizer = TextTokenizer.load(file);
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    private static List<Integer> concat(List<int[]> parts) {
        List<Integer> all = new ArrayList<>();
        for (int[] part : parts) {
            for (int id : part) {
                all.add(id);
            }
        }
        return all;
    }

    @Test
    void rowsAreFramedBoundedAndPreserveText() {
        Corpus corpus = Fixtures.syntheticCorpus(30, 9);
        int seqLen = 24;
        TokenSequences seqs = TokenSequences.pack(corpus.documents(), tokenizer, seqLen);
        assertEquals(seqLen, seqs.seqLen());
        List<Integer> packed = new ArrayList<>();
        for (int[] row : seqs.ids()) {
            assertTrue(row.length <= seqLen && row.length >= 3, "row length " + row.length);
            assertEquals(tokenizer.clsId(), row[0]);
            assertEquals(tokenizer.sepId(), row[row.length - 1]);
            for (int j = 1; j < row.length - 1; j++) {
                assertTrue(row[j] >= SpecialTokens.FIRST_REGULAR_ID || row[j] == tokenizer.unkId());
                packed.add(row[j]);
            }
        }
        List<int[]> sentences = new ArrayList<>();
        for (Document doc : corpus.documents()) {
            sentences.addAll(tokenizer.encodeAll(doc.sentences()));
        }
        assertEquals(concat(sentences), packed, "packing lost, reordered or duplicated tokens");
    }

    @Test
    void packsWholeSentencesGreedilyWithinDocuments() {
        Document a = new Document("a", "", List.of("one two", "three four", "five six seven"));
        Document b = new Document("b", "", List.of("eight"));
        int[] s1 = tokenizer.encode("one two");
        int[] s2 = tokenizer.encode("three four");
        int[] s3 = tokenizer.encode("five six seven");
        int seqLen = s1.length + s2.length + 2;
        TokenSequences seqs = TokenSequences.pack(List.of(a, b), tokenizer, Math.max(5, seqLen));
        // s1 and s2 share the first row; s3 starts a new row; document b gets its own row.
        assertEquals(3, seqs.size());
        assertEquals(s1.length + s2.length + 2, seqs.ids()[0].length);
        assertEquals(s3.length + 2, seqs.ids()[1].length);
        assertEquals(tokenizer.encode("eight").length + 2, seqs.ids()[2].length);
    }

    @Test
    void longSentenceIsChunked() {
        String sentence = "word ".repeat(23).strip();
        int[] ids = tokenizer.encode(sentence);
        int seqLen = 10;
        TokenSequences seqs =
                TokenSequences.pack(List.of(new Document("x", "", List.of(sentence))), tokenizer,
                        seqLen);
        int body = seqLen - 2;
        assertEquals((ids.length + body - 1) / body, seqs.size());
        for (int r = 0; r < seqs.size() - 1; r++) {
            assertEquals(seqLen, seqs.ids()[r].length);
        }
        int[] last = seqs.ids()[seqs.size() - 1];
        assertEquals(ids.length - body * (seqs.size() - 1) + 2, last.length);
    }

    @Test
    void deterministicAndValidated() {
        Corpus corpus = Fixtures.syntheticCorpus(10, 4);
        TokenSequences a = TokenSequences.pack(corpus.documents(), tokenizer, 16);
        TokenSequences b = TokenSequences.pack(corpus.documents(), tokenizer, 16);
        assertEquals(a, b);
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.ids()[i], b.ids()[i]);
        }
        assertThrows(IllegalArgumentException.class,
                () -> TokenSequences.pack(corpus.documents(), tokenizer, 4));
        assertEquals(0, TokenSequences.pack(
                List.of(new Document("e", "", List.of("", " "))), tokenizer, 8).size());
    }
}
