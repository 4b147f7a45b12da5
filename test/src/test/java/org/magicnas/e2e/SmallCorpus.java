package org.magicnas.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.magicnas.data.BrownCorpus;
import org.magicnas.data.BrownFixture;

/**
 * Small corpora, so that a command line in a new JVM prepares its data in a moment instead of
 * tokenizing the whole Brown corpus: a seeded plain-text corpus (one document per line) of made-up
 * words, and a few real documents of every genre of the Brown corpus in its NLTK layout.
 */
final class SmallCorpus {
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "da", "pe", "qu", "zo", "ber", "tin", "gal", "mor"};

    private SmallCorpus() {}

    /**
     * Writes the corpus.
     *
     * @param file the text file
     * @param documents how many documents (lines)
     * @return the file
     * @throws IOException if writing fails
     */
    static Path write(Path file, int documents) throws IOException {
        Random random = new Random(3);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            StringBuilder w = new StringBuilder();
            for (int s = 1 + random.nextInt(3); s > 0; s--) {
                w.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            words.add(w.toString());
        }
        List<String> lines = new ArrayList<>();
        for (int d = 0; d < documents; d++) {
            StringBuilder doc = new StringBuilder();
            for (int s = 0; s < 12; s++) {
                for (int n = 4 + random.nextInt(8); n > 0; n--) {
                    // Zipf-like: a few frequent words, a long tail.
                    doc.append(words.get((int) (words.size() * Math.pow(random.nextDouble(), 3)))).append(' ');
                }
                doc.setLength(doc.length() - 1);
                doc.append(". ");
            }
            lines.add(doc.toString().strip());
        }
        Files.createDirectories(file.getParent());
        return Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /**
     * Copies the first documents of every genre of the Brown corpus ({@link BrownFixture}) into a new
     * directory in the NLTK layout.
     *
     * @param dir the new corpus directory
     * @param perGenre documents per genre
     * @return the directory
     * @throws IOException if reading or writing fails
     */
    static Path brown(Path dir, int perGenre) throws IOException {
        Path source = BrownFixture.directory();
        Map<String, Integer> taken = new LinkedHashMap<>();
        List<String> cats = new ArrayList<>();
        Files.createDirectories(dir);
        for (String line : Files.readAllLines(source.resolve(BrownCorpus.CATEGORIES_FILE), StandardCharsets.UTF_8)) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length == 2 && taken.merge(parts[1], 1, Integer::sum) <= perGenre) {
                cats.add(line.strip());
                Files.copy(source.resolve(parts[0]), dir.resolve(parts[0]));
            }
        }
        Files.write(dir.resolve(BrownCorpus.CATEGORIES_FILE), cats, StandardCharsets.UTF_8);
        return dir;
    }
}
