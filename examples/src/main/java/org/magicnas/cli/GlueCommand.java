package org.magicnas.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.magicnas.data.glue.GlueTask;
import org.magicnas.data.tribuo.Split;
import org.magicnas.evaluation.GlueScore;
import org.magicnas.run.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bin/magic glue}: every GLUE task found in the data directory in turn, MNLI first so that
 * STS-B, MRPC, RTE and WNLI can start from the MNLI model (as in the paper for the first three; WNLI
 * is trained like RTE), then one table like Table 2. Test predictions go to {@code predictions/} under
 * the names the GLUE server expects ({@link GlueTask#SUBMISSION_FILES}: the nine tasks' files, MNLI's
 * two, and {@code AX.tsv}, the diagnostic set predicted by the MNLI model), optionally zipped into
 * {@code submission.zip}.
 */
@Command(name = "glue", mixinStandardHelpOptions = true, description = "Fine-tune and score every GLUE task found under --data; print one table.")
final class GlueCommand implements Callable<Integer>, CommandRuns.Resumable {
    private static final List<GlueTask> ORDER = List.of(GlueTask.MNLI_MATCHED, GlueTask.QQP, GlueTask.QNLI, GlueTask.COLA, GlueTask.SST2,
            GlueTask.STSB, GlueTask.RTE, GlueTask.MRPC, GlueTask.WNLI);
    private static final List<GlueTask> FROM_MNLI = List.of(GlueTask.STSB, GlueTask.RTE, GlueTask.MRPC, GlueTask.WNLI);
    /** The tasks of the paper's Table 2 AVG: MNLI (matched), QQP, QNLI, CoLA, SST-2, STS-B, RTE, MRPC; no WNLI, no MNLI-mm. */
    static final Set<GlueTask> TABLE2_AVERAGE = EnumSet.of(GlueTask.MNLI_MATCHED, GlueTask.QQP, GlueTask.QNLI, GlueTask.COLA, GlueTask.SST2,
            GlueTask.STSB, GlueTask.RTE, GlueTask.MRPC);
    /** The zip of the prediction files, in the run directory. */
    static final String ZIP = "submission.zip";

    @Option(names = "--data", description = "GLUE data directory in the official layout; required.")
    Path data;

    @Option(names = "--no-mnli-start", description = "Start STS-B, MRPC, RTE and WNLI from the encoder rather than from the MNLI model.")
    boolean noMnliStart;

    @Option(names = "--zip", description = "Also zip the test prediction files into <run>/" + ZIP + ", the archive the GLUE server takes.")
    boolean zip;

    @Option(names = "--runs-dir", defaultValue = "runs", description = "Where run directories go (default: ${DEFAULT-VALUE}).")
    Path runsDir;

    @Mixin
    FineTuneOptions options;

    @Option(names = "--resume", description = "Resume the run in this directory: each task continues from its latest epoch checkpoint (its "
            + FILE + " wins).")
    Path resume;

    /** The file a run keeps the command's options in. */
    static final String FILE = "glue.json";

    @Override
    public Integer call() throws Exception {
        return CommandRuns.call(resume, this, FILE);
    }

    /** Runs every task in a new run directory, or in {@code resumed}. */
    @Override
    public int execute(RunDirectory resumed) throws Exception {
        if (data == null) {
            throw new IllegalArgumentException("--data is required (or --resume <run>)");
        }
        Path encoder = options.encoderDir();
        List<GlueTask> present = new ArrayList<>();
        for (GlueTask t : ORDER) {
            if (Files.isRegularFile(t.file(data, Split.TRAIN))) {
                present.add(t);
            }
        }
        if (present.isEmpty()) {
            throw new IllegalArgumentException("--data " + data + " holds no GLUE task (expected e.g. " + GlueTask.SST2.relativeFile(Split.TRAIN) + ")");
        }
        for (GlueTask t : present) {
            DownstreamTask.checkFiles(t, data, options.skipBadRows);
        }
        RunDirectory run = resumed != null ? resumed : CommandRuns.create(runsDir, "glue", this, FILE, this);
        Path mnliEncoder = present.contains(GlueTask.MNLI_MATCHED) && !noMnliStart ? run.resolve("mnli-encoder") : null;
        List<GlueScore> scores = new ArrayList<>();
        for (GlueTask t : present) {
            Path start = mnliEncoder != null && FROM_MNLI.contains(t) ? mnliEncoder : encoder;
            scores.addAll(DownstreamTask.glue(t, data, start, options, run, System.out, t == GlueTask.MNLI_MATCHED ? mnliEncoder : null));
        }
        Path abs = encoder.toAbsolutePath();
        String table = table(abs.getParent() == null ? abs.toString() : abs.getParent().getFileName() + "/" + abs.getFileName(), scores);
        System.out.print(table);
        run.writeString("glue.txt", table);
        String submission = submission(run.resolve("predictions"));
        System.out.print(submission);
        if (zip) {
            Path zipped = zip(run.resolve("predictions"), run.resolve(ZIP));
            System.out.println(zipped != null ? "zipped: " + zipped : "nothing to zip: no test file under --data");
        }
        System.out.println("run directory: " + run);
        return 0;
    }

    /**
     * The score table: one column per dev set, then the average the paper's Table 2 uses (without WNLI and MNLI-mm) and the average
     * with WNLI, and a line saying which is which.
     */
    static String table(String model, List<GlueScore> scores) {
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-28s", "model"));
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-28s", model));
        for (GlueScore s : scores) {
            header.append(String.format(Locale.ROOT, " %8s", s.task().submissionName()));
            row.append(String.format(Locale.ROOT, " %8.1f", s.points()));
        }
        List<GlueScore> table2 = scores.stream().filter(s -> TABLE2_AVERAGE.contains(s.task())).toList();
        List<GlueScore> withWnli = scores.stream().filter(s -> TABLE2_AVERAGE.contains(s.task()) || s.task() == GlueTask.WNLI).toList();
        boolean wnli = withWnli.size() > table2.size();
        header.append(String.format(Locale.ROOT, " %8s %8s", "AVG", "AVG+WNLI"));
        row.append(String.format(Locale.ROOT, " %8s %8s", table2.isEmpty() ? "-" : String.format(Locale.ROOT, "%.1f", GlueScore.average(table2)),
                wnli ? String.format(Locale.ROOT, "%.1f", GlueScore.average(withWnli)) : "-"));
        return header + "\n" + row + "\n"
                + "AVG: mean over MNLI-m, QQP, QNLI, CoLA, SST-2, STS-B, RTE and MRPC (those present), the average the paper's Table 2 uses"
                + " (as BERT's, it leaves out WNLI and MNLI-mm); AVG+WNLI adds WNLI" + (wnli ? "" : " (not present: -)") + "\n";
    }

    /** Which of the files the GLUE server expects were written. */
    private static String submission(Path predictions) {
        List<String> missing = GlueTask.SUBMISSION_FILES.stream().filter(f -> !Files.isRegularFile(predictions.resolve(f))).toList();
        return String.format(Locale.ROOT, "GLUE submission: %d of %d files in %s%s%n", GlueTask.SUBMISSION_FILES.size() - missing.size(),
                GlueTask.SUBMISSION_FILES.size(), predictions, missing.isEmpty() ? "" : "; missing " + String.join(", ", missing)
                        + " (no train or test file, or no diagnostic/diagnostic.tsv for AX)");
    }

    /**
     * Zips the prediction files present, in the server's order, at the archive's root, with fixed timestamps (the same predictions
     * give the same bytes), written to a temporary file and moved into place.
     *
     * @return the archive, or null if there is no prediction file
     */
    static Path zip(Path predictions, Path target) throws IOException {
        if (GlueTask.SUBMISSION_FILES.stream().noneMatch(f -> Files.isRegularFile(predictions.resolve(f)))) {
            return null;
        }
        Path tmp = Files.createTempFile(target.getParent(), ".submission", ".zip.tmp");
        try {
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
                for (String name : GlueTask.SUBMISSION_FILES) {
                    Path file = predictions.resolve(name);
                    if (Files.isRegularFile(file)) {
                        ZipEntry entry = new ZipEntry(name);
                        entry.setTimeLocal(LocalDateTime.of(1980, 1, 1, 0, 0));
                        out.putNextEntry(entry);
                        Files.copy(file, out);
                        out.closeEntry();
                    }
                }
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }
}
