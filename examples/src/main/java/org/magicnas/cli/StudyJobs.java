package org.magicnas.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.magicnas.analysis.ResultCache;

/**
 * A rank study's jobs as cluster tasks: on an executor the study is rebuilt from its command line (once
 * per JVM, then shared by its task threads: the data are read-only, the weights are drawn under a lock
 * and gradients are collected per thread), a job runs against a cache of its own, and the cache
 * entries it wrote go back to the driver, which stores them in its cache. The study's numbers do not
 * depend on where the job ran, so a retried task returns the same entries.
 */
final class StudyJobs {
    /** Studies open in this JVM, by command line: built by a task, or shared by the driver (local mode). */
    private static final ExecutorShared<Open> OPEN = new ExecutorShared<>();
    private static final String JSON = ".json";

    private StudyJobs() {}

    /** An open study and the command that opened it. */
    private record Open(RankCorrelationCommand command, RankCorrelationCommand.Study study) {}

    /**
     * One job of a study as a task.
     *
     * @param studyArgs the study's command line, beginning with {@code rank-correlation}
     * @param index the job's index in the study's job order
     */
    record Task(List<String> studyArgs, int index) implements ClusterTask {
        private static final long serialVersionUID = 1L;

        /** Keeps a serializable copy of the command line. */
        Task {
            studyArgs = List.copyOf(studyArgs);
        }

        @Override
        public TaskOutput run(String gpu) throws Exception {
            return StudyJobs.run(studyArgs, gpu, index);
        }
    }

    /** The driver offers its open study to tasks in its own JVM (Spark's local mode), so that they do not read the data again. */
    static void share(List<String> studyArgs, RankCorrelationCommand command, RankCorrelationCommand.Study study) {
        OPEN.share(List.copyOf(studyArgs), new Open(command, study));
    }

    /** Withdraws a shared study (the driver closes it). */
    static void unshare(List<String> studyArgs) {
        OPEN.unshare(List.copyOf(studyArgs));
    }

    /**
     * Stores a job's cache entries in the driver's cache.
     *
     * @param output what the job's task sent back
     * @param cache the driver's cache
     */
    static void store(TaskOutput output, ResultCache cache) {
        for (Map.Entry<String, byte[]> e : output.files().entrySet()) {
            String name = e.getKey();
            cache.writeJson(name.substring(0, name.length() - JSON.length()), new String(e.getValue(), StandardCharsets.UTF_8));
        }
    }

    /** Runs job {@code index} against a cache of its own and returns the entries it wrote. */
    private static TaskOutput run(List<String> studyArgs, String gpu, int index) throws Exception {
        Open open = OPEN.get(studyArgs, () -> {
            RankCorrelationCommand command = ClusterTask.command(studyArgs, gpu, RankCorrelationCommand.class);
            // The driver's options (--spark and --threads-per-task included: they are part of the job keys);
            // the executor keeps the study, and its data, for its lifetime.
            return new Open(command, command.open());
        });
        try (ScratchDirectory dir = new ScratchDirectory("magic-spark-task")) {
            List<StudyJob> jobs = open.study().jobs(open.command(), new ResultCache(dir.path()), "[spark task] ");
            if (index < 0 || index >= jobs.size()) {
                throw new IllegalArgumentException("job " + index + " of a study of " + jobs.size() + " jobs");
            }
            long start = System.nanoTime();
            String summary = jobs.get(index).run().call();
            double seconds = (System.nanoTime() - start) / 1e9;
            TreeMap<String, byte[]> entries = new TreeMap<>();
            try (Stream<Path> files = Files.list(dir.path())) {
                for (Path f : files.filter(f -> f.getFileName().toString().endsWith(JSON)).toList()) {
                    entries.put(f.getFileName().toString(), Files.readAllBytes(f));
                }
            }
            return new TaskOutput(summary, entries, seconds);
        }
    }
}
