package org.magicnas.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.magicnas.data.MlmCorpus;
import org.magicnas.device.Precision;
import org.magicnas.run.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bin/magic train-supernet}: trains a super-net with one of the four methods. */
@Command(name = "train-supernet", mixinStandardHelpOptions = true,
        description = "Train a super-net one child path per step (spos, magic-t, magic-a, magic-at) and score a few children.")
final class TrainSupernetCommand implements Callable<Integer> {
    @Mixin
    SuperNetOptions options;

    @Option(names = "--runs-dir", defaultValue = "runs", description = "Where run directories go (default: ${DEFAULT-VALUE}).")
    Path runsDir;

    @Option(names = "--resume", description = "Resume the run in this directory from its latest checkpoint (its config.json, precision included, wins).")
    Path resume;

    @Option(names = "--stop-after", description = "Stop once this many steps are done (resume later).")
    Long stopAfter;

    @Option(names = "--log-every", defaultValue = "0", description = "Steps between progress lines, 0 for about 20 lines (default: ${DEFAULT-VALUE}).")
    int logEvery;

    @Override
    public Integer call() throws Exception {
        RunDirectory existing = resume == null ? null : CommandRuns.resume(resume, this);
        SuperNetOptions opts = existing == null ? options : SuperNetRun.readOptions(existing);
        if (existing == null && CommandDevice.precision() != Precision.FP32) {
            opts.precision = CommandDevice.precision().id();
        }
        opts.validate();
        try (MlmCorpus data = MlmCorpus.prepare(opts.dataSpec())) {
            RunDirectory run = existing != null ? existing : SuperNetRun.create(runsDir, opts, data, this);
            SuperNetRun.execute(opts, data, run, stopAfter == null ? Long.MAX_VALUE : stopAfter, logEvery, System.out);
        }
        return 0;
    }
}
