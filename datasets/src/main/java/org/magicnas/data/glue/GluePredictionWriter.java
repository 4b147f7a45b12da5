package org.magicnas.data.glue;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.magicnas.data.CorpusException;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

/**
 * Writes test-set predictions as a GLUE submission file: {@code <dir>/<task>.tsv} (e.g. {@code
 * CoLA.tsv}, {@code STS-B.tsv}, {@code MNLI-m.tsv}, {@code MNLI-mm.tsv}) with the header {@value
 * #HEADER} and one line per prediction, in prediction order.
 *
 * <p>The index of a line is the {@value GlueDataSource#METADATA_INDEX} metadata of the predicted
 * example, which {@link GlueDataSource} copies from the test file. Classification predictions are
 * written as the task's label names ({@code 0}/{@code 1}, {@code entailment}, ...), STS-B
 * predictions as the regressor's single value in Java's shortest round-trip decimal form. The file
 * is written with OpenCSV ({@link ICSVWriter}, tab-separated, no quote or escape character, as GLUE
 * files are not quote-escaped, {@code \n} line ends) to a temporary file in the same directory and
 * atomically moved into place.
 */
public final class GluePredictionWriter {

    /** The header line of a submission file. */
    public static final String HEADER = "index\tprediction";

    private static final Logger LOG = Logger.getLogger(GluePredictionWriter.class.getName());

    private GluePredictionWriter() {}

    /**
     * Writes the submission file of a task.
     *
     * @param task the task
     * @param predictions predictions on the task's test examples, each example carrying its index
     * @param directory the submission directory, created if missing
     * @param <T> the output type: {@link Label} or {@link Regressor}
     * @return the written file
     * @throws IllegalArgumentException if there are no predictions, an example lacks its index,
     *     an index repeats, or an output does not fit the task
     * @throws CorpusException if the file cannot be written
     */
    public static <T extends Output<T>> Path write(
            GlueTask task, List<Prediction<T>> predictions, Path directory) {
        if (predictions.isEmpty()) {
            throw new IllegalArgumentException(
                    "no predictions for GLUE " + task.submissionName()
                            + ": expected one per test example");
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER.split("\t"));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < predictions.size(); i++) {
            Prediction<T> prediction = predictions.get(i);
            Object index = prediction.getExample()
                    .getMetadataValue(GlueDataSource.METADATA_INDEX).orElse(null);
            if (index == null || index.toString().isBlank()) {
                throw new IllegalArgumentException(
                        "prediction " + i + " has no '" + GlueDataSource.METADATA_INDEX
                                + "' metadata: expected examples from a GLUE test file");
            }
            if (!seen.add(index.toString())) {
                throw new IllegalArgumentException(
                        "prediction " + i + " repeats index " + index
                                + ": expected each test example once");
            }
            rows.add(new String[] {index.toString(), format(task, prediction.getOutput())});
        }
        Path target = directory.resolve(task.submissionFile()).toAbsolutePath();
        writeAtomically(target, rows);
        LOG.info(() -> "Wrote " + predictions.size() + " GLUE " + task.submissionName()
                + " predictions to " + target);
        return target;
    }

    /**
     * Formats one predicted output as GLUE expects it.
     *
     * @param task the task
     * @param output the predicted output
     * @return the label name, or the score as a decimal number for STS-B
     * @throws IllegalArgumentException if the output is of the wrong type, an unknown label, or a
     *     regressor without exactly one finite value
     */
    public static String format(GlueTask task, Output<?> output) {
        if (task.isRegression()) {
            if (!(output instanceof Regressor regressor) || regressor.size() != 1
                    || !Double.isFinite(regressor.getValues()[0])) {
                throw new IllegalArgumentException(
                        "prediction " + output + " for GLUE " + task.submissionName()
                                + ": expected a Regressor with one finite value");
            }
            return Double.toString(regressor.getValues()[0]);
        }
        if (!(output instanceof Label label) || !task.labels().contains(label.getLabel())) {
            throw new IllegalArgumentException(
                    "prediction " + output + " for GLUE " + task.submissionName()
                            + ": expected a Label in " + task.labels());
        }
        return label.getLabel();
    }

    /**
     * Opens an OpenCSV writer for GLUE's tab-separated layout: no quote or escape character and
     * {@code \n} line ends.
     *
     * @param out where the text goes
     * @return the writer
     */
    static ICSVWriter tsvWriter(Writer out) {
        return new CSVWriterBuilder(out)
                .withSeparator('\t')
                .withQuoteChar(ICSVWriter.NO_QUOTE_CHARACTER)
                .withEscapeChar(ICSVWriter.NO_ESCAPE_CHARACTER)
                .withLineEnd("\n")
                .build();
    }

    private static void writeAtomically(Path target, List<String[]> rows) {
        Path temp = null;
        try {
            Files.createDirectories(target.getParent());
            temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try (ICSVWriter writer = tsvWriter(Files.newBufferedWriter(temp, StandardCharsets.UTF_8))) {
                writer.writeAll(rows, false);
                if (writer.checkError()) {
                    throw writer.getException() != null ? writer.getException()
                            : new IOException("write failed");
                }
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw new CorpusException("cannot write GLUE submission " + target + ": " + e, e);
        }
    }
}
