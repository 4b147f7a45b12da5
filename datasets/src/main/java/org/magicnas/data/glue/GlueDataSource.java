package org.magicnas.data.glue;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.magicnas.data.CorpusException;
import org.magicnas.data.tribuo.BertTextExtractor;
import org.magicnas.data.tribuo.Split;
import org.tribuo.ConfigurableDataSource;
import org.tribuo.Example;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.ConfiguredDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * A Tribuo data source over one split of a GLUE task, read from the official TSV layout (see
 * {@link GlueTask} and {@link GlueReader}) and turned into token features by a {@link
 * BertTextExtractor}.
 *
 * <p>Classification tasks produce {@link Label}s named as in the files (e.g. {@code 0}/{@code 1},
 * {@code entailment}); STS-B produces a one-dimensional {@link Regressor} named {@value
 * #SCORE_DIMENSION}. Test rows have the output factory's unknown output. Each example carries the
 * metadata {@value #METADATA_LINE} (its line in the file) and, when the file has the task's index
 * column (always for test files), {@value #METADATA_INDEX}; both are strings.
 *
 * <p>The file is read and tokenized when the source is created. The provenance records the
 * configuration (task, directory, split, extractor with its tokenizer hash, output factory,
 * {@code skipBadRows}), the file's SHA-256 and modification time, and the numbers of examples and
 * skipped rows.
 *
 * @param <T> {@link Label} for classification tasks, {@link Regressor} for STS-B
 */
public final class GlueDataSource<T extends Output<T>> implements ConfigurableDataSource<T> {

    /** Metadata key of the row's value in the task's index column. */
    public static final String METADATA_INDEX = "index";

    /** Metadata key of the row's 1-based line number in its file. */
    public static final String METADATA_LINE = "line";

    /** The dimension name of STS-B regressors. */
    public static final String SCORE_DIMENSION = "score";

    @Config(mandatory = true, description = "The GLUE task.")
    private GlueTask task;

    @Config(mandatory = true,
            description = "The GLUE data directory, holding CoLA/, SST-2/, MNLI/ and so on.")
    private Path dataDirectory;

    @Config(mandatory = true, description = "The split to read: TRAIN, DEV or TEST.")
    private Split split;

    @Config(mandatory = true, description = "Turns text into token features.")
    private BertTextExtractor<T> extractor;

    @Config(mandatory = true,
            description = "LabelFactory for classification tasks, RegressionFactory for STS-B.")
    private OutputFactory<T> outputFactory;

    @Config(description = "Skip and count malformed rows instead of failing on the first one.")
    private boolean skipBadRows = false;

    private List<Example<T>> examples;
    private GlueDataSourceProvenance provenance;

    /** For OLCUT. */
    private GlueDataSource() {}

    /**
     * Reads a split of a task.
     *
     * @param task the task
     * @param dataDirectory the GLUE data directory
     * @param split the split
     * @param extractor the feature extractor
     * @param outputFactory a {@link LabelFactory} for classification, a {@link RegressionFactory}
     *     for STS-B
     * @param skipBadRows whether to skip and count malformed rows instead of failing
     * @throws PropertyException if the output factory does not fit the task
     * @throws CorpusException if the file is missing or malformed
     */
    public GlueDataSource(GlueTask task, Path dataDirectory, Split split,
            BertTextExtractor<T> extractor, OutputFactory<T> outputFactory, boolean skipBadRows) {
        this.task = task;
        this.dataDirectory = dataDirectory;
        this.split = split;
        this.extractor = extractor;
        this.outputFactory = outputFactory;
        this.skipBadRows = skipBadRows;
        postConfig();
    }

    /**
     * Reads a split of a classification task with a {@link LabelFactory}.
     *
     * @param task a classification task (not STS-B)
     * @param dataDirectory the GLUE data directory
     * @param split the split
     * @param extractor the feature extractor
     * @param skipBadRows whether to skip and count malformed rows
     * @return the data source
     * @throws PropertyException if the task is STS-B
     * @throws CorpusException if the file is missing or malformed
     */
    public static GlueDataSource<Label> classification(GlueTask task, Path dataDirectory,
            Split split, BertTextExtractor<Label> extractor, boolean skipBadRows) {
        return new GlueDataSource<>(task, dataDirectory, split, extractor, new LabelFactory(),
                skipBadRows);
    }

    /**
     * Reads a split of STS-B with a {@link RegressionFactory}.
     *
     * @param dataDirectory the GLUE data directory
     * @param split the split
     * @param extractor the feature extractor
     * @param skipBadRows whether to skip and count malformed rows
     * @return the data source
     * @throws CorpusException if the file is missing or malformed
     */
    public static GlueDataSource<Regressor> regression(Path dataDirectory, Split split,
            BertTextExtractor<Regressor> extractor, boolean skipBadRows) {
        return new GlueDataSource<>(GlueTask.STSB, dataDirectory, split, extractor,
                new RegressionFactory(), skipBadRows);
    }

    /**
     * Validates the configuration, then reads and tokenizes the file. Used by OLCUT.
     *
     * @throws PropertyException if a field is missing or the output factory does not fit the task
     * @throws CorpusException if the file is missing or malformed
     */
    @Override
    public void postConfig() {
        requireSet(task, "task");
        requireSet(dataDirectory, "dataDirectory");
        requireSet(split, "split");
        requireSet(extractor, "extractor");
        requireSet(outputFactory, "outputFactory");
        boolean fits = task.isRegression()
                ? outputFactory instanceof RegressionFactory
                : outputFactory instanceof LabelFactory;
        if (!fits) {
            throw new PropertyException("", "outputFactory",
                    "GLUE " + task.submissionName() + " needs a "
                            + (task.isRegression() ? "RegressionFactory" : "LabelFactory")
                            + ", got " + outputFactory.getClass().getSimpleName());
        }
        Path file = task.file(dataDirectory, split);
        GlueReader.Result result = GlueReader.read(task, split, file, skipBadRows);
        List<Example<T>> list = new ArrayList<>(result.records().size());
        for (GlueRecord record : result.records()) {
            list.add(toExample(record));
        }
        examples = Collections.unmodifiableList(list);
        provenance = new GlueDataSourceProvenance(this, file, examples.size(), result.skipped());
    }

    private static void requireSet(Object value, String field) {
        if (value == null) {
            throw new PropertyException("", field, field + " is not set");
        }
    }

    private Example<T> toExample(GlueRecord record) {
        T output;
        if (record.label() == null) {
            output = outputFactory.getUnknownOutput();
        } else if (task.isRegression()) {
            output = outputFactory.generateOutput(SCORE_DIMENSION + "=" + record.label());
        } else {
            output = outputFactory.generateOutput(record.label());
        }
        ArrayExample<T> example = record.second() == null
                ? extractor.extract(output, record.first())
                : extractor.extractPair(output, record.first(), record.second());
        example.setMetadataValue(METADATA_LINE, Integer.toString(record.line()));
        if (record.index() != null) {
            example.setMetadataValue(METADATA_INDEX, record.index());
        }
        return example;
    }

    /**
     * Returns the task.
     *
     * @return the task
     */
    public GlueTask task() {
        return task;
    }

    /**
     * Returns the split.
     *
     * @return the split
     */
    public Split split() {
        return split;
    }

    /**
     * Returns the number of examples.
     *
     * @return the number of valid rows read
     */
    public int size() {
        return examples.size();
    }

    /**
     * Returns the number of malformed rows skipped (always 0 unless {@code skipBadRows}).
     *
     * @return the skipped count
     */
    public int skippedRows() {
        return provenance.skippedRows();
    }

    /**
     * Returns the output factory.
     *
     * @return the configured factory
     */
    @Override
    public OutputFactory<T> getOutputFactory() {
        return outputFactory;
    }

    /**
     * Returns the provenance.
     *
     * @return the provenance, including file hash and skipped-row count
     */
    @Override
    public ConfiguredDataSourceProvenance getProvenance() {
        return provenance;
    }

    /**
     * Iterates over the examples in file order.
     *
     * @return an iterator over the (shared, unmodifiable list of) examples
     */
    @Override
    public Iterator<Example<T>> iterator() {
        return examples.iterator();
    }

    @Override
    public String toString() {
        return "GlueDataSource(task=" + task + ",split=" + split + ",dir=" + dataDirectory
                + ",examples=" + examples.size() + ")";
    }
}
