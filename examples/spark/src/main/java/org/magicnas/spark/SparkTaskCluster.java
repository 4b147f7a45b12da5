package org.magicnas.spark;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;
import org.apache.spark.TaskFailedReason;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.resource.ResourceInformation;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.magicnas.cli.ClusterTask;
import org.magicnas.cli.TaskCluster;
import org.magicnas.cli.TaskOutput;

/**
 * A command's jobs on Spark ({@code --spark}): every task submitted becomes a Spark job of one task
 * (the driver submits every job that is ready at once, so that the scheduler keeps every task slot
 * busy); on an executor the task's native thread count and gradient mode are set and the task runs
 * on the GPU Spark assigned it, if any. A task whose executor dies is retried by Spark (up to {@code
 * spark.task.maxFailures} attempts; {@code local[N,F]} for F attempts in local mode) and returns the
 * same output, since a task is a pure function of what it carries.
 */
public final class SparkTaskCluster implements TaskCluster {
    /** How long a {@code spark://} master gets to accept a connection before the command gives up. */
    static final int CONNECT_TIMEOUT_MS = Integer.getInteger("magic.spark.connectTimeoutMs", 10_000);

    /** The JVM options an executor needs for Spark on Java 17 (what Spark's own launcher adds). */
    static final String OPENS = String.join(" ", "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED");

    private final JavaSparkContext context;
    private final int threads;
    private final AtomicInteger failedAttempts = new AtomicInteger();

    /** Registered in {@code META-INF/services}: connects {@code --spark}. */
    public static final class Factory implements TaskCluster.Factory {
        /** For {@link java.util.ServiceLoader}. */
        public Factory() {}

        @Override
        public TaskCluster connect(Request request) {
            return new SparkTaskCluster(request);
        }
    }

    private SparkTaskCluster(Request r) {
        this.threads = r.threadsPerTask();
        String master = r.master();
        // Local mode needs no network: the driver stays on the loopback address, as it does for a cluster on 127.0.0.1.
        boolean loopback = !master.startsWith("spark://") || reachable(master);
        SparkConf conf = new SparkConf().setMaster(master).setAppName(r.appName())
                .set("spark.task.cpus", Integer.toString(r.threadsPerTask()))
                .setIfMissing("spark.task.maxFailures", "4")
                .setIfMissing("spark.ui.enabled", "false")
                .setIfMissing("spark.executor.memory", "2g")
                // Executors load this checkout's classes from the same paths (a shared file system or the same machine).
                .setIfMissing("spark.executor.extraClassPath", System.getProperty("java.class.path"))
                .setIfMissing("spark.executor.extraJavaOptions", executorJavaOptions(r.threadsPerTask()));
        String perTask = Integer.toString(r.threadsPerTask());
        for (String v : List.of("OMP_NUM_THREADS", "MKL_NUM_THREADS")) {
            conf.setExecutorEnv(v, perTask);
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
    public Future<TaskOutput> submit(String label, ClusterTask task) {
        context.setJobDescription(label);
        // A broadcast, not a part of the Spark task: what a task carries (a unit's checkpoints) may exceed
        // the size of a task message (spark.rpc.message.maxSize).
        Broadcast<ClusterTask> carried = context.broadcast(task);
        return new FirstOf(context.parallelize(List.of(0), 1).map(new Run(threads, carried)).collectAsync());
    }

    @Override
    public int failedAttempts() {
        return failedAttempts.get();
    }

    @Override
    public void close() {
        context.close();
    }

    /** Runs a task on an executor thread with the requested native threads, on the GPU Spark assigned it. */
    static final class Run implements Function<Integer, TaskOutput> {
        private static final long serialVersionUID = 1L;
        private final int threads;
        private final Broadcast<ClusterTask> task;

        Run(int threads, Broadcast<ClusterTask> task) {
            this.threads = threads;
            this.task = task;
        }

        @Override
        public TaskOutput call(Integer ignored) throws Exception {
            Engine.getEngine("PyTorch");
            // Process-wide: in local[N] the driver's JVM is the executor, started without the executor's options.
            JniUtils.setNumThreads(threads);
            // Per thread in libtorch: a task thread starts as the engine's own thread does, gradients off
            // outside a step's collector (org.magicnas.train.Gradients).
            JniUtils.setGradMode(false);
            TaskContext context = TaskContext.get();
            ResourceInformation gpus = context == null ? null : context.resourcesJMap().get("gpu");
            return task.value().run(gpus != null && gpus.addresses().length > 0 ? gpus.addresses()[0] : null);
        }
    }

    /** The output of a Spark job of one task. */
    private record FirstOf(JavaFutureAction<List<TaskOutput>> job) implements Future<TaskOutput> {
        @Override
        public boolean cancel(boolean interrupt) {
            return job.cancel(interrupt);
        }

        @Override
        public boolean isCancelled() {
            return job.isCancelled();
        }

        @Override
        public boolean isDone() {
            return job.isDone();
        }

        @Override
        public TaskOutput get() throws InterruptedException, ExecutionException {
            return job.get().get(0);
        }

        @Override
        public TaskOutput get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
            return job.get(timeout, unit).get(0);
        }
    }
}
