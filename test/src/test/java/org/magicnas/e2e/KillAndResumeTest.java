package org.magicnas.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
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

    /**
     * Kills the process as soon as a checkpoint numbered at least {@code fromStep} is being written under
     * {@code runs}, in a checkpoint directory whose name starts with {@code store}.
     */
    private static boolean killInsideCheckpointWrite(Process p, Path runs, long fromStep, String store) throws Exception {
        while (p.isAlive()) {
            if (writing(runs, fromStep, store)) {
                p.destroyForcibly().waitFor();
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    private static boolean writing(Path runs, long fromStep, String store) throws IOException {
        try (Stream<Path> s = Files.walk(runs)) {
            return s.filter(f -> f.getFileName().toString().startsWith(".tmp-step-") && f.getParent().getFileName().toString().startsWith(store))
                    .map(f -> f.getFileName().toString()).anyMatch(n -> Long.parseLong(n.substring(10, 19)) >= fromStep);
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

    /** The run directories of a straight run and of a killed and resumed one of the same command line. */
    private record Runs(Path straight, Path killed) {}

    /**
     * Runs a command line straight (in this JVM) and in separate JVMs: the first is killed inside the write
     * of a checkpoint numbered at least {@code killStep} in a checkpoint directory whose name starts with
     * {@code store}, the resume after it at {@code killAfterMs} (possibly before it resumes, possibly
     * after it ends), and a last resume runs to the end.
     */
    private static Runs straightAndKilled(Path tmp, List<String> args, String store, long killStep, long killAfterMs) throws Exception {
        Path straightRuns = tmp.resolve("straight");
        inProcess(concat(args, "--runs-dir", straightRuns.toString()));
        Path runs = tmp.resolve("killed");
        Files.createDirectories(runs);
        Path log = tmp.resolve("log.txt");
        Process first = start(log, true, concat(args, "--runs-dir", runs.toString()));
        assertTrue(killInsideCheckpointWrite(first, runs, killStep, store), "the run ended before writing checkpoint " + killStep + " of '" + store + "': "
                + Files.readString(log));
        assertTrue(writing(runs, killStep, store), "a killed write leaves its temporary directory");
        Path run = CommandLineTest.only(runs);
        List<String> resume = List.of(args.get(0), "--resume", run.toString());
        killAfter(start(log, false, resume), killAfterMs);
        finish(start(log, false, resume), log);
        return new Runs(CommandLineTest.only(straightRuns), run);
    }

    /** A super-net run (with shrinking) killed twice and resumed ends like a straight run. */
    @ParameterizedTest
    @ValueSource(strings = {"spos", "magic-t", "magic-a", "magic-at"})
    void trainSupernetSurvivesKills(String method, @TempDir Path tmp) throws Exception {
        List<String> args = new ArrayList<>(List.of("train-supernet", "--method", method, "--shrink-every", "4", "--shrink-children", "6",
                "--shrink-delete", "3"));
        args.addAll(List.of(CommandLineTest.SMALL));
        Random random = new Random(method.hashCode());
        // Killed inside the write of the checkpoint of step 4, 8 or 12 (chosen by the seed).
        long killStep = 4L * (1 + random.nextInt(3));
        Runs r = straightAndKilled(tmp, args, "", killStep, 1500 + random.nextInt(3000));
        Path straight = r.straight();
        Path run = r.killed();

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
        Random random = new Random(12);
        long killEpoch = 2 + random.nextInt(3);
        Runs r = straightAndKilled(tmp, args, "", killEpoch, 1000 + random.nextInt(3000));
        Path straight = r.straight();
        Path run = r.killed();

        assertSameFile(straight, run, "SST-2-dev.txt");
        assertSameFile(straight, run, "predictions/SST-2.tsv");
        Path last = Path.of("SST-2-checkpoints", "step-000000006");
        for (String f : List.of("model.params", "best.bin", "optimizer.bin", "state.json", "history.csv")) {
            assertSameFile(straight, run, last.resolve(f).toString());
        }
    }

    /**
     * distill with {@code --without-kd}, killed inside a checkpoint write of one of its two trainings (chosen by the seed) and at a
     * random moment, resumed, ends with the files of a straight run.
     */
    @Test
    void distillSurvivesKills(@TempDir Path tmp) throws Exception {
        // A small corpus, so that each JVM prepares its data in a moment.
        String corpus = SmallCorpus.write(tmp.resolve("corpus.txt"), 200).toString();
        Path teacherRuns = tmp.resolve("teacher");
        inProcess(concat(concat(List.of("train-supernet"), CommandLineTest.SMALL), "--steps", "2", "--eval-children", "0", "--corpus", corpus,
                "--runs-dir", teacherRuns.toString()));
        Path teacher = CommandLineTest.only(teacherRuns);
        List<String> args = List.of("distill", "--teacher", teacher.toString(), "--corpus", corpus, "--student", "MHA2,FFN,CONV3,FFN", "--seq-len", "32",
                "--batch-size", "8", "--steps", "20", "--val-batches", "2", "--without-kd");
        Random random = new Random(20);
        // 20 steps: a checkpoint every 2 in each training; killed inside the write of step 6 to 14 of the KD or the plain training.
        long killStep = 6 + 2L * random.nextInt(5);
        String store = random.nextBoolean() ? "kd-checkpoints" : "without-kd-checkpoints";
        Runs r = straightAndKilled(tmp, args, store, killStep, 1000 + random.nextInt(4000));
        Path straight = r.straight();
        Path run = r.killed();

        for (String f : List.of("results.txt", "distill.json", "metrics.csv", "encoder/encoder.params", "encoder/encoder.json", "encoder/tokenizer.json",
                "without-kd-checkpoints/step-000000020/weights.params", "kd-checkpoints/step-000000020/optimizer.bin")) {
            assertSameFile(straight, run, f);
        }
    }

    /**
     * The whole pipeline at its smallest (the E=64 space, 20 steps per training, 2 validation batches, a sample of genre passages, four documents per genre) killed inside a
     * checkpoint write of one of its trainings (chosen by the seed) and at a random moment, resumed, ends with the table of a straight run.
     */
    @Test
    void pipelineSurvivesKills(@TempDir Path tmp) throws Exception {
        Path brown = BrownFixture.sample(tmp.resolve("brown"), 4);
        List<String> args = List.of("pipeline", "--space", "tiny-compress", "--budget", "0.01", "--genre-passages", "64", "--val-batches", "2", "--corpus",
                brown.toString());
        Random random = new Random(15);
        // 20 steps per training, a checkpoint every 2: killed inside the write of step 4 to 16 of a super-net or a stand-alone pre-training.
        long killStep = 4 + 2L * random.nextInt(7);
        String store = List.of("checkpoints", "spos-checkpoints", "baseline-checkpoints").get(random.nextInt(3));
        Runs r = straightAndKilled(tmp, args, store, killStep, 2000 + random.nextInt(8000));
        Path straight = r.straight();
        Path run = r.killed();

        assertSameFile(straight, run, "results.txt");
        assertSameFile(straight, run, "results.csv");
        for (String row : List.of("magic-at", "spos", "baseline")) {
            assertSameFile(straight, run, row + "-mlm.json");
            assertSameFile(straight, run, row + "-genre.json");
            assertSameFile(straight, run, row + "-encoder/encoder.params");
        }
    }

    /**
     * The rank study, its driver and worker JVMs killed together inside a write of its result cache and at a random moment, never leaves a
     * partial result in the cache; rerun, it finishes with the report of an uninterrupted study.
     */
    @Test
    void rankStudySurvivesKills(@TempDir Path tmp) throws Exception {
        String corpus = SmallCorpus.write(tmp.resolve("corpus.txt"), 200).toString();
        List<String> study = List.of("rank-correlation", "--preset", "quick", "--corpus", corpus, "--children", "5", "--noise-children", "2",
                "--child-steps", "6", "--supernet-steps", "8", "--methods", "spos,magic-t", "--bootstrap", "200", "--top-k", "2", "--workers", "2");
        Path straightRuns = tmp.resolve("straight");
        inProcess(concat(study, "--cache", tmp.resolve("straight-cache").toString(), "--runs-dir", straightRuns.toString()));
        Path straight = CommandLineTest.only(straightRuns);

        Path cache = tmp.resolve("cache");
        Path runs = tmp.resolve("killed");
        List<String> args = concat(study, "--cache", cache.toString(), "--runs-dir", runs.toString());
        Path log = tmp.resolve("log.txt");
        Random random = new Random(81);
        // Killed (driver and workers) once a result is being written, after 1 to 4 results are in place.
        int before = 1 + random.nextInt(4);
        Process first = start(log, true, args);
        boolean inWrite = false;
        while (first.isAlive() && !inWrite) {
            inWrite = cacheFiles(cache, ".json").size() >= before && !cacheFiles(cache, ".tmp").isEmpty();
            Thread.sleep(5);
        }
        killFamily(first);
        assertTrue(inWrite, "the study ended before a result was written: " + Files.readString(log));
        assertCompleteResults(cache);
        int kept = cacheFiles(cache, ".json").size();
        // Rerun, killed again at a random moment.
        Process second = start(log, false, args);
        if (!second.waitFor(3000 + random.nextInt(8000), TimeUnit.MILLISECONDS)) {
            killFamily(second);
        }
        assertCompleteResults(cache);
        finish(start(log, false, args), log);
        assertCompleteResults(cache);
        assertTrue(cacheFiles(cache, ".tmp").isEmpty(), "the killed writers' unfinished results are removed");
        int reused = java.util.regex.Pattern.compile("\\((\\d+) cached\\)").matcher(Files.readString(log)).results()
                .mapToInt(m -> Integer.parseInt(m.group(1))).max().orElse(0);
        assertTrue(kept > 0 && reused >= kept, "the reruns kept the " + kept + " results of the killed study (" + reused + " cached)");
        Path last;
        try (Stream<Path> s = Files.list(runs)) {
            last = s.max(Path::compareTo).orElseThrow();
        }
        for (String f : List.of("results.csv", "panel.csv", "estimates.csv", "results.txt")) {
            assertSameFile(straight, last, f);
        }
    }

    /** Kills a process and every process it started (the study's workers), and waits until all are gone. */
    private static void killFamily(Process p) throws Exception {
        List<ProcessHandle> family = new ArrayList<>(p.descendants().toList());
        p.destroyForcibly();
        family.forEach(ProcessHandle::destroyForcibly);
        p.waitFor();
        for (ProcessHandle h : family) {
            h.onExit().get(30, TimeUnit.SECONDS);
        }
    }

    private static List<Path> cacheFiles(Path cache, String suffix) throws IOException {
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(cache)) {
            return s.filter(f -> f.getFileName().toString().endsWith(suffix)).toList();
        }
    }

    /** Every result in the cache parses and is complete: a panel member with its loss, or a super-net's estimate with a loss per child. */
    private static void assertCompleteResults(Path cache) throws IOException {
        for (Path f : cacheFiles(cache, ".json")) {
            JsonObject o = JsonParser.parseString(Files.readString(f)).getAsJsonObject();
            if (o.has("architecture")) {
                for (String key : List.of("replicate", "loss", "accuracy", "seconds")) {
                    assertTrue(o.has(key) && o.get(key).isJsonPrimitive(), f + " lacks " + key + ": " + o);
                }
            } else {
                assertTrue(o.has("training") && o.has("seconds") && o.has("children") && o.has("losses"), f + ": " + o);
                assertEquals(o.getAsJsonArray("children").size(), o.getAsJsonArray("losses").size(), f.toString());
                assertTrue(o.getAsJsonArray("children").size() > 0, f.toString());
            }
        }
    }

    /** Resuming a run with another command is bad input: exit 2 and one line naming the run and its command. */
    @Test
    void resumingAnotherCommandsRunIsRefused(@TempDir Path tmp) throws Exception {
        Path runs = tmp.resolve("runs");
        inProcess(concat(concat(List.of("train-supernet"), CommandLineTest.SMALL), "--steps", "2", "--eval-children", "0", "--runs-dir", runs.toString()));
        Path run = CommandLineTest.only(runs);
        for (String command : List.of("finetune", "pipeline", "glue", "interference", "distill", "image-search")) {
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
