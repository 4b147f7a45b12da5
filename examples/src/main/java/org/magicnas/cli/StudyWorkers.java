package org.magicnas.cli;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a study's jobs in worker processes: the same command line with {@code --worker i}, in a JVM of
 * its own whose native libraries (PyTorch's intra-op pool, OpenMP, MKL) use a fixed number of
 * threads. Workers share the result cache and claim jobs there, so every job runs once, and a job's
 * numbers are the same whichever worker runs it (with another thread count they differ in the last
 * digits, so the command keys jobs by it). On 2 cores, two single-threaded workers trained 1.3
 * to 1.5 times as many steps per second as one two-threaded process (README, rank correlation).
 */
final class StudyWorkers {
    /** The most workers started by default. */
    static final int MAX_DEFAULT = 8;

    private StudyWorkers() {}

    /**
     * Workers by default: one per core, at most {@link #MAX_DEFAULT}.
     *
     * @return the count
     */
    static int defaultCount() {
        return Math.min(MAX_DEFAULT, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Starts the workers and waits for all of them.
     *
     * @param args the study's command line (the subcommand and its options)
     * @param count how many workers
     * @param threads native threads per worker
     * @throws InterruptedException if interrupted while waiting (the workers are stopped)
     * @throws IllegalStateException if a worker fails (its finished jobs stay in the cache)
     */
    static void run(List<String> args, int count, int threads) throws InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<Process> processes = new ArrayList<>();
        List<Thread> pumps = new ArrayList<>();
        // Ctrl-C or a kill of this process stops the workers too (a worker also stops by itself between
        // jobs once its parent is gone, see StudyJob); finished jobs stay cached either way.
        Thread stopWorkers = new Thread(() -> processes.forEach(Process::destroy));
        Runtime.getRuntime().addShutdownHook(stopWorkers);
        try {
            for (int w = 1; w <= count; w++) {
                List<String> cmd = new ArrayList<>(List.of(java));
                for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
                    if (!a.startsWith("-Dai.djl.pytorch.num_")) {
                        cmd.add(a);
                    }
                }
                cmd.addAll(List.of("-Dai.djl.pytorch.num_threads=" + threads, "-Dai.djl.pytorch.num_interop_threads=1", "-cp",
                        System.getProperty("java.class.path"), Magic.class.getName()));
                cmd.addAll(args);
                cmd.addAll(List.of("--worker", Integer.toString(w)));
                ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.INHERIT);
                String n = Integer.toString(threads);
                pb.environment().put("OMP_NUM_THREADS", n);
                pb.environment().put("MKL_NUM_THREADS", n);
                Process p = pb.start();
                processes.add(p);
                pumps.add(pump(p));
            }
            for (int w = 0; w < processes.size(); w++) {
                int code = processes.get(w).waitFor();
                pumps.get(w).join();
                if (code != 0) {
                    throw new IllegalStateException("study worker " + (w + 1) + " exited with code " + code
                            + "; finished jobs are cached, rerun the same command to resume");
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot start a study worker: " + e.getMessage(), e);
        } finally {
            processes.forEach(Process::destroy);
            Runtime.getRuntime().removeShutdownHook(stopWorkers);
        }
    }

    /** Copies a worker's output, line by line, to this process's standard output (where the study's progress goes). */
    private static Thread pump(Process p) {
        Thread t = new Thread(() -> {
            try (java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
                    java.nio.charset.Charset.defaultCharset()))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    synchronized (System.out) {
                        System.out.println(line);
                    }
                }
            } catch (java.io.IOException e) {
                // the worker is gone; its exit code says whether it failed
            }
        }, "study-worker-output");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
