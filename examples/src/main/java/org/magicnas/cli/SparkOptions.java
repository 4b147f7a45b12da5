package org.magicnas.cli;

import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * {@code --spark MASTER}, {@code --threads-per-task} and {@code --gpus-per-task}: a command's
 * independent jobs as Spark tasks (rank-correlation, pipeline, image-search). Like the device options
 * they say where the work runs, not what it computes: they are not saved with a run's options.
 */
public final class SparkOptions {
    @Option(names = "--spark", paramLabel = "MASTER",
            description = "Run the independent jobs as Spark tasks on this master: local[N] (N task threads in this JVM) or spark://host:port (a"
                    + " standalone cluster whose workers see this checkout and the data at the same paths); their results are written here."
                    + " Needs the magic-spark module, which bin/magic builds only when --spark is given.")
    String master;

    @Option(names = "--threads-per-task", defaultValue = "1",
            description = "With --spark: native threads of each task (Spark reserves as many cores for it); the count changes the last digits of"
                    + " the numbers, and for rank-correlation a value other than 1 is part of every job's cache key (default: ${DEFAULT-VALUE}).")
    int threadsPerTask;

    @Option(names = "--gpus-per-task", defaultValue = "0",
            description = "With --spark: GPUs each task asks Spark's resource scheduler for (spark.task.resource.gpu.amount; 0 for CPU"
                    + " tasks, default: ${DEFAULT-VALUE}).")
    double gpusPerTask;

    /**
     * Whether the jobs run on Spark.
     *
     * @return whether {@code --spark} was given
     */
    boolean enabled() {
        return master != null;
    }

    /**
     * Checks the options before any data is read: counts, and a master's form (whether it answers is
     * checked by {@link #connect}).
     *
     * @throws IllegalArgumentException (one line) naming the option
     */
    void validate() {
        if (threadsPerTask < 1) {
            throw new IllegalArgumentException("--threads-per-task must be >= 1, got " + threadsPerTask);
        }
        if (!(gpusPerTask >= 0)) {
            throw new IllegalArgumentException("--gpus-per-task must be >= 0, got " + gpusPerTask);
        }
        if (master == null) {
            if (threadsPerTask != 1 || gpusPerTask != 0) {
                throw new IllegalArgumentException("--threads-per-task and --gpus-per-task need --spark");
            }
            return;
        }
        if (!master.matches("local(\\[(\\*|[1-9][0-9]*)(,[1-9][0-9]*)?\\])?|spark://[^/\\s]+:[0-9]+(,[^/\\s]+:[0-9]+)*")) {
            throw new IllegalArgumentException("--spark '" + master + "': allowed are local, local[N], local[*], local[N,F] and spark://host:port");
        }
    }

    /**
     * Connects to the master, or not without {@code --spark}; call before the run directory is made, so
     * that an unreachable master leaves none.
     *
     * @param command the command's name, for the application's name
     * @return the cluster, or null without {@code --spark}
     * @throws IllegalArgumentException (one line, within about 10 s) if no master answers
     */
    TaskCluster connect(String command) {
        return master == null ? null : TaskCluster.connect(new TaskCluster.Request(master, "magic " + command, threadsPerTask, gpusPerTask));
    }

    /**
     * Where the jobs run, for the command's first line.
     *
     * @return e.g. {@code Spark local[2], tasks of 1 thread(s)}
     */
    String describe() {
        return String.format(Locale.ROOT, "Spark %s, tasks of %d thread(s)", master, threadsPerTask);
    }
}
