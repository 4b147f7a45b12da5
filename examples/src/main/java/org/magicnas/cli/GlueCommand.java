package org.magicnas.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.magicnas.data.glue.GlueTask;
import org.magicnas.data.tribuo.Split;
import org.magicnas.evaluation.GlueScore;
import org.magicnas.run.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bin/magic glue}: every GLUE task found in the data directory in turn, MNLI first so that
 * STS-B, MRPC and RTE can start from the MNLI model (as in the paper), then one table like Table 2.
 */
@Command(name = "glue", mixinStandardHelpOptions = true, description = "Fine-tune and score every GLUE task found under --data; print one table.")
final class GlueCommand implements Callable<Integer>, CommandRuns.Resumable {
    private static final List<GlueTask> ORDER = List.of(GlueTask.MNLI_MATCHED, GlueTask.QQP, GlueTask.QNLI, GlueTask.COLA, GlueTask.SST2,
            GlueTask.STSB, GlueTask.RTE, GlueTask.MRPC);
    private static final List<GlueTask> FROM_MNLI = List.of(GlueTask.STSB, GlueTask.RTE, GlueTask.MRPC);

    @Option(names = "--data", description = "GLUE data directory in the official layout; required.")
    Path data;

    @Option(names = "--no-mnli-start", description = "Start STS-B, MRPC and RTE from the encoder rather than from the MNLI model.")
    boolean noMnliStart;

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
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-28s", "model"));
        Path abs = encoder.toAbsolutePath();
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-28s", abs.getParent() == null ? abs.toString() : abs.getParent().getFileName() + "/" + abs.getFileName()));
        for (GlueScore s : scores) {
            header.append(String.format(Locale.ROOT, " %8s", s.task().submissionName()));
            row.append(String.format(Locale.ROOT, " %8.1f", s.points()));
        }
        header.append(String.format(Locale.ROOT, " %8s", "AVG"));
        row.append(String.format(Locale.ROOT, " %8.1f", GlueScore.average(scores)));
        System.out.println(header);
        System.out.println(row);
        run.writeString("glue.txt", header + "\n" + row + "\n");
        System.out.println("run directory: " + run);
        return 0;
    }
}
