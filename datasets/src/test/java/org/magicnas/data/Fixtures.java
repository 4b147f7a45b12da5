package org.magicnas.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Shared test data: a tiny NLTK-layout Brown directory and sample sentences. */
final class Fixtures {

    private Fixtures() {}

    /** Sample English sentences with accents and punctuation (test resource). */
    static List<String> sampleSentences() {
        try (InputStream in = Fixtures.class.getResourceAsStream("sample.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (!line.isBlank()) {
                    lines.add(line.strip());
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a three-document Brown corpus in NLTK layout: ca01 (news, 2 sentences), cb01
     * (editorial, 1 sentence), cr01 (humor, 3 sentences).
     */
    static Path writeTinyBrown(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("cats.txt"), "ca01 news\ncb01 editorial\n\ncr01 humor\n");
        Files.writeString(dir.resolve("ca01"),
                "\n\n\tThe/at Fulton/np-tl County/nn-tl jury/nn said/vbd ``/`` no/at ''/'' ./.\n"
                        + "\n\n\tAtlanta's/np$ 1/2/cd mayor/nn ,/, however/rb ,/, won/vbd ./.\n\n");
        Files.writeString(dir.resolve("cb01"), "\n\n\tOpinion/nn is/bez divided/vbn ./.\n");
        Files.writeString(dir.resolve("cr01"),
                "\n\n\tIt/pps was/bedz funny/jj ./.\n\n\n\tVery/ql funny/jj !/.\n"
                        + "\n\n\tHa/uh ha/uh ?/.\n\n");
        return dir;
    }

    /** A corpus of {@code n} synthetic documents with ids doc-000 ... */
    static Corpus syntheticCorpus(int n, long seed) {
        Random random = new Random(seed);
        List<String> sentences = sampleSentences();
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<String> doc = new ArrayList<>();
            int count = 1 + random.nextInt(4);
            for (int s = 0; s < count; s++) {
                doc.add(sentences.get(random.nextInt(sentences.size())));
            }
            docs.add(new Document(String.format("doc-%03d", i), "c" + (i % 3), doc));
        }
        List<Document> frozen = List.copyOf(docs);
        String fingerprint = Fingerprints.of(frozen);
        return new Corpus() {
            @Override
            public String name() {
                return "synthetic";
            }

            @Override
            public List<Document> documents() {
                return frozen;
            }

            @Override
            public String fingerprint() {
                return fingerprint;
            }
        };
    }
}
