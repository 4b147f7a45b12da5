package org.magicnas.data;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * A WordPiece tokenizer backed by DJL's {@link HuggingFaceTokenizer}, loaded from a local {@code
 * tokenizer.json} (no network access).
 *
 * <p>Encoding returns raw ids: no special tokens, no truncation, no padding. Special token ids
 * are read from the file's vocabulary. Instances hold native memory: close them.
 *
 * <p>Ids agree with {@link WordPieceEncoder} on ordinary text; the one known difference is that
 * HuggingFace matches the literal special tokens (e.g. {@code [MASK]}) in raw text as added
 * tokens, while the Java encoder splits them at the brackets.
 */
public final class TextTokenizer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TextTokenizer.class.getName());

    /** Options that make DJL encode raw ids: no specials, no truncation, no padding. */
    private static final Map<String, String> RAW_OPTIONS =
            Map.of("addSpecialTokens", "false", "truncation", "false", "padding", "false");

    private final HuggingFaceTokenizer tokenizer;
    private final Path file;
    private final int vocabSize;
    private final String sha256;

    private TextTokenizer(HuggingFaceTokenizer tokenizer, Path file, int vocabSize, String sha256) {
        this.tokenizer = tokenizer;
        this.file = file;
        this.vocabSize = vocabSize;
        this.sha256 = sha256;
    }

    /**
     * Loads a tokenizer from a local {@code tokenizer.json} written by {@link TokenizerFiles}.
     *
     * <p>DJL's telemetry check (a call to the EC2 metadata address) is disabled by setting the
     * system property {@code offline=true} when it is not already set.
     *
     * @param tokenizerJson the file
     * @return the tokenizer
     * @throws CorpusException if the file is missing, unreadable, lacks the special tokens at ids
     *     0..4, or the native tokenizer rejects it
     */
    public static TextTokenizer load(Path tokenizerJson) {
        Vocabulary vocabulary = TokenizerFiles.readVocabulary(tokenizerJson);
        String sha = Fingerprints.sha256Hex(tokenizerJson);
        if (System.getProperty("offline") == null) {
            System.setProperty("offline", "true");
        }
        HuggingFaceTokenizer tokenizer;
        try {
            tokenizer = HuggingFaceTokenizer.newInstance(tokenizerJson, RAW_OPTIONS);
        } catch (IOException | RuntimeException e) {
            throw new CorpusException(
                    "cannot load tokenizer " + tokenizerJson.toAbsolutePath() + ": " + e
                            + " (expected a HuggingFace tokenizer.json)", e);
        }
        LOG.info(() -> "Loaded tokenizer " + tokenizerJson.toAbsolutePath() + " ("
                + vocabulary.size() + " tokens, sha256 " + sha + ")");
        return new TextTokenizer(tokenizer, tokenizerJson, vocabulary.size(), sha);
    }

    /**
     * Encodes text to token ids without special tokens or truncation.
     *
     * @param text the text
     * @return the ids
     */
    public int[] encode(String text) {
        return toInts(tokenizer.encode(text, false, false).getIds());
    }

    /**
     * Encodes many texts in one native call (no special tokens, truncation or padding).
     *
     * @param texts the texts
     * @return one id array per text, in order
     */
    public List<int[]> encodeAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        Encoding[] encodings = tokenizer.batchEncode(texts, false, false);
        List<int[]> ids = new ArrayList<>(encodings.length);
        for (Encoding encoding : encodings) {
            ids.add(toInts(encoding.getIds()));
        }
        return ids;
    }

    /**
     * Returns the vocabulary size, special tokens included.
     *
     * @return the number of ids
     */
    public int vocabSize() {
        return vocabSize;
    }

    /**
     * Returns the id of {@code [PAD]}.
     *
     * @return the padding id
     */
    public int padId() {
        return SpecialTokens.PAD_ID;
    }

    /**
     * Returns the id of {@code [CLS]}.
     *
     * @return the sequence-start id
     */
    public int clsId() {
        return SpecialTokens.CLS_ID;
    }

    /**
     * Returns the id of {@code [SEP]}.
     *
     * @return the separator id
     */
    public int sepId() {
        return SpecialTokens.SEP_ID;
    }

    /**
     * Returns the id of {@code [MASK]}.
     *
     * @return the mask id
     */
    public int maskId() {
        return SpecialTokens.MASK_ID;
    }

    /**
     * Returns the id of {@code [UNK]}.
     *
     * @return the unknown-token id
     */
    public int unkId() {
        return SpecialTokens.UNK_ID;
    }

    /**
     * Returns the hex SHA-256 of the tokenizer file's bytes, read when it was loaded.
     *
     * @return 64 lower-case hex digits
     */
    public String sha256() {
        return sha256;
    }

    /**
     * Returns the tokenizer file.
     *
     * @return the path it was loaded from
     */
    public Path file() {
        return file;
    }

    /** Releases the native tokenizer. */
    @Override
    public void close() {
        tokenizer.close();
    }

    private static int[] toInts(long[] ids) {
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = Math.toIntExact(ids[i]);
        }
        return out;
    }
}
