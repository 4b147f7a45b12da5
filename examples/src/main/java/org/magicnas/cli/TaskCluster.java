package org.magicnas.cli;

import java.util.ServiceLoader;
import java.util.concurrent.Future;

/**
 * A cluster that runs a command's independent jobs as tasks ({@code --spark}): a rank study's jobs, a
 * pipeline's or an image search's units. A task carries what it needs to rebuild its job on an
 * executor and sends back what the job wrote; the driver stores it. The implementation lives in the
 * {@code magic-spark} module, found through {@link ServiceLoader}, so that this module and its users
 * never load Spark.
 */
public interface TaskCluster extends AutoCloseable {

    /**
     * What a cluster needs to run tasks.
     *
     * @param master the Spark master: {@code local[N]} or {@code spark://host:port}
     * @param appName the application's name on the cluster
     * @param threadsPerTask native threads (and cores reserved) per task
     * @param gpusPerTask GPUs per task asked of the resource scheduler, 0 for CPU tasks
     */
    record Request(String master, String appName, int threadsPerTask, double gpusPerTask) {}

    /** Connects to a cluster; registered as a service by the module that implements it. */
    interface Factory {
        /**
         * Connects, waiting a bounded time for the master.
         *
         * @param request the master and the tasks' resources
         * @return the connected cluster
         * @throws IllegalArgumentException if the master cannot be reached (bad input: one line, exit 2)
         */
        TaskCluster connect(Request request);
    }

    /**
     * Submits one task. A task whose executor dies is retried by the cluster (tasks are pure functions
     * of what they carry).
     *
     * @param label what progress lines call it
     * @param task the task
     * @return its output, once back; fails with the task's failure once the cluster gives up on it
     */
    Future<TaskOutput> submit(String label, ClusterTask task);

    /**
     * Task attempts that failed (and were retried) so far.
     *
     * @return the count
     */
    int failedAttempts();

    /** Stops the cluster session (not the cluster). */
    @Override
    void close();

    /**
     * Connects through the first registered {@link Factory}.
     *
     * @param request the master and the tasks' resources
     * @return the cluster
     * @throws IllegalStateException if no implementation is on the class path
     */
    static TaskCluster connect(Request request) {
        Factory f = ServiceLoader.load(Factory.class).findFirst().orElseThrow(() -> new IllegalStateException(
                "--spark needs the magic-spark module on the class path (bin/magic builds and adds it when --spark is given)"));
        return f.connect(request);
    }
}
