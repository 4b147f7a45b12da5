package org.magicnas.data.glue;

import java.nio.file.Path;
import java.util.List;
import org.magicnas.data.tribuo.Split;

/**
 * The GLUE tasks, with the layout of their files as distributed by GLUE's {@code
 * download_glue_data.py} ({@code <dataDir>/<directory>/<file>.tsv}), their columns, labels,
 * reported metrics and submission file names.
 *
 * <p>Every file is tab-separated UTF-8 with a header line, except CoLA's {@code train.tsv} and
 * {@code dev.tsv}, which have none and whose four columns are source, label, original label mark
 * and sentence. Test files have no label column; their {@code index} ({@code id} for QQP) column
 * is what a submission refers to. MNLI matched and mismatched share {@code MNLI/train.tsv}. The
 * diagnostic set {@link #AX} has only a test file. A complete submission has one file per
 * constant: {@link #SUBMISSION_FILES}.
 */
public enum GlueTask {
    /** Corpus of Linguistic Acceptability: 1 = acceptable; Matthews correlation. */
    COLA("CoLA", "dev.tsv", "test.tsv", List.of("sentence"), "label", List.of("0", "1"),
            "index", List.of("source", "label", "original_label", "sentence"),
            GlueMetric.MATTHEWS_CORRELATION, List.of(GlueMetric.MATTHEWS_CORRELATION), "CoLA"),
    /** Stanford Sentiment Treebank (binary): 1 = positive; accuracy. */
    SST2("SST-2", "dev.tsv", "test.tsv", List.of("sentence"), "label", List.of("0", "1"),
            "index", List.of(), GlueMetric.ACCURACY, List.of(GlueMetric.ACCURACY), "SST-2"),
    /** Microsoft Research Paraphrase Corpus: 1 = paraphrase; accuracy and F1. */
    MRPC("MRPC", "dev.tsv", "test.tsv", List.of("#1 String", "#2 String"), "Quality",
            List.of("0", "1"), "index", List.of(), GlueMetric.ACCURACY,
            List.of(GlueMetric.ACCURACY, GlueMetric.F1), "MRPC"),
    /** Quora Question Pairs: 1 = duplicate; accuracy and F1. */
    QQP("QQP", "dev.tsv", "test.tsv", List.of("question1", "question2"), "is_duplicate",
            List.of("0", "1"), "id", List.of(), GlueMetric.ACCURACY,
            List.of(GlueMetric.ACCURACY, GlueMetric.F1), "QQP"),
    /** Semantic Textual Similarity Benchmark: a score in [0, 5]; Pearson and Spearman. */
    STSB("STS-B", "dev.tsv", "test.tsv", List.of("sentence1", "sentence2"), "score", List.of(),
            "index", List.of(), GlueMetric.SPEARMAN,
            List.of(GlueMetric.PEARSON, GlueMetric.SPEARMAN), "STS-B"),
    /** Multi-Genre NLI, matched dev/test sets; accuracy. */
    MNLI_MATCHED("MNLI", "dev_matched.tsv", "test_matched.tsv",
            List.of("sentence1", "sentence2"), "gold_label",
            List.of("entailment", "neutral", "contradiction"), "index", List.of(),
            GlueMetric.ACCURACY, List.of(GlueMetric.ACCURACY), "MNLI-m"),
    /** Multi-Genre NLI, mismatched dev/test sets; accuracy. */
    MNLI_MISMATCHED("MNLI", "dev_mismatched.tsv", "test_mismatched.tsv",
            List.of("sentence1", "sentence2"), "gold_label",
            List.of("entailment", "neutral", "contradiction"), "index", List.of(),
            GlueMetric.ACCURACY, List.of(GlueMetric.ACCURACY), "MNLI-mm"),
    /** Question NLI (from SQuAD); accuracy. */
    QNLI("QNLI", "dev.tsv", "test.tsv", List.of("question", "sentence"), "label",
            List.of("entailment", "not_entailment"), "index", List.of(), GlueMetric.ACCURACY,
            List.of(GlueMetric.ACCURACY), "QNLI"),
    /** Recognizing Textual Entailment; accuracy. */
    RTE("RTE", "dev.tsv", "test.tsv", List.of("sentence1", "sentence2"), "label",
            List.of("entailment", "not_entailment"), "index", List.of(), GlueMetric.ACCURACY,
            List.of(GlueMetric.ACCURACY), "RTE"),
    /** Winograd NLI: 1 = entailment; accuracy. */
    WNLI("WNLI", "dev.tsv", "test.tsv", List.of("sentence1", "sentence2"), "label",
            List.of("0", "1"), "index", List.of(), GlueMetric.ACCURACY,
            List.of(GlueMetric.ACCURACY), "WNLI"),
    /**
     * The diagnostic set ({@code diagnostic/diagnostic.tsv}, columns index, sentence1, sentence2):
     * test only, predicted with the MNLI model in MNLI's labels; the GLUE server scores it with
     * Matthews correlation.
     */
    AX("diagnostic", null, "diagnostic.tsv", List.of("sentence1", "sentence2"), "label",
            List.of("entailment", "neutral", "contradiction"), "index", List.of(),
            GlueMetric.MATTHEWS_CORRELATION, List.of(GlueMetric.MATTHEWS_CORRELATION), "AX");

    /** The submission files the GLUE server expects, in its order: every task's file. */
    public static final List<String> SUBMISSION_FILES = java.util.Arrays.stream(values())
            .map(GlueTask::submissionFile).toList();

    /** The name of every task's training file. */
    public static final String TRAIN_FILE = "train.tsv";

    /** The lowest STS-B similarity score. */
    public static final double MIN_SCORE = 0.0;

    /** The highest STS-B similarity score. */
    public static final double MAX_SCORE = 5.0;

    private final String directory;
    private final String devFile;
    private final String testFile;
    private final List<String> textColumns;
    private final String labelColumn;
    private final List<String> labels;
    private final String indexColumn;
    private final List<String> headerlessColumns;
    private final GlueMetric metric;
    private final List<GlueMetric> metrics;
    private final String submissionName;

    GlueTask(String directory, String devFile, String testFile, List<String> textColumns,
            String labelColumn, List<String> labels, String indexColumn,
            List<String> headerlessColumns, GlueMetric metric, List<GlueMetric> metrics,
            String submissionName) {
        this.directory = directory;
        this.devFile = devFile;
        this.testFile = testFile;
        this.textColumns = textColumns;
        this.labelColumn = labelColumn;
        this.labels = labels;
        this.indexColumn = indexColumn;
        this.headerlessColumns = headerlessColumns;
        this.metric = metric;
        this.metrics = metrics;
        this.submissionName = submissionName;
    }

    /**
     * Returns the task's directory inside the GLUE data directory.
     *
     * @return e.g. {@code CoLA}, {@code SST-2}, {@code MNLI}
     */
    public String directory() {
        return directory;
    }

    /**
     * Returns the file of a split relative to the GLUE data directory.
     *
     * @param split the split
     * @return e.g. {@code CoLA/train.tsv}, {@code MNLI/dev_mismatched.tsv}
     * @throws IllegalArgumentException for the train or dev split of the test-only {@link #AX}
     */
    public String relativeFile(Split split) {
        if (testOnly() && split != Split.TEST) {
            throw new IllegalArgumentException("GLUE " + submissionName + " has only a test file ("
                    + directory + "/" + testFile + "), no " + split.name().toLowerCase(java.util.Locale.ROOT) + " split");
        }
        String name = switch (split) {
            case TRAIN -> TRAIN_FILE;
            case DEV -> devFile;
            case TEST -> testFile;
        };
        return directory + "/" + name;
    }

    /**
     * Resolves the file of a split.
     *
     * @param dataDirectory the GLUE data directory (holding {@code CoLA/}, {@code SST-2/}, ...)
     * @param split the split
     * @return the file path
     */
    public Path file(Path dataDirectory, Split split) {
        return dataDirectory.resolve(relativeFile(split));
    }

    /**
     * Tells whether the task has only a test file (the diagnostic set {@link #AX}), which is
     * predicted with another task's model rather than trained on.
     *
     * @return true for {@link #AX}
     */
    public boolean testOnly() {
        return devFile == null;
    }

    /**
     * Tells whether a split's file starts with a header line.
     *
     * @param split the split
     * @return false only for CoLA's train and dev files
     */
    public boolean hasHeader(Split split) {
        return split == Split.TEST || headerlessColumns.isEmpty();
    }

    /**
     * Returns the column names of header-less files, in order.
     *
     * @return CoLA's four columns, empty for every other task
     */
    public List<String> headerlessColumns() {
        return headerlessColumns;
    }

    /**
     * Returns the text columns: one for single-sentence tasks, two for pair tasks.
     *
     * @return the column names
     */
    public List<String> textColumns() {
        return textColumns;
    }

    /**
     * Tells whether examples are sentence pairs.
     *
     * @return true if the task has two text columns
     */
    public boolean isPair() {
        return textColumns.size() == 2;
    }

    /**
     * Returns the gold output column of the train and dev files.
     *
     * @return e.g. {@code label}, {@code gold_label}, {@code score}
     */
    public String labelColumn() {
        return labelColumn;
    }

    /**
     * Returns the labels as written in the files and expected in submissions.
     *
     * @return the label set, in a fixed order; empty for the regression task STS-B
     */
    public List<String> labels() {
        return labels;
    }

    /**
     * Tells whether the task is a regression (STS-B) rather than a classification.
     *
     * @return true for STS-B
     */
    public boolean isRegression() {
        return labels.isEmpty();
    }

    /**
     * Returns the column that identifies test rows in a submission.
     *
     * @return {@code index}, or {@code id} for QQP
     */
    public String indexColumn() {
        return indexColumn;
    }

    /**
     * Returns the headline metric, as reported in BERT's and the MAGIC paper's GLUE tables.
     *
     * @return Matthews correlation for CoLA, Spearman for STS-B, accuracy otherwise
     */
    public GlueMetric metric() {
        return metric;
    }

    /**
     * Returns every metric GLUE reports for the task.
     *
     * @return e.g. accuracy and F1 for MRPC and QQP
     */
    public List<GlueMetric> metrics() {
        return metrics;
    }

    /**
     * Returns the task's name on the GLUE leaderboard.
     *
     * @return e.g. {@code CoLA}, {@code MNLI-m}
     */
    public String submissionName() {
        return submissionName;
    }

    /**
     * Returns the name of the task's file in a GLUE submission.
     *
     * @return e.g. {@code CoLA.tsv}, {@code MNLI-mm.tsv}
     */
    public String submissionFile() {
        return submissionName + ".tsv";
    }
}
