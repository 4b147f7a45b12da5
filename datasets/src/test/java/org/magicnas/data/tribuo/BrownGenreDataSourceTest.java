package org.magicnas.data.tribuo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.magicnas.data.BrownCorpus;
import org.magicnas.data.BrownFixture;
import org.magicnas.data.CorpusException;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.test.Helpers;

class BrownGenreDataSourceTest {

    static final int MAX = 24;
    static final String[] GENRES = {"news", "editorial", "humor", "romance", "lore"};
    static final String LONG = "the jury said that the long report of the county and the city"
            + " of atlanta was not enough for the judge nor for the mayor nor for the people"
            + " who voted in the election";

    @TempDir static Path temp;
    static Path corpus;
    static BertTextExtractor<Label> extractor;
    static Map<String, String> categories = new LinkedHashMap<>();
    static Map<String, List<String>> sentences = new LinkedHashMap<>();

    @BeforeAll
    static void setUp() throws IOException {
        corpus = temp.resolve("brown");
        Files.createDirectories(corpus);
        StringBuilder cats = new StringBuilder();
        List<String> samples = TestTokenizers.sampleSentences();
        for (int d = 0; d < 10; d++) {
            String id = "c" + (char) ('a' + d) + "0" + d;
            String genre = GENRES[d % GENRES.length];
            cats.append(id).append(' ').append(genre).append('\n');
            List<String> doc = new ArrayList<>();
            for (int s = 0; s < 6; s++) {
                String words = samples.get((d * 3 + s) % samples.size());
                String[] split = words.split("\\s+");
                doc.add(String.join(" ", List.of(split).subList(0, Math.min(split.length, 8))));
            }
            if (d == 0) {
                doc.add(2, LONG);
            }
            StringBuilder text = new StringBuilder();
            for (String sentence : doc) {
                text.append("\n\n\t");
                for (String word : sentence.split(" ")) {
                    text.append(word).append("/nn ");
                }
                text.append('\n');
            }
            Files.writeString(corpus.resolve(id), text.toString());
            categories.put(id, genre);
            sentences.put(id, doc);
        }
        Files.writeString(corpus.resolve("cats.txt"), cats.toString());
        List<String> texts = new ArrayList<>(List.of(LONG));
        sentences.values().forEach(texts::addAll);
        extractor = new BertTextExtractor<>(TestTokenizers.write(temp, texts), MAX);
    }

    @AfterAll
    static void tearDown() {
        extractor.close();
    }

    private static BrownGenreDataSource source(Split split, long seed) {
        return new BrownGenreDataSource(corpus, split, extractor, seed, 0.2, 0.2);
    }

    private static String meta(Example<?> e, String key) {
        return (String) e.getMetadataValue(key).orElseThrow();
    }

    @Test
    void splitsShareNoDocumentAndLabelsAreGenres() {
        Set<String> seen = new HashSet<>();
        int[] sizes = new int[3];
        for (Split split : Split.values()) {
            Set<String> docs = new TreeSet<>();
            for (Example<Label> e : source(split, 7)) {
                String doc = meta(e, BrownGenreDataSource.METADATA_DOCUMENT);
                docs.add(doc);
                assertEquals(categories.get(doc), e.getOutput().getLabel());
            }
            sizes[split.ordinal()] = docs.size();
            for (String doc : docs) {
                assertTrue(seen.add(doc), doc + " is in two splits");
            }
        }
        assertEquals(categories.keySet(), seen);
        assertArrayEquals(new int[] {6, 2, 2}, sizes);
    }

    @Test
    void passagesPackWholeSentencesUpToTheBudget() {
        int budget = MAX - 2;
        Map<String, List<int[]>> passages = new LinkedHashMap<>();
        for (Split split : Split.values()) {
            for (Example<Label> e : source(split, 7)) {
                String doc = meta(e, BrownGenreDataSource.METADATA_DOCUMENT);
                List<int[]> list = passages.computeIfAbsent(doc, k -> new ArrayList<>());
                assertEquals(Integer.toString(list.size()),
                        meta(e, BrownGenreDataSource.METADATA_PASSAGE));
                int[] ids = TokenFeatures.decode(e, MAX)[0];
                int length = 0;
                while (length < MAX && ids[length] != 0) {
                    length++;
                }
                list.add(java.util.Arrays.copyOfRange(ids, 1, length - 1));
            }
        }
        for (Map.Entry<String, List<int[]>> entry : passages.entrySet()) {
            // Rebuild the expected greedy packing from the sentence token counts.
            List<List<Integer>> expected = new ArrayList<>();
            List<Integer> current = new ArrayList<>();
            for (String sentence : sentences.get(entry.getKey())) {
                int[] ids = extractor.encode(sentence);
                int used = current.size();
                if (used > 0 && used + ids.length > budget) {
                    expected.add(current);
                    current = new ArrayList<>();
                }
                for (int id : ids) {
                    current.add(id);
                }
            }
            expected.add(current);
            List<int[]> actual = entry.getValue();
            assertEquals(expected.size(), actual.size(), "passages of " + entry.getKey());
            for (int p = 0; p < actual.size(); p++) {
                List<Integer> want = expected.get(p);
                int[] truncated = want.stream().limit(budget).mapToInt(Integer::intValue).toArray();
                assertArrayEquals(truncated, actual.get(p), entry.getKey() + " passage " + p);
            }
        }
        assertTrue(extractor.encode(LONG).length > budget, "LONG must overflow the budget");
        assertTrue(passages.get("ca00").stream().anyMatch(ids -> ids.length == budget),
                "the long sentence is a truncated passage of its own");
    }

    @Test
    void sameSeedSameSplitAndProvenanceRecreatesIt() {
        BrownGenreDataSource dev = source(Split.DEV, 7);
        List<Example<Label>> first = new ArrayList<>();
        dev.forEach(first::add);
        List<Example<Label>> again = new ArrayList<>();
        source(Split.DEV, 7).forEach(again::add);
        assertEquals(first, again);
        Set<String> otherSeed = new TreeSet<>();
        source(Split.DEV, 8).forEach(e ->
                otherSeed.add(meta(e, BrownGenreDataSource.METADATA_DOCUMENT)));
        Set<String> thisSeed = new TreeSet<>();
        first.forEach(e -> thisSeed.add(meta(e, BrownGenreDataSource.METADATA_DOCUMENT)));
        assertTrue(!otherSeed.equals(thisSeed), thisSeed + " for both seeds");

        BrownGenreDataSourceProvenance provenance =
                (BrownGenreDataSourceProvenance) dev.getProvenance();
        assertEquals(BrownCorpus.load(corpus).fingerprint(), provenance.corpusFingerprint());
        assertEquals(2, provenance.documents());
        assertEquals(dev.size(), provenance.examples());
        Helpers.testProvenanceMarshalling(provenance);

        ConfigurationManager cm = new ConfigurationManager();
        cm.addConfiguration(ProvenanceUtil.extractConfiguration(provenance));
        BrownGenreDataSource copy = null;
        for (String name : cm.getComponentNames()) {
            if (cm.lookup(name) instanceof BrownGenreDataSource found) {
                copy = found;
            }
        }
        List<Example<Label>> recreated = new ArrayList<>();
        copy.forEach(recreated::add);
        assertEquals(first, recreated);
        for (String name : cm.getComponentNames()) {
            if (cm.lookup(name) instanceof BertTextExtractor<?> made) {
                made.close();
            }
        }
    }

    @Test
    void rejectsBadFractionsAndMissingCorpora() {
        assertThrows(PropertyException.class, () ->
                new BrownGenreDataSource(corpus, Split.TRAIN, extractor, 1, 0.5, 0.5));
        CorpusException e = assertThrows(CorpusException.class, () ->
                new BrownGenreDataSource(temp.resolve("none"), Split.TRAIN, extractor, 1, 0.1,
                        0.1));
        assertTrue(e.getMessage().contains("none"), e.getMessage());
    }

    @Test
    void realBrownDevPassagesCarryTheFifteenGenreNames() {
        Path real = BrownFixture.directory();
        Set<String> all = Set.of("adventure", "belles_lettres", "editorial", "fiction",
                "government", "hobbies", "humor", "learned", "lore", "mystery", "news",
                "religion", "reviews", "romance", "science_fiction");
        try (BertTextExtractor<Label> wide = new BertTextExtractor<>(extractor.tokenizerPath(),
                128)) {
            BrownGenreDataSource dev = new BrownGenreDataSource(real, Split.DEV, wide, 1,
                    BrownGenreDataSource.DEFAULT_FRACTION, BrownGenreDataSource.DEFAULT_FRACTION);
            Set<String> genres = new TreeSet<>();
            Set<String> docs = new TreeSet<>();
            for (Example<Label> e : dev) {
                genres.add(e.getOutput().getLabel());
                docs.add(meta(e, BrownGenreDataSource.METADATA_DOCUMENT));
                assertTrue(TokenFeatures.decode(e, 128)[0][127] == 0
                        || TokenFeatures.decode(e, 128)[0][127] == 3);
            }
            assertEquals(50, docs.size());
            assertTrue(all.containsAll(genres), genres.toString());
            assertTrue(genres.size() >= 8, genres.toString());
            assertTrue(dev.size() > 500, "passages: " + dev.size());
        }
    }
}
