package org.magicnas.cli;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Runs jobs as tasks of a {@link TaskCluster}: every job whose predecessors are back is submitted at
 * once, so that the scheduler keeps every task slot busy, and the driver stores each output as it
 * arrives, before the jobs that wait for it are submitted.
 */
final class ClusterRun {
    private ClusterRun() {}

    /** Makes a job's task when it is submitted, after the outputs it may read are stored. */
    interface TaskSource {
        /**
         * Makes the task.
         *
         * @return the task
         * @throws Exception if what it carries cannot be read
         */
        ClusterTask task() throws Exception;
    }

    /** Stores a task's output on the driver. */
    interface Receiver {
        /**
         * Stores the output.
         *
         * @param output what the task sent back
         * @throws Exception if it cannot be stored
         */
        void accept(TaskOutput output) throws Exception;
    }

    /**
     * One job.
     *
     * @param label what progress lines call it
     * @param after the indexes, in the same list, of the jobs that must be back before it starts
     * @param task makes its task
     * @param receiver stores its output
     */
    record Job(String label, List<Integer> after, TaskSource task, Receiver receiver) {}

    /**
     * Runs the jobs and stores their outputs, printing a line as each is back.
     *
     * @param cluster the cluster
     * @param jobs the jobs
     * @param rerun what the user can do when a job fails for good, e.g. {@code rerun the same command to resume}
     * @throws Exception if a job fails for good (the outputs back so far are stored) or an output cannot be stored
     */
    static void run(TaskCluster cluster, List<Job> jobs, String rerun) throws Exception {
        long start = System.nanoTime();
        Map<Integer, Future<TaskOutput>> pending = new LinkedHashMap<>();
        Set<Integer> back = new HashSet<>();
        try {
            while (back.size() < jobs.size()) {
                for (int i = 0; i < jobs.size(); i++) {
                    Job job = jobs.get(i);
                    if (!back.contains(i) && !pending.containsKey(i) && back.containsAll(job.after())) {
                        pending.put(i, cluster.submit(job.label(), job.task().task()));
                    }
                }
                if (pending.isEmpty()) {
                    throw new IllegalStateException("jobs wait for each other: " + jobs.stream().map(Job::label).toList());
                }
                boolean progressed = false;
                for (var it = pending.entrySet().iterator(); it.hasNext();) {
                    var e = it.next();
                    if (!e.getValue().isDone()) {
                        continue;
                    }
                    it.remove();
                    progressed = true;
                    Job job = jobs.get(e.getKey());
                    TaskOutput output;
                    try {
                        output = e.getValue().get();
                    } catch (ExecutionException failure) {
                        String why = String.valueOf(failure.getCause().getMessage()).lines().findFirst().orElse("");
                        throw new IllegalStateException("job '" + job.label() + "' failed on Spark; " + rerun + ": " + why, failure.getCause());
                    }
                    job.receiver().accept(output);
                    back.add(e.getKey());
                    System.out.printf(Locale.ROOT, "[spark] %s: %s  (%d of %d back, %.0f s so far)%n", job.label(), output.summary(), back.size(),
                            jobs.size(), (System.nanoTime() - start) / 1e9);
                }
                if (!progressed) {
                    Thread.sleep(100);
                }
            }
        } finally {
            pending.values().forEach(f -> f.cancel(true));
        }
        if (cluster.failedAttempts() > 0) {
            System.out.printf(Locale.ROOT, "[spark] %d task attempt(s) failed and were retried%n", cluster.failedAttempts());
        }
    }
}
