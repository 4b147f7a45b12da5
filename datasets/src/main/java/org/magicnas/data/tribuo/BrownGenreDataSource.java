package org.magicnas.data.tribuo;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import java.util.logging.Logger;
import org.magicnas.data.BrownCorpus;
import org.magicnas.data.CorpusException;
import org.magicnas.data.CorpusSplit;
import org.magicnas.data.Document;
import org.tribuo.ConfigurableDataSource;
import org.tribuo.Example;
import org.tribuo.OutputFactory;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.ConfiguredDataSourceProvenance;

/**
 * The default downstream task: passages of the Brown corpus labelled with their document's genre
 * (the 15 categories of {@code cats.txt}, e.g. {@code news}, {@code humor}).
 *
 * <p>The corpus is split by document with {@link CorpusSplit#of} (same seed and fractions give the
 * same split, so the TRAIN, DEV and TEST sources of one configuration never share a document).
 * Each document of the chosen part is cut into passages of consecutive sentences, packed while
 * their tokens fit {@code maxLength - 2} of the extractor (a longer single sentence is a passage
 * of its own and is truncated by the extractor). Passages become {@link Label} examples through
 * the {@link BertTextExtractor}, with the metadata {@value #METADATA_DOCUMENT} (document id) and
 * {@value #METADATA_PASSAGE} (passage number within the document, from 0).
 */
public final class BrownGenreDataSource implements ConfigurableDataSource<Label> {

    /** Metadata key of the passage's document id. */
    public static final String METADATA_DOCUMENT = "document";

    /** Metadata key of the passage's number within its document. */
    public static final String METADATA_PASSAGE = "passage";

    /** The default fraction of documents for DEV and for TEST each. */
    public static final double DEFAULT_FRACTION = 0.1;

    private static final Logger LOG = Logger.getLogger(BrownGenreDataSource.class.getName());

    @Config(mandatory = true, description = "Brown corpus directory in NLTK layout (cats.txt).")
    private Path corpusDirectory;

    @Config(mandatory = true, description = "The split to read: TRAIN, DEV or TEST.")
    private Split split;

    @Config(mandatory = true, description = "Turns passages into token features.")
    private BertTextExtractor<Label> extractor;

    @Config(description = "Seed of the document split.")
    private long seed = 1L;

    @Config(description = "Fraction of documents in DEV.")
    private double devFraction = DEFAULT_FRACTION;

    @Config(description = "Fraction of documents in TEST.")
    private double testFraction = DEFAULT_FRACTION;

    private final LabelFactory outputFactory = new LabelFactory();
    private List<Example<Label>> examples;
    private BrownGenreDataSourceProvenance provenance;

    /** For OLCUT. */
    private BrownGenreDataSource() {}

    /**
     * Loads the corpus, splits it and builds the passages of one part.
     *
     * @param corpusDirectory the Brown corpus directory in NLTK layout
     * @param split the part to read
     * @param extractor the feature extractor; its {@code maxLength} sets the passage budget
     * @param seed the split seed
     * @param devFraction the fraction of documents for DEV, in [0, 1)
     * @param testFraction the fraction of documents for TEST, in [0, 1)
     * @throws PropertyException if a fraction is out of range
     * @throws CorpusException if the corpus cannot be read or is too small for the split
     */
    public BrownGenreDataSource(Path corpusDirectory, Split split,
            BertTextExtractor<Label> extractor, long seed, double devFraction,
            double testFraction) {
        this.corpusDirectory = corpusDirectory;
        this.split = split;
        this.extractor = extractor;
        this.seed = seed;
        this.devFraction = devFraction;
        this.testFraction = testFraction;
        postConfig();
    }

    /**
     * Validates the configuration and builds the examples. Used by OLCUT.
     *
     * @throws PropertyException if a field is missing or a fraction is out of range
     * @throws CorpusException if the corpus cannot be read or is too small for the split
     */
    @Override
    public void postConfig() {
        if (corpusDirectory == null || split == null || extractor == null) {
            String field = corpusDirectory == null ? "corpusDirectory"
                    : split == null ? "split" : "extractor";
            throw new PropertyException("", field, field + " is not set");
        }
        if (!(devFraction >= 0 && testFraction >= 0 && devFraction + testFraction < 1)) {
            throw new PropertyException("", "devFraction",
                    "devFraction " + devFraction + " and testFraction " + testFraction
                            + " are invalid: expected each >= 0 and a sum below 1");
        }
        BrownCorpus corpus = BrownCorpus.load(corpusDirectory);
        CorpusSplit parts = CorpusSplit.of(corpus, devFraction, testFraction, seed);
        List<Document> documents = switch (split) {
            case TRAIN -> parts.train();
            case DEV -> parts.valid();
            case TEST -> parts.test();
        };
        List<Example<Label>> list = new ArrayList<>();
        TreeSet<String> genres = new TreeSet<>();
        for (Document document : documents) {
            genres.add(document.category());
            List<String> passages = passages(document.sentences());
            for (int p = 0; p < passages.size(); p++) {
                ArrayExample<Label> example =
                        extractor.extract(new Label(document.category()), passages.get(p));
                example.setMetadataValue(METADATA_DOCUMENT, document.id());
                example.setMetadataValue(METADATA_PASSAGE, Integer.toString(p));
                list.add(example);
            }
        }
        examples = Collections.unmodifiableList(list);
        provenance = new BrownGenreDataSourceProvenance(this, corpus.fingerprint(),
                documents.size(), examples.size());
        LOG.info(() -> "Brown genres " + split + ": " + documents.size() + " documents, "
                + examples.size() + " passages, " + genres.size() + " genres " + genres);
    }

    /** Packs consecutive sentences while their token count fits the budget. */
    private List<String> passages(List<String> sentences) {
        int budget = extractor.maxLength() - 2;
        List<String> passages = new ArrayList<>();
        StringBuilder passage = new StringBuilder();
        int tokens = 0;
        for (String sentence : sentences) {
            int length = extractor.encode(sentence).length;
            if (passage.length() > 0 && tokens + length > budget) {
                passages.add(passage.toString());
                passage.setLength(0);
                tokens = 0;
            }
            if (passage.length() > 0) {
                passage.append(' ');
            }
            passage.append(sentence);
            tokens += length;
        }
        if (passage.length() > 0) {
            passages.add(passage.toString());
        }
        return passages;
    }

    /**
     * Returns the number of passages.
     *
     * @return the number of examples
     */
    public int size() {
        return examples.size();
    }

    /**
     * Returns the split this source reads.
     *
     * @return the split
     */
    public Split split() {
        return split;
    }

    /**
     * Returns a {@link LabelFactory}.
     *
     * @return the output factory
     */
    @Override
    public OutputFactory<Label> getOutputFactory() {
        return outputFactory;
    }

    /**
     * Returns the provenance: configuration, corpus fingerprint and counts.
     *
     * @return the provenance
     */
    @Override
    public ConfiguredDataSourceProvenance getProvenance() {
        return provenance;
    }

    /**
     * Iterates over the passages, document by document in split order.
     *
     * @return an iterator over the unmodifiable example list
     */
    @Override
    public Iterator<Example<Label>> iterator() {
        return examples.iterator();
    }

    @Override
    public String toString() {
        return "BrownGenreDataSource(dir=" + corpusDirectory + ",split=" + split + ",seed="
                + seed + ",examples=" + examples.size() + ")";
    }
}
