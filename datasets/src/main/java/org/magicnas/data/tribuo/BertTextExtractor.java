package org.magicnas.data.tribuo;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import java.nio.file.Path;
import java.util.Objects;
import java.util.logging.Logger;
import org.magicnas.data.CorpusException;
import org.magicnas.data.SpecialTokens;
import org.magicnas.data.TextTokenizer;
import org.tribuo.Output;
import org.tribuo.data.text.TextFeatureExtractor;
import org.tribuo.impl.ArrayExample;

/**
 * Turns text into BERT-formatted token features ({@link TokenFeatures}) with a WordPiece
 * {@link TextTokenizer} loaded from a {@code tokenizer.json}.
 *
 * <p>{@link #extract} formats one sentence as {@code [CLS] a [SEP]} and {@link #extractPair} a
 * pair as {@code [CLS] a [SEP] b [SEP]}, truncated to {@code maxLength}. Special-token ids found
 * inside the text (HuggingFace matches literal {@code [PAD]}, {@code [CLS]}, ... as added tokens)
 * become {@code [UNK]}, so the only special tokens of a sequence are those the format adds and a
 * {@code [PAD]} id always means padding.
 *
 * <p>The provenance records the tokenizer path, the maximum length and the SHA-256 of the
 * tokenizer file. Instances hold a native tokenizer: close them when done.
 *
 * @param <T> the output type of the examples
 */
public final class BertTextExtractor<T extends Output<T>>
        implements TextFeatureExtractor<T>, AutoCloseable {

    /** The default maximum sequence length. */
    public static final int DEFAULT_MAX_LENGTH = 128;

    private static final Logger LOG = Logger.getLogger(BertTextExtractor.class.getName());

    @Config(mandatory = true,
            description = "Path to the HuggingFace tokenizer.json (WordPiece, specials at ids 0..4).")
    private Path tokenizerPath;

    @Config(description = "Maximum sequence length, [CLS] and [SEP] included (5..1000).")
    private int maxLength = DEFAULT_MAX_LENGTH;

    private TextTokenizer tokenizer;
    private BertTextExtractorProvenance provenance;

    /** For OLCUT. */
    private BertTextExtractor() {}

    /**
     * Creates an extractor and loads its tokenizer.
     *
     * @param tokenizerPath the {@code tokenizer.json} file
     * @param maxLength the maximum sequence length, [CLS] and [SEP] included
     * @throws PropertyException if {@code maxLength} is out of range or the tokenizer cannot be
     *     loaded
     */
    public BertTextExtractor(Path tokenizerPath, int maxLength) {
        this.tokenizerPath = tokenizerPath;
        this.maxLength = maxLength;
        postConfig();
    }

    /**
     * Validates the configuration and loads the tokenizer. Used by OLCUT.
     *
     * @throws PropertyException if {@code maxLength} is out of range or the tokenizer cannot be
     *     loaded
     */
    @Override
    public void postConfig() {
        if (maxLength < TokenFeatures.MIN_LENGTH || maxLength > TokenFeatures.MAX_LENGTH) {
            throw new PropertyException("", "maxLength",
                    "maxLength " + maxLength + " is out of range: expected "
                            + TokenFeatures.MIN_LENGTH + ".." + TokenFeatures.MAX_LENGTH);
        }
        if (tokenizerPath == null) {
            throw new PropertyException("", "tokenizerPath", "tokenizerPath is not set");
        }
        try {
            tokenizer = TextTokenizer.load(tokenizerPath);
        } catch (CorpusException e) {
            throw new PropertyException(e, "", "tokenizerPath", e.getMessage());
        }
        provenance = new BertTextExtractorProvenance(this, tokenizer.sha256());
        LOG.fine(() -> "Created " + this);
    }

    /**
     * Extracts the features of one sentence, {@code [CLS] text [SEP]}.
     *
     * @param label the output, or the factory's unknown output
     * @param text the sentence
     * @return the example
     */
    @Override
    public ArrayExample<T> extract(T label, String text) {
        int[][] formatted = TokenFeatures.single(encode(text), maxLength);
        return TokenFeatures.toExample(label, formatted[0], formatted[1]);
    }

    /**
     * Extracts the features of a sentence pair, {@code [CLS] first [SEP] second [SEP]}.
     *
     * @param label the output, or the factory's unknown output
     * @param first the first sentence (segment 0)
     * @param second the second sentence (segment 1)
     * @return the example
     */
    public ArrayExample<T> extractPair(T label, String first, String second) {
        int[][] formatted = TokenFeatures.pair(encode(first), encode(second), maxLength);
        return TokenFeatures.toExample(label, formatted[0], formatted[1]);
    }

    /**
     * Tokenizes text to ids without special tokens or truncation; special-token ids inside the
     * text are replaced by {@code [UNK]}.
     *
     * @param text the text
     * @return the ids
     */
    public int[] encode(String text) {
        int[] ids = tokenizer.encode(Objects.requireNonNull(text, "text"));
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < SpecialTokens.FIRST_REGULAR_ID) {
                ids[i] = SpecialTokens.UNK_ID;
            }
        }
        return ids;
    }

    /**
     * Returns the maximum sequence length, special tokens included.
     *
     * @return the maximum length
     */
    public int maxLength() {
        return maxLength;
    }

    /**
     * Returns the tokenizer file.
     *
     * @return the configured path
     */
    public Path tokenizerPath() {
        return tokenizerPath;
    }

    /**
     * Returns the hex SHA-256 of the tokenizer file, read when it was loaded.
     *
     * @return 64 lower-case hex digits
     */
    public String tokenizerSha256() {
        return tokenizer.sha256();
    }

    /**
     * Returns the vocabulary size of the tokenizer, special tokens included.
     *
     * @return the number of token ids
     */
    public int vocabSize() {
        return tokenizer.vocabSize();
    }

    /**
     * Returns the provenance: configuration plus the tokenizer's SHA-256.
     *
     * @return the provenance
     */
    @Override
    public ConfiguredObjectProvenance getProvenance() {
        return provenance;
    }

    /** Releases the native tokenizer. */
    @Override
    public void close() {
        if (tokenizer != null) {
            tokenizer.close();
        }
    }

    @Override
    public String toString() {
        return "BertTextExtractor(tokenizer=" + tokenizerPath + ",maxLength=" + maxLength + ")";
    }
}
