package org.magicnas.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.magicnas.cli.Magic;
import org.magicnas.data.BrownFixture;
import org.magicnas.train.CheckpointStore;

/**
 * The real command line in a separate JVM, killed (SIGKILL) once inside a checkpoint write and once
 * at a seeded random moment, then resumed to the end: its outputs must equal, byte for byte, those of
 * an uninterrupted run. The kill tests start about a dozen JVMs each: the class is tagged {@code slow}
 * ({@code mvn -Pstudies test}).
 */
@Tag("slow")
class KillAndResumeTest {
    /** The commands read the real Brown corpus: fetched once here, or every test fails at once saying why. */
    @BeforeAll
    static void brownCorpus() {
        BrownFixture.directory();
    }

    /** Milliseconds each checkpoint write of the first process sleeps, so that it can be killed inside one. */
    private static final long WRITE_DELAY_MS = 400;
    private static final long FINISH_SECONDS = 300;

    /** Starts the command line in a new JVM with this test's class path; its output goes to a log file. */
    private static Process start(Path log, boolean slowWrites, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(), "-Xmx1g", "-XX:TieredStopAtLevel=1",
                "-Dai.djl.offline=true", "-D" + CheckpointStore.TEST_DELAY_PROPERTY + "=" + (slowWrites ? WRITE_DELAY_MS : 0),
                "-cp", System.getProperty("java.class.path"), Magic.class.getName()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("OMP_DYNAMIC", "FALSE");
        pb.environment().put("MKL_DYNAMIC", "FALSE");
        return pb.start();
    }

    /** Kills the process as soon as a checkpoint numbered at least {@code fromStep} is being written under {@code runs}. */
    private static boolean killInsideCheckpointWrite(Process p, Path runs, long fromStep) throws Exception {
        while (p.isAlive()) {
            if (writing(runs, fromStep)) {
                p.destroyForcibly().waitFor();
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    private static boolean writing(Path runs, long fromStep) throws IOException {
        try (Stream<Path> s = Files.walk(runs)) {
            return s.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(".tmp-step-"))
                    .anyMatch(n -> Long.parseLong(n.substring(10, 19)) >= fromStep);
        } catch (java.io.UncheckedIOException e) {
            return false; // a file vanished while walking
        }
    }

    private static void killAfter(Process p, long millis) throws InterruptedException {
        if (!p.waitFor(millis, TimeUnit.MILLISECONDS)) {
            p.destroyForcibly().waitFor();
        }
    }

    private static void finish(Process p, Path log) throws Exception {
        boolean done = p.waitFor(FINISH_SECONDS, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly().waitFor();
        }
        assertTrue(done && p.exitValue() == 0, "exit " + (done ? p.exitValue() : "timeout") + ": " + Files.readString(log));
    }

    private static int inProcess(List<String> args) {
        StringWriter err = new StringWriter();
        int code = Magic.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args.toArray(String[]::new));
        assertEquals(0, code, err.toString());
        return code;
    }

    private static void assertSameFile(Path a, Path b, String name) throws IOException {
        assertArrayEquals(Files.readAllBytes(a.resolve(name)), Files.readAllBytes(b.resolve(name)), name);
    }

    /** A super-net run (with shrinking) killed twice and resumed ends like a straight run. */
    @ParameterizedTest
    @ValueSource(strings = {"spos", "magic-t", "magic-a", "magic-at"})
    void trainSupernetSurvivesKills(String method, @TempDir Path tmp) throws Exception {
        List<String> args = new ArrayList<>(List.of("train-supernet", "--method", method, "--shrink-every", "4", "--shrink-children", "6",
                "--shrink-delete", "3"));
        args.addAll(List.of(CommandLineTest.SMALL));
        Path straightRuns = tmp.resolve("straight");
        inProcess(concat(args, "--runs-dir", straightRuns.toString()));
        Path straight = CommandLineTest.only(straightRuns);

        Random random = new Random(method.hashCode());
        Path runs = tmp.resolve("killed");
        Files.createDirectories(runs);
        Path log = tmp.resolve("log.txt");
        // Killed inside the write of the checkpoint of step 4, 8 or 12 (chosen by the seed).
        long killStep = 4L * (1 + random.nextInt(3));
        Process first = start(log, true, concat(args, "--runs-dir", runs.toString()));
        assertTrue(killInsideCheckpointWrite(first, runs, killStep), "the run ended before writing checkpoint " + killStep + ": " + Files.readString(log));
        Path run = CommandLineTest.only(runs);
        assertTrue(writing(runs, killStep), "a killed write leaves its temporary directory");
        // Resumed, and killed again at a random moment (possibly before it resumes, possibly after it ends).
        killAfter(start(log, false, List.of("train-supernet", "--resume", run.toString())), 1500 + random.nextInt(3000));
        finish(start(log, false, List.of("train-supernet", "--resume", run.toString())), log);

        for (String f : List.of("children.json", "children.csv", "anchors.csv", "shrink.csv", "encoder/encoder.params", "encoder/encoder.json")) {
            assertSameFile(straight, run, f);
        }
        List<String> a = Files.readAllLines(straight.resolve("metrics.csv"));
        List<String> b = Files.readAllLines(run.resolve("metrics.csv"));
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(CommandLineTest.withoutTime(a.get(i)), CommandLineTest.withoutTime(b.get(i)), "metrics row " + i);
        }
        try (Stream<Path> s = Files.list(run.resolve("checkpoints"))) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".")), "leftovers of the killed writes are gone");
        }
    }

    /** finetune (SST-2 files in the GLUE layout) killed inside an epoch's checkpoint and at a random moment, resumed, ends like a straight run. */
    @Test
    void finetuneSurvivesKills(@TempDir Path tmp) throws Exception {
        Path data = GlueFixtures.glueData(tmp.resolve("glue"));
        Path encoder = GlueFixtures.encoder(tmp.resolve("encoder"));
        List<String> args = List.of("finetune", "--task", "SST-2", "--data", data.toString(), "--encoder", encoder.toString(), "--epochs", "6",
                "--patience", "6", "--lr", "1e-3", "--batch-size", "8");
        Path straightRuns = tmp.resolve("straight");
        inProcess(concat(args, "--runs-dir", straightRuns.toString()));
        Path straight = CommandLineTest.only(straightRuns);

        Random random = new Random(12);
        Path runs = tmp.resolve("killed");
        Files.createDirectories(runs);
        Path log = tmp.resolve("log.txt");
        long killEpoch = 2 + random.nextInt(3);
        Process first = start(log, true, concat(args, "--runs-dir", runs.toString()));
        assertTrue(killInsideCheckpointWrite(first, runs, killEpoch), "the run ended before writing epoch " + killEpoch + ": " + Files.readString(log));
        Path run = CommandLineTest.only(runs);
        killAfter(start(log, false, List.of("finetune", "--resume", run.toString())), 1000 + random.nextInt(3000));
        finish(start(log, false, List.of("finetune", "--resume", run.toString())), log);

        assertSameFile(straight, run, "SST-2-dev.txt");
        assertSameFile(straight, run, "predictions/SST-2.tsv");
        Path last = Path.of("SST-2-checkpoints", "step-000000006");
        for (String f : List.of("model.params", "best.bin", "optimizer.bin", "state.json", "history.csv")) {
            assertSameFile(straight, run, last.resolve(f).toString());
        }
    }

    /** Resuming a run with another command is bad input: exit 2 and one line naming the run and its command. */
    @Test
    void resumingAnotherCommandsRunIsRefused(@TempDir Path tmp) throws Exception {
        Path runs = tmp.resolve("runs");
        inProcess(concat(concat(List.of("train-supernet"), CommandLineTest.SMALL), "--steps", "2", "--eval-children", "0", "--runs-dir", runs.toString()));
        Path run = CommandLineTest.only(runs);
        for (String command : List.of("finetune", "pipeline", "glue", "interference")) {
            StringWriter err = new StringWriter();
            int code = Magic.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), command, "--resume", run.toString());
            String line = err.toString().strip();
            assertEquals(2, code, line);
            assertEquals(1, line.lines().count(), line);
            assertTrue(line.contains(run.toString()) && line.contains("train-supernet --resume"), line);
        }
    }

    private static List<String> concat(List<String> a, String... more) {
        List<String> out = new ArrayList<>(a);
        out.addAll(List.of(more));
        return out;
    }
}
