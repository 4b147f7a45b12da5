package org.magicnas.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** Content hashes used for provenance: corpus fingerprints and file digests. */
public final class Fingerprints {

    private static final byte[] FIELD = {0};
    private static final byte[] RECORD = {1};

    private Fingerprints() {}

    /**
     * Hashes document ids and sentences in order. Each field is followed by a separator byte so
     * that different splits of the same characters hash differently. Categories are not included.
     *
     * @param documents the documents
     * @return hex SHA-256
     */
    public static String of(List<Document> documents) {
        MessageDigest digest = newDigest("SHA-256");
        for (Document document : documents) {
            digest.update(document.id().getBytes(StandardCharsets.UTF_8));
            digest.update(FIELD);
            for (String sentence : document.sentences()) {
                digest.update(sentence.getBytes(StandardCharsets.UTF_8));
                digest.update(FIELD);
            }
            digest.update(RECORD);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Computes the digest of a file's bytes.
     *
     * @param file the file
     * @param algorithm a {@link MessageDigest} algorithm, e.g. {@code SHA-256}
     * @return the raw digest
     * @throws CorpusException if the file cannot be read
     */
    public static byte[] digestFile(Path file, String algorithm) {
        MessageDigest digest = newDigest(algorithm);
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new CorpusException(
                    "cannot read " + file.toAbsolutePath() + " to hash it: " + e, e);
        }
        return digest.digest();
    }

    /**
     * Computes the hex SHA-256 of a file's bytes.
     *
     * @param file the file
     * @return 64 lower-case hex digits
     * @throws CorpusException if the file cannot be read
     */
    public static String sha256Hex(Path file) {
        return HexFormat.of().formatHex(digestFile(file, "SHA-256"));
    }

    private static MessageDigest newDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }
}
