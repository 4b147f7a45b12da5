package org.magicnas.cli;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.magicnas.analysis.ResultCache;
import picocli.CommandLine;

/**
 * Runs one job of a rank study on a cluster's executor: the study is rebuilt from its command line
 * (once per JVM, then shared by its task threads: the data are read-only, the weights are drawn under
 * a lock and gradients are collected per thread), the job runs against a cache of its own, and the
 * cache entries it wrote are returned for the driver to store. The study's numbers do not depend on
 * where the job ran, so a retried task returns the same entries.
 */
public final class StudyJobs {
    /** Studies open in this JVM, by command line: built by a task, or shared by the driver (local mode). */
    private static final Map<List<String>, Open> OPEN = new ConcurrentHashMap<>();

    private StudyJobs() {}

    /** An open study and the command that opened it. */
    private record Open(RankCorrelationCommand command, RankCorrelationCommand.Study study) {}

    /**
     * A finished job.
     *
     * @param index the job's index in the study
     * @param summary its progress summary (loss, time)
     * @param entries the cache entries it wrote: key to JSON
     * @param seconds wall time of the job in the task
     */
    public record Result(int index, String summary, TreeMap<String, String> entries, double seconds) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** The driver offers its open study to tasks in its own JVM (Spark's local mode), so that they do not read the data again. */
    static void share(List<String> studyArgs, RankCorrelationCommand command, RankCorrelationCommand.Study study) {
        OPEN.put(List.copyOf(studyArgs), new Open(command, study));
    }

    /** Withdraws a shared study (the driver closes it). */
    static void unshare(List<String> studyArgs) {
        OPEN.remove(List.copyOf(studyArgs));
    }

    /**
     * Runs job {@code index} of the study that {@code studyArgs} describe, against a cache of its own.
     *
     * @param studyArgs the study's command line, beginning with {@code rank-correlation}
     * @param index the job's index in the study's job order
     * @return its cache entries
     * @throws Exception if the job fails
     */
    public static Result run(List<String> studyArgs, int index) throws Exception {
        Open open = open(List.copyOf(studyArgs));
        Path dir = Files.createTempDirectory("magic-spark-task");
        try {
            List<StudyJob> jobs = open.study().jobs(open.command(), new ResultCache(dir), "[spark task] ");
            if (index < 0 || index >= jobs.size()) {
                throw new IllegalArgumentException("job " + index + " of a study of " + jobs.size() + " jobs");
            }
            long start = System.nanoTime();
            String summary = jobs.get(index).run().call();
            double seconds = (System.nanoTime() - start) / 1e9;
            TreeMap<String, String> entries = new TreeMap<>();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
                    String name = f.getFileName().toString();
                    entries.put(name.substring(0, name.length() - ".json".length()), Files.readString(f, StandardCharsets.UTF_8));
                }
            }
            return new Result(index, summary, entries, seconds);
        } finally {
            delete(dir);
        }
    }

    /** The study, built once per JVM (by one task while the others wait: reading the data is the slow part). */
    private static synchronized Open open(List<String> studyArgs) throws Exception {
        Open shared = OPEN.get(studyArgs);
        if (shared != null) {
            return shared;
        }
        CommandLine.ParseResult parsed = Magic.commandLine().parseArgs(studyArgs.toArray(String[]::new));
        if (!parsed.hasSubcommand() || !(parsed.subcommand().commandSpec().userObject() instanceof RankCorrelationCommand command)) {
            throw new IllegalArgumentException("not a rank-correlation command line: " + studyArgs);
        }
        // --device (and --precision) as the driver's command line gives them; the device is this JVM's.
        Magic.applyDevice(parsed.subcommand());
        // The driver's options (--spark and --threads-per-task included: they are part of the job keys);
        // the executor keeps the study, and its data, for its lifetime.
        Open built = new Open(command, command.open());
        OPEN.put(studyArgs, built);
        return built;
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the task's cache " + dir, e);
        }
    }
}
