package org.magicnas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The driver's loop over a cluster: a job is submitted once the jobs it waits for are stored; a job that fails stops the run. */
class ClusterRunTest {
    /** Runs every task at once, in the submitting thread, and records the order of events. */
    private static final class Recording implements TaskCluster {
        final List<String> events = new ArrayList<>();

        @Override
        public Future<TaskOutput> submit(String label, ClusterTask task) {
            events.add("submit " + label);
            try {
                return CompletableFuture.completedFuture(task.run(null));
            } catch (Exception e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        @Override
        public int failedAttempts() {
            return 0;
        }

        @Override
        public void close() {}
    }

    private static ClusterRun.Job job(Recording cluster, String label, List<Integer> after, boolean fails) {
        return new ClusterRun.Job(label, after, () -> gpu -> {
            if (fails) {
                throw new IllegalStateException("out of memory\nsecond line");
            }
            return new TaskOutput(label + " done", new TreeMap<>(), 0);
        }, out -> cluster.events.add("store " + out.summary()));
    }

    @Test
    void aJobStartsOnceWhatItWaitsForIsStored() throws Exception {
        Recording cluster = new Recording();
        ClusterRun.run(cluster, List.of(job(cluster, "row", List.of(1), false), job(cluster, "search", List.of(), false),
                job(cluster, "baseline", List.of(), false)), "rerun");
        assertEquals(List.of("submit search", "submit baseline", "store search done", "store baseline done", "submit row", "store row done"),
                cluster.events);
    }

    @Test
    void aFailedJobIsOneLineThatSaysHowToGoOn() {
        Recording cluster = new Recording();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ClusterRun.run(cluster, List.of(job(cluster, "search", List.of(), true)), "resume with: bin/magic pipeline --resume run"));
        assertEquals("job 'search' failed on Spark; resume with: bin/magic pipeline --resume run: out of memory", e.getMessage());
        assertTrue(cluster.events.stream().noneMatch(s -> s.startsWith("store")), cluster.events.toString());
    }

    @Test
    void jobsThatWaitForEachOtherAreRefused() {
        Recording cluster = new Recording();
        assertThrows(IllegalStateException.class, () -> ClusterRun.run(cluster, List.of(job(cluster, "a", List.of(1), false),
                job(cluster, "b", List.of(0), false)), "rerun"));
    }
}
