package org.magicnas.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quick study on a real standalone cluster (a master and one one-core worker on 127.0.0.1, started
 * from the Spark jars): the worker's executor is killed once while a job runs, Spark retries the job
 * on a new executor, and the report is the one a run without Spark writes. Skipped only where no
 * port on 127.0.0.1 can be opened.
 */
@Tag("slow")
class StandaloneClusterTest {

    @Test
    void quickStudySurvivesAKilledExecutorWithIdenticalResults(@TempDir Path tmp) throws Exception {
        int[] ports = freePorts(4);
        Path home = tmp.resolve("spark-home");
        // The worker's executor launcher wants a Spark installation; the classes come from spark.executor.extraClassPath.
        Files.createDirectories(home.resolve("jars"));
        Files.createDirectories(home.resolve("launcher/target/scala-2.13"));
        List<Process> started = new ArrayList<>();
        try {
            started.add(start(home, tmp.resolve("master.log"), "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                    Integer.toString(ports[0]), "--webui-port", Integer.toString(ports[1])));
            awaitPort(ports[0]);
            Process worker = start(home, tmp.resolve("worker.log"), "org.apache.spark.deploy.worker.Worker", "spark://127.0.0.1:" + ports[0], "--host",
                    "127.0.0.1", "--port", Integer.toString(ports[2]), "--webui-port", Integer.toString(ports[3]), "--cores", "1", "--memory", "3g",
                    "--work-dir", tmp.resolve("work").toString());
            started.add(worker);
            awaitPort(ports[2]);

            List<String> study = List.of("rank-correlation", "--preset", "quick", "--bootstrap", "200");
            Path cache = tmp.resolve("spark-cache");
            CompletableFuture<SparkStudyTest.Result> onCluster = CompletableFuture.supplyAsync(() -> SparkStudyTest.run(SparkStudyTest.concat(study,
                    "--cache", cache.toString(), "--runs-dir", tmp.resolve("spark-runs").toString(), "--spark", "spark://127.0.0.1:" + ports[0])));
            // Once the first job is back, the executor is busy with the next one: kill it.
            AtomicLong killed = new AtomicLong(-1);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (killed.get() < 0 && !onCluster.isDone() && System.nanoTime() < deadline) {
                if (jsonFiles(cache) >= 1) {
                    // The worker's only children are its executors.
                    Optional<ProcessHandle> executor = worker.descendants().findFirst();
                    executor.ifPresent(p -> {
                        p.destroyForcibly();
                        killed.set(p.pid());
                    });
                }
                Thread.sleep(200);
            }
            SparkStudyTest.Result r = onCluster.get(10, TimeUnit.MINUTES);
            assertEquals(0, r.code(), r.err() + r.out() + Files.readString(tmp.resolve("worker.log")));
            assertTrue(killed.get() > 0, "an executor was killed mid-study: " + r.out());
            assertTrue(r.out().contains("task attempt(s) failed and were retried"), r.out());

            SparkStudyTest.Result plain = SparkStudyTest.run(SparkStudyTest.concat(study, "--cache", tmp.resolve("plain-cache").toString(), "--runs-dir",
                    tmp.resolve("plain-runs").toString(), "--workers", "1"));
            assertEquals(0, plain.code(), plain.err());
            for (String f : List.of("panel.csv", "results.csv", "claims.csv")) {
                assertEquals(Files.readString(SparkStudyTest.only(tmp.resolve("plain-runs")).resolve(f)),
                        Files.readString(SparkStudyTest.only(tmp.resolve("spark-runs")).resolve(f)), f);
            }
        } finally {
            for (Process p : started) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroy();
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
    }

    /** Free ports on 127.0.0.1, or the test is skipped where none can be opened. */
    private static int[] freePorts(int n) {
        int[] ports = new int[n];
        List<ServerSocket> open = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
                open.add(s);
                ports[i] = s.getLocalPort();
            }
        } catch (IOException e) {
            Assumptions.abort("cannot open a port on 127.0.0.1: " + e.getMessage());
        } finally {
            for (ServerSocket s : open) {
                try {
                    s.close();
                } catch (IOException e) {
                    // closed anyway
                }
            }
        }
        return ports;
    }

    private static Process start(Path sparkHome, Path log, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m"));
        cmd.addAll(List.of(SparkTaskCluster.OPENS.split(" ")));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SPARK_HOME", sparkHome.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        return pb.start();
    }

    private static void awaitPort(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException e) {
                Thread.sleep(250);
            }
        }
        throw new AssertionError("nothing listens on 127.0.0.1:" + port + " after 60 s");
    }

    private static long jsonFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".json")).count();
        }
    }
}
