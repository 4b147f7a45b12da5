package org.magicnas.cli;

import java.util.List;
import java.util.ServiceLoader;
import org.magicnas.analysis.ResultCache;

/**
 * A cluster that runs a rank study's jobs as tasks ({@code --spark}): each task rebuilds the study from
 * its command line, runs one job and sends the job's cache entries back; the driver writes them into
 * its cache as they arrive. The implementation lives in the {@code magic-spark} module, found through
 * {@link ServiceLoader}, so that this module and its users never load Spark.
 */
public interface StudyCluster extends AutoCloseable {

    /**
     * What a cluster needs to run a study's jobs.
     *
     * @param master the Spark master: {@code local[N]} or {@code spark://host:port}
     * @param studyArgs the study's command line (the subcommand and its options), from which each task rebuilds the study
     * @param threadsPerTask native threads (and cores reserved) per task
     * @param gpusPerTask GPUs per task asked of the resource scheduler, 0 for CPU tasks
     */
    record Request(String master, List<String> studyArgs, int threadsPerTask, double gpusPerTask) {}

    /** Connects to a cluster; registered as a service by the module that implements it. */
    interface Factory {
        /**
         * Connects, waiting a bounded time for the master.
         *
         * @param request the master and the study
         * @return the connected cluster
         * @throws IllegalArgumentException if the master cannot be reached (bad input: one line, exit 2)
         */
        StudyCluster connect(Request request);
    }

    /**
     * Runs jobs and writes each one's results into the cache as soon as it is back; a task whose
     * executor dies is retried by the cluster (jobs are pure functions of the command line).
     *
     * @param jobs the indexes of the jobs, in the study's job order
     * @param labels their progress labels, in the same order
     * @param cache the driver's cache
     * @throws Exception if a job fails for good (finished jobs stay cached)
     */
    void run(List<Integer> jobs, List<String> labels, ResultCache cache) throws Exception;

    /** Stops the cluster session (not the cluster). */
    @Override
    void close();

    /**
     * Connects through the first registered {@link Factory}.
     *
     * @param request the master and the study
     * @return the cluster
     * @throws IllegalStateException if no implementation is on the class path
     */
    static StudyCluster connect(Request request) {
        Factory f = ServiceLoader.load(Factory.class).findFirst().orElseThrow(() -> new IllegalStateException(
                "--spark needs the magic-spark module on the class path (bin/magic builds and adds it when --spark is given)"));
        return f.connect(request);
    }
}
