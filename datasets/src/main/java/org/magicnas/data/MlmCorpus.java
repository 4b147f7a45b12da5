package org.magicnas.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * A corpus made ready for masked-LM training: located and read, split by document, a WordPiece
 * tokenizer trained on the training split (cached by content so that the same corpus, split and
 * size reuse it), and the splits packed into sequences and batched.
 */
public final class MlmCorpus implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(MlmCorpus.class.getName());

    private final MlmDataSpec spec;
    private final Corpus corpus;
    private final CorpusSplit split;
    private final TextTokenizer tokenizer;
    private final MlmDataset train;
    private final MlmDataset valid;

    private MlmCorpus(MlmDataSpec spec, Corpus corpus, CorpusSplit split, TextTokenizer tokenizer, MlmDataset train, MlmDataset valid) {
        this.spec = spec;
        this.corpus = corpus;
        this.split = split;
        this.tokenizer = tokenizer;
        this.train = train;
        this.valid = valid;
    }

    /**
     * Reads a corpus from a path: a directory with {@code cats.txt} is a Brown (NLTK) corpus, a file is
     * plain text; null means the Brown corpus wherever {@link CorpusLocator} finds or fetches it.
     *
     * @param path the path or null
     * @return the corpus
     * @throws CorpusException if it is missing, unreadable or empty
     */
    public static Corpus readCorpus(Path path) {
        if (path == null) {
            return BrownCorpus.load(CorpusLocator.locateBrown(null));
        }
        if (Files.isDirectory(path)) {
            return BrownCorpus.load(CorpusLocator.locateBrown(path));
        }
        if (!Files.isRegularFile(path)) {
            throw new CorpusException("corpus " + path + " does not exist: expected a Brown (NLTK) directory or a plain-text file");
        }
        return PlainTextCorpus.load(path);
    }

    /**
     * Prepares the data.
     *
     * @param spec what to prepare
     * @return the prepared corpus
     * @throws CorpusException if the corpus is missing, empty or too small for the split
     * @throws IllegalArgumentException if the vocabulary size is too small for the corpus's alphabet
     */
    public static MlmCorpus prepare(MlmDataSpec spec) {
        Corpus corpus = readCorpus(spec.corpus());
        CorpusSplit split = CorpusSplit.of(corpus, spec.validFraction(), spec.testFraction(), spec.seed());
        LOG.info(() -> "corpus " + corpus.name() + ": " + corpus.documents().size() + " documents, split " + split.train().size() + "/"
                + split.valid().size() + "/" + split.test().size());
        Path tokenizerFile = tokenizerFor(corpus, split, spec.vocabSize());
        TextTokenizer tokenizer = TextTokenizer.load(tokenizerFile);
        try {
            MlmMasker masker = MlmMasker.bert(tokenizer.vocabSize());
            TokenSequences trainRows = TokenSequences.pack(split.train(), tokenizer, spec.seqLen());
            TokenSequences validRows = TokenSequences.pack(split.valid(), tokenizer, spec.seqLen());
            LOG.info(() -> "packed " + trainRows.size() + " training and " + validRows.size() + " validation sequences of at most "
                    + spec.seqLen() + " tokens");
            return new MlmCorpus(spec, corpus, split, tokenizer, new MlmDataset(trainRows, spec.batchSize(), masker, spec.seed()),
                    new MlmDataset(validRows, spec.batchSize(), masker, spec.seed() + 1));
        } catch (RuntimeException e) {
            tokenizer.close();
            throw e;
        }
    }

    private static Path tokenizerFor(Corpus corpus, CorpusSplit split, int vocabSize) {
        List<String> ids = new ArrayList<>();
        for (Document d : split.train()) {
            ids.add(d.id());
        }
        String key = sha256(corpus.fingerprint() + "|" + String.join(",", ids) + "|" + vocabSize + "|wordpiece-v1").substring(0, 16);
        Path file = CorpusLocator.cacheDir().resolve("tokenizers").resolve(key).resolve("tokenizer.json");
        if (Files.isRegularFile(file)) {
            LOG.info(() -> "reusing tokenizer " + file);
            return file;
        }
        List<String> texts = new ArrayList<>();
        for (Document d : split.train()) {
            texts.addAll(d.sentences());
        }
        long start = System.nanoTime();
        Vocabulary vocab = WordPieceTrainer.train(texts, vocabSize, 2);
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file.getParent(), e);
        }
        TokenizerFiles.write(vocab, file);
        LOG.info(() -> String.format(Locale.ROOT, "trained a %d-token WordPiece vocabulary in %.1f s: %s", vocab.size(), (System.nanoTime() - start) / 1e9, file));
        return file;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What was prepared.
     *
     * @return the spec
     */
    public MlmDataSpec spec() {
        return spec;
    }

    /**
     * The corpus.
     *
     * @return the corpus
     */
    public Corpus corpus() {
        return corpus;
    }

    /**
     * The split by document.
     *
     * @return the split
     */
    public CorpusSplit split() {
        return split;
    }

    /**
     * The tokenizer.
     *
     * @return the tokenizer
     */
    public TextTokenizer tokenizer() {
        return tokenizer;
    }

    /**
     * The training batches.
     *
     * @return the dataset
     */
    public MlmDataset train() {
        return train;
    }

    /**
     * Fixed validation batches.
     *
     * @param count how many
     * @return the batches, identical on every call
     */
    public List<MlmBatch> validation(int count) {
        return valid.fixedBatches(Math.max(1, count));
    }

    /**
     * The number of validation sequences.
     *
     * @return the count
     */
    public int validationRows() {
        return valid.size();
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
