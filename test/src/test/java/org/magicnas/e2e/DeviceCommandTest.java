package org.magicnas.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.magicnas.cli.Magic;
import org.magicnas.device.Devices;
import picocli.CommandLine;

/**
 * {@code --device} and {@code --precision} on the command line: every command takes them, bad values are
 * one line and exit 2 before anything is written, a run records its device but resumes on the one given,
 * and DJL's GPU detection stays quiet unless a GPU was asked for.
 */
class DeviceCommandTest {
    private static final String[] COMMANDS = {"train-supernet", "pipeline", "search", "bench", "finetune", "glue", "distill", "image-search",
        "interference", "rank-correlation"};

    private static final String[] SMALL = {"--space", "custom", "--candidates", "MHA2:32,FFN:64", "--hidden", "32", "--layers", "2",
        "--vocab-size", "500", "--seq-len", "32", "--batch-size", "8", "--val-batches", "1", "--eval-children", "1", "--log-every", "2"};

    @TempDir
    Path tmp;

    private record Result(int code, String err) {}

    private static Result run(String... args) {
        StringWriter err = new StringWriter();
        int code = Magic.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
        return new Result(code, err.toString().strip());
    }

    @Test
    void everyCommandTakesDeviceAndPrecision() {
        for (String command : COMMANDS) {
            StringWriter out = new StringWriter();
            assertEquals(0, Magic.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), command, "--help"), command);
            assertTrue(out.toString().contains("--device=cpu|gpu|gpu:N"), command + ": " + out);
            assertTrue(out.toString().contains("--precision=fp32|bf16|fp16"), command);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"train-supernet", "finetune", "bench", "image-search", "rank-correlation", "interference"})
    void badDevicesAndPrecisionsAreOneLineAndWriteNothing(String command) throws IOException {
        Path runs = tmp.resolve("runs");
        String[][] cases = {
            {"--device", "tpu"}, {"--device", "gpu:x"}, {"--device", "gpu:99"}, {"--precision", "fp64"},
            {"--device", "cpu", "--precision", "bf16"}, {"--device", "cpu", "--precision", "fp16"}};
        String[] expected = {
            "magic: --device must be cpu, gpu or gpu:N, got 'tpu'", "magic: --device must be cpu, gpu or gpu:N, got 'gpu:x'",
            "magic: --device gpu:99: no such device; the engine (PyTorch ", "magic: --precision must be one of fp32, bf16, fp16, got 'fp64'",
            "magic: --precision bf16 needs a GPU device; on cpu only fp32 is allowed (bf16 arrays abort the JVM in DJL's CPU engine)",
            "magic: --precision fp16 needs a GPU device; on cpu only fp32 is allowed"};
        if (!command.equals("train-supernet")) {
            // Mixed precision is train-supernet's only, whatever the device.
            expected[4] = "magic: --precision bf16 is implemented for train-supernet only; " + command + " trains in fp32 (README, ";
            expected[5] = "magic: --precision fp16 is implemented for train-supernet only; " + command + " trains in fp32 (README, ";
        }
        for (int i = 0; i < cases.length; i++) {
            List<String> args = new ArrayList<>(List.of(command, "--runs-dir", runs.toString()));
            args.addAll(List.of(cases[i]));
            Result r = run(args.toArray(String[]::new));
            String context = String.join(" ", args) + "\n" + r.err();
            assertEquals(2, r.code(), context);
            assertEquals(1, r.err().lines().count(), context);
            assertTrue(r.err().startsWith(expected[i]), context);
            assertFalse(Files.exists(runs), "a run directory was written: " + context);
        }
        Result gpu99 = run(command, "--device", "gpu:99");
        assertTrue(gpu99.err().endsWith("sees " + String.join(", ", Devices.visible())), gpu99.err());
    }

    @Test
    void aGpuOnAMachineWithoutOneIsRefusedNamingTheDevicesTheEngineSees() {
        org.junit.jupiter.api.Assumptions.assumeFalse(Devices.visible().contains("gpu:0"), "this machine has a GPU the engine can use");
        for (String gpu : List.of("gpu", "gpu:0", "GPU:1")) {
            Result r = run("bench", "--runs-dir", tmp.resolve("runs").toString(), "--device", gpu);
            assertEquals(2, r.code(), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("magic: --device " + gpu + ": no such device; the engine (PyTorch "), r.err());
            assertTrue(r.err().endsWith(") sees cpu"), r.err());
        }
    }

    @Test
    void theDeviceIsLoggedButNotSavedWithTheRunsOptions() throws IOException {
        Path runs = tmp.resolve("runs");
        List<String> args = new ArrayList<>(List.of("train-supernet", "--runs-dir", runs.toString(), "--steps", "4", "--checkpoint-every", "2",
                "--stop-after", "2", "--device", "cpu"));
        args.addAll(List.of(SMALL));
        Result first = run(args.toArray(String[]::new));
        assertEquals(0, first.code(), first.err());
        Path dir;
        try (Stream<Path> s = Files.list(runs)) {
            dir = s.findFirst().orElseThrow();
        }
        assertTrue(Files.readString(dir.resolve("train.log")).contains(", device cpu"));
        String config = Files.readString(dir.resolve("config.json"), StandardCharsets.UTF_8);
        assertFalse(config.contains("device") || config.contains("precision"), config);
        // Resumed without --device: the engine's default device, whatever the run started on.
        Result resumed = run("train-supernet", "--resume", dir.toString());
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(Files.readString(dir.resolve("train.log")).contains("resumed from"));
        assertTrue(Files.isDirectory(dir.resolve("encoder")), "the resumed run finished");
    }

    /**
     * A fresh JVM as {@code bin/magic} starts it (its logging configuration): a command on the default
     * device prints only its own error, without DJL's "Failed to detect GPU count" warning, which appears
     * (where the machine has no GPU driver) only when a GPU is asked for.
     */
    @Test
    void djlsGpuDetectionIsQuietUnlessAGpuIsAskedFor() throws Exception {
        String quiet = separateJvm("bench", "--runs-dir", tmp.resolve("runs").toString(), "--precision", "bf16");
        assertEquals(1, quiet.strip().lines().count(), quiet);
        assertTrue(quiet.startsWith("magic: --precision bf16 is implemented for train-supernet only; bench trains in fp32"), quiet);
        String asked = separateJvm("bench", "--runs-dir", tmp.resolve("runs").toString(), "--device", "gpu:99");
        List<String> lines = asked.strip().lines().toList();
        assertTrue(lines.get(lines.size() - 1).startsWith("magic: --device gpu:99: no such device"), asked);
        assertFalse(Files.exists(tmp.resolve("runs")));
    }

    private static String separateJvm(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(), "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-Dai.djl.offline=true", "-Djava.util.logging.config.file=" + Path.of("../examples/src/main/resources/logging.properties").toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"), Magic.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue(), new String(out, StandardCharsets.UTF_8));
        return new String(out, StandardCharsets.UTF_8);
    }
}
