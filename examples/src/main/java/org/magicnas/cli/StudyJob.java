package org.magicnas.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

/**
 * One job of a rank-correlation study (a stand-alone child or a super-net estimate): a pure function of
 * its configuration whose result lands in the content-addressed cache.
 *
 * @param label what the progress line calls it
 * @param cached whether its result is in the cache
 * @param claim claims it for this worker (false if another worker holds it)
 * @param run runs it and returns a short summary
 */
record StudyJob(String label, BooleanSupplier cached, BooleanSupplier claim, Callable<String> run) {

    /**
     * Runs, in a worker, every job that is neither cached nor claimed by another worker, in order,
     * printing a line per job; stops once the process that started the worker is gone.
     *
     * @param jobs the jobs
     * @param prefix the start of each progress line
     * @throws Exception from a job
     */
    static void runAll(List<StudyJob> jobs, String prefix) throws Exception {
        long start = System.nanoTime();
        int done = 0;
        for (int i = 0; i < jobs.size(); i++) {
            StudyJob job = jobs.get(i);
            if (!parentAlive()) {
                System.out.printf(Locale.ROOT, "%sthe study's driver is gone: stopping after %d jobs%n", prefix, done);
                return;
            }
            if (job.cached().getAsBoolean() || !job.claim().getAsBoolean()) {
                continue;
            }
            System.out.printf(Locale.ROOT, "%sjob %d/%d  %s: running%n", prefix, i + 1, jobs.size(), job.label());
            String summary = job.run().call();
            done++;
            System.out.printf(Locale.ROOT, "%sjob %d/%d  %s: %s  (%d run here, %.0f s so far)%n", prefix, i + 1, jobs.size(), job.label(), summary, done,
                    (System.nanoTime() - start) / 1e9);
        }
    }

    private static boolean parentAlive() {
        return ProcessHandle.current().parent().map(ProcessHandle::isAlive).orElse(false);
    }
}
