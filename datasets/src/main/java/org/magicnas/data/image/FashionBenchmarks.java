package org.magicnas.data.image;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The published Fashion-MNIST results that the Debian package ships, for context next to our own.
 * The package's {@code benchmark/baselines.json} holds only the hyper-parameter grids of its
 * scikit-learn benchmark (no accuracy figure); the accuracies are in the table of submitted
 * benchmarks in its {@code README.md.gz}, which this class reads.
 */
public final class FashionBenchmarks {
    /** Where the Debian package puts its documentation. */
    public static final Path DOC_DIRECTORY = Path.of("/usr/share/doc/" + FashionMnist.DEBIAN_PACKAGE);

    /**
     * One submitted result.
     *
     * @param classifier the model as the table names it
     * @param preprocessing the preprocessing as the table names it
     * @param accuracy Fashion-MNIST test accuracy
     */
    public record Entry(String classifier, String preprocessing, double accuracy) {}

    private FashionBenchmarks() {}

    /**
     * Reads the table of submitted benchmarks from the package's README.
     *
     * @param docDirectory the package's documentation directory
     * @return the rows with a numeric Fashion-MNIST accuracy, in table order; empty if the README is absent
     * @throws IOException if the README cannot be read
     */
    public static List<Entry> read(Path docDirectory) throws IOException {
        Path readme = docDirectory.resolve("README.md.gz");
        List<Entry> out = new ArrayList<>();
        if (!Files.isRegularFile(readme)) {
            return out;
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(readme)), StandardCharsets.UTF_8))) {
            boolean inTable = false;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("| Classifier | Preprocessing | Fashion test accuracy")) {
                    inTable = true;
                    continue;
                }
                if (!inTable) {
                    continue;
                }
                if (!line.startsWith("|")) {
                    break;
                }
                String[] cells = line.split("\\|", -1);
                if (cells.length < 4) {
                    continue;
                }
                try {
                    out.add(new Entry(cells[1].trim(), cells[2].trim(), Double.parseDouble(cells[3].trim())));
                } catch (NumberFormatException e) {
                    // the separator row and rows without a Fashion-MNIST figure
                }
            }
        }
        return out;
    }
}
