package org.magicnas.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.magicnas.data.CorpusLocator;
import org.magicnas.run.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bin/magic finetune}: one downstream task through the Tribuo fine-tune trainer; {@code --resume}
 * continues an interrupted run from its latest epoch checkpoint.
 */
@Command(name = "finetune", mixinStandardHelpOptions = true,
        description = "Fine-tune an encoder on a GLUE task (or the Brown genre task), score dev, write test predictions.")
final class FinetuneCommand implements Callable<Integer>, CommandRuns.Resumable {
    @Option(names = "--task", defaultValue = "brown-genre", description = "CoLA, SST-2, MRPC, QQP, STS-B, MNLI, QNLI, RTE, WNLI or brown-genre (default).")
    String task;

    @Option(names = "--data", description = "GLUE data directory (official layout: <data>/SST-2/train.tsv, ...), or the Brown corpus for brown-genre.")
    Path data;

    @Option(names = "--runs-dir", defaultValue = "runs", description = "Where run directories go (default: ${DEFAULT-VALUE}).")
    Path runsDir;

    @Mixin
    FineTuneOptions options;

    @Option(names = "--resume", description = "Resume the run in this directory from its latest epoch checkpoint (its " + FILE + " wins).")
    Path resume;

    /** The file a run keeps the command's options in. */
    static final String FILE = "finetune.json";

    @Override
    public Integer call() throws Exception {
        return CommandRuns.call(resume, this, FILE);
    }

    /** Fine-tunes in a new run directory, or in {@code resumed}. */
    @Override
    public int execute(RunDirectory resumed) throws Exception {
        Path encoder = options.encoderDir();
        if ("brown-genre".equalsIgnoreCase(task)) {
            Path corpus = CorpusLocator.locateBrown(data);
            RunDirectory run = resumed != null ? resumed : CommandRuns.create(runsDir, "finetune-brown-genre", this, FILE, this);
            DownstreamTask.brownGenre(corpus, encoder, options, run, System.out);
            System.out.println("run directory: " + run);
            return 0;
        }
        var glueTask = DownstreamTask.parse(task);
        if (data == null || !java.nio.file.Files.isRegularFile(glueTask.file(data, org.magicnas.data.tribuo.Split.TRAIN))) {
            throw new IllegalArgumentException("--data " + data + " has no " + glueTask.relativeFile(org.magicnas.data.tribuo.Split.TRAIN)
                    + " (the official GLUE layout is expected)");
        }
        DownstreamTask.checkFiles(glueTask, data, options.skipBadRows);
        RunDirectory run = resumed != null ? resumed : CommandRuns.create(runsDir, "finetune-" + glueTask.submissionName(), this, FILE, this);
        DownstreamTask.glue(glueTask, data, encoder, options, run, System.out, null);
        System.out.println("run directory: " + run);
        return 0;
    }
}
