package org.magicnas.spark;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;
import org.apache.spark.TaskFailedReason;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.resource.ResourceInformation;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.magicnas.analysis.ResultCache;
import org.magicnas.cli.StudyCluster;
import org.magicnas.cli.StudyJobs;

/**
 * The rank study on Spark: every job not yet cached becomes a Spark job of one task, submitted all at
 * once so that the scheduler keeps every task slot busy; a task rebuilds the study from its command
 * line ({@link StudyJobs}), sets its native thread count, runs the job and returns the job's cache
 * entries, which this driver writes into its cache as each arrives. A task whose executor dies is
 * retried by Spark (up to {@code spark.task.maxFailures} attempts; {@code local[N,F]} for F attempts
 * in local mode) and returns the same entries, since a job is a pure function of its configuration.
 */
public final class SparkStudyCluster implements StudyCluster {
    /** How long a {@code spark://} master gets to accept a connection before the command gives up. */
    static final int CONNECT_TIMEOUT_MS = Integer.getInteger("magic.spark.connectTimeoutMs", 10_000);

    /** The JVM options an executor needs for Spark on Java 17 (what Spark's own launcher adds). */
    static final String OPENS = String.join(" ", "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED");

    private final Request request;
    private final JavaSparkContext context;
    private final AtomicInteger failedAttempts = new AtomicInteger();

    /** Registered in {@code META-INF/services}: connects {@code --spark}. */
    public static final class Factory implements StudyCluster.Factory {
        /** For {@link java.util.ServiceLoader}. */
        public Factory() {}

        @Override
        public StudyCluster connect(Request request) {
            return new SparkStudyCluster(request);
        }
    }

    private SparkStudyCluster(Request r) {
        this.request = r;
        String master = r.master();
        // Local mode needs no network: the driver stays on the loopback address, as it does for a cluster on 127.0.0.1.
        boolean loopback = !master.startsWith("spark://") || reachable(master);
        SparkConf conf = new SparkConf().setMaster(master).setAppName("magic rank-correlation")
                .set("spark.task.cpus", Integer.toString(r.threadsPerTask()))
                .setIfMissing("spark.task.maxFailures", "4")
                .setIfMissing("spark.ui.enabled", "false")
                .setIfMissing("spark.executor.memory", "2g")
                // Executors load this checkout's classes from the same paths (a shared file system or the same machine).
                .setIfMissing("spark.executor.extraClassPath", System.getProperty("java.class.path"))
                .setIfMissing("spark.executor.extraJavaOptions", executorJavaOptions(r.threadsPerTask()));
        String threads = Integer.toString(r.threadsPerTask());
        for (String v : List.of("OMP_NUM_THREADS", "MKL_NUM_THREADS")) {
            conf.setExecutorEnv(v, threads);
        }
        for (String v : List.of("OMP_DYNAMIC", "MKL_DYNAMIC")) {
            conf.setExecutorEnv(v, "FALSE");
        }
        if (loopback) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1").setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        if (r.gpusPerTask() > 0) {
            conf.set("spark.task.resource.gpu.amount", Double.toString(r.gpusPerTask())).setIfMissing("spark.executor.resource.gpu.amount", "1");
        }
        this.context = new JavaSparkContext(conf);
        context.setLogLevel("WARN");
        context.sc().addSparkListener(new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.reason() instanceof TaskFailedReason failed) {
                    failedAttempts.incrementAndGet();
                    System.out.printf(Locale.ROOT, "[spark] a task attempt failed (%s); Spark retries it%n", failed.toErrorString().lines().findFirst().orElse(""));
                }
            }
        });
    }

    /**
     * Fails fast, as bad input, when no master of a {@code spark://} URL accepts a connection.
     *
     * @return whether the masters are on this machine's loopback address
     */
    private static boolean reachable(String master) {
        boolean loopback = true;
        List<String> tried = new ArrayList<>();
        for (String hostPort : master.substring("spark://".length()).split(",")) {
            URI u = URI.create("spark://" + hostPort);
            if (u.getHost() == null || u.getPort() < 0) {
                throw new IllegalArgumentException("--spark " + master + ": '" + hostPort + "' is not host:port");
            }
            loopback &= u.getHost().equals("127.0.0.1") || u.getHost().equals("localhost");
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(u.getHost(), u.getPort()), CONNECT_TIMEOUT_MS);
                return loopback;
            } catch (IOException e) {
                tried.add(hostPort + " (" + e.getMessage() + ")");
            }
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT, "--spark %s: no Spark master answers within %d s: %s", master,
                CONNECT_TIMEOUT_MS / 1000, String.join(", ", tried)));
    }

    private static String executorJavaOptions(int threads) {
        StringBuilder b = new StringBuilder(OPENS).append(" -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=").append(threads)
                .append(" -Dai.djl.pytorch.num_interop_threads=1");
        String logging = System.getProperty("java.util.logging.config.file");
        if (logging != null && !logging.contains(" ")) {
            b.append(" -Djava.util.logging.config.file=").append(logging);
        }
        return b.toString();
    }

    @Override
    public void run(List<Integer> jobs, List<String> labels, ResultCache cache) throws Exception {
        long start = System.nanoTime();
        Map<Integer, JavaFutureAction<List<StudyJobs.Result>>> pending = new LinkedHashMap<>();
        Task task = new Task(new ArrayList<>(request.studyArgs()), request.threadsPerTask());
        for (int n = 0; n < jobs.size(); n++) {
            context.setJobDescription(labels.get(n));
            pending.put(n, context.parallelize(List.of(jobs.get(n)), 1).map(task).collectAsync());
        }
        int done = 0;
        try {
            while (!pending.isEmpty()) {
                boolean progressed = false;
                for (var it = pending.entrySet().iterator(); it.hasNext();) {
                    var e = it.next();
                    if (!e.getValue().isDone()) {
                        continue;
                    }
                    it.remove();
                    progressed = true;
                    StudyJobs.Result result;
                    try {
                        result = e.getValue().get().get(0);
                    } catch (ExecutionException failure) {
                        String why = String.valueOf(failure.getCause().getMessage()).lines().findFirst().orElse("");
                        throw new IllegalStateException("job '" + labels.get(e.getKey()) + "' failed on Spark; finished jobs are cached, rerun the same"
                                + " command to resume: " + why, failure.getCause());
                    }
                    result.entries().forEach(cache::writeJson);
                    done++;
                    System.out.printf(Locale.ROOT, "[spark] %s: %s  (%d of %d back, %.0f s so far)%n", labels.get(e.getKey()), result.summary(), done,
                            jobs.size(), (System.nanoTime() - start) / 1e9);
                }
                if (!progressed) {
                    Thread.sleep(100);
                }
            }
        } finally {
            pending.values().forEach(f -> f.cancel(true));
        }
        if (failedAttempts.get() > 0) {
            System.out.printf(Locale.ROOT, "[spark] %d task attempt(s) failed and were retried%n", failedAttempts.get());
        }
    }

    /**
     * Task attempts that failed (and were retried) so far.
     *
     * @return the count
     */
    public int failedAttempts() {
        return failedAttempts.get();
    }

    @Override
    public void close() {
        context.close();
    }

    /** One study job, run on an executor with the requested native threads. */
    static final class Task implements Function<Integer, StudyJobs.Result> {
        private static final long serialVersionUID = 1L;
        private final ArrayList<String> studyArgs;
        private final int threads;

        Task(ArrayList<String> studyArgs, int threads) {
            this.studyArgs = studyArgs;
            this.threads = threads;
        }

        @Override
        public StudyJobs.Result call(Integer index) throws Exception {
            Engine.getEngine("PyTorch");
            // Process-wide: in local[N] the driver's JVM is the executor, started without the executor's options.
            JniUtils.setNumThreads(threads);
            // Per thread in libtorch: a task thread starts as the engine's own thread does, gradients off
            // outside a step's collector (org.magicnas.train.Gradients).
            JniUtils.setGradMode(false);
            List<String> args = studyArgs;
            TaskContext context = TaskContext.get();
            ResourceInformation gpus = context == null ? null : context.resourcesJMap().get("gpu");
            if (gpus != null && gpus.addresses().length > 0 && !args.contains("--device")) {
                // The GPU Spark gave this task (one per executor: the study, built once per JVM, keeps it).
                args = new ArrayList<>(args);
                args.addAll(List.of("--device", "gpu:" + gpus.addresses()[0]));
            }
            return StudyJobs.run(args, index);
        }
    }
}
