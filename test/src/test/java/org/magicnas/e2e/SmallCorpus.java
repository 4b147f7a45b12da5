package org.magicnas.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small corpus, so that a command line in a new JVM prepares its data in a moment instead of
 * tokenizing the whole Brown corpus: seeded plain text (one document per line) of made-up words. A few
 * real documents of every genre are {@link org.magicnas.data.BrownFixture#sample}.
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
}
