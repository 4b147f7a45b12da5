package org.magicnas.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.magicnas.data.BrownFixture;

/**
 * {@code pipeline --seeds 42,7 --spark local[2]} at its smallest (the E=64 space, 20 steps per training,
 * 2 validation batches, 64 genre passages, four Brown documents per genre): both seeds' searches and
 * rows run as Spark tasks and the run directory holds the files of a run without Spark, byte for byte;
 * a resumed Spark run skips the units it finished and ends with the same files.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparkPipelineTest {
    /** What records wall times: super-net step times and rates, and the Tribuo models' creation times. */
    static final Predicate<String> TIMED = n -> n.endsWith("train.log") || n.endsWith("metrics.csv") || n.endsWith(".model");

    private Path tmp;
    private List<String> pipeline;
    private Path plain;

    @BeforeAll
    void runWithoutSpark(@TempDir Path dir) throws IOException {
        tmp = dir;
        pipeline = List.of("pipeline", "--space", "tiny-compress", "--budget", "0.01", "--genre-passages", "64", "--val-batches", "2", "--seeds", "42,7", "--corpus",
                BrownFixture.sample(dir.resolve("brown"), 4).toString());
        SparkStudyTest.Result r = SparkStudyTest.run(SparkStudyTest.concat(pipeline, "--runs-dir", dir.resolve("plain").toString()));
        assertEquals(0, r.code(), r.err() + r.out());
        plain = SparkStudyTest.only(dir.resolve("plain"));
    }

    @Test
    void searchesAndRowsAsTasksWriteTheFilesOfARunWithoutSpark() throws IOException {
        SparkStudyTest.Result r = SparkStudyTest.run(SparkStudyTest.concat(pipeline, "--runs-dir", tmp.resolve("spark").toString(), "--spark", "local[2]"));
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("pipeline: Spark local[2], tasks of 1 thread(s)") && r.out().contains("10 of 10 back"), r.out());
        RunFiles.assertSame(plain, SparkStudyTest.only(tmp.resolve("spark")), TIMED);
    }

    @Test
    void aResumedSparkRunSkipsItsFinishedUnits() throws IOException {
        Path run = tmp.resolve("resumed").resolve("run");
        // Finished: seed 42's MAGIC-AT search and baseline row, and its SPOS row pre-trained but not fine-tuned; seed 7's SPOS search.
        List<String> finished = List.of("command.txt", "pipeline.json", "seed-42/magic-at-supernet", "seed-42/baseline-encoder",
                "seed-42/baseline-checkpoints", "seed-42/baseline-mlm.json", "seed-42/baseline-brown-genre.model", "seed-42/baseline-genre.json",
                "seed-42/spos-encoder", "seed-42/spos-checkpoints", "seed-42/spos-mlm.json", "seed-7/spos-supernet");
        RunFiles.copy(plain, run, finished);
        List<String> kept = RunFiles.names(run);
        var before = RunFiles.times(run, kept);

        SparkStudyTest.Result r = SparkStudyTest.run(List.of("pipeline", "--resume", run.toString(), "--spark", "local[2]"));
        assertEquals(0, r.code(), r.err() + r.out());
        for (String unit : List.of("seed 42: magic-at super-net", "seed 42: baseline row", "seed 7: spos super-net")) {
            assertTrue(r.out().contains("[spark] " + unit + ": finished before"), unit + ": " + r.out());
        }
        assertTrue(r.out().contains("== spos: pre-trained already") && r.out().contains("7 of 7 back"), r.out());
        assertEquals(1, r.out().lines().filter(l -> l.equals("== magic-at super-net with progressive shrinking")).count(), r.out());
        assertEquals(1, r.out().lines().filter(l -> l.equals("== spos super-net with progressive shrinking")).count(), r.out());
        assertEquals(1, r.out().lines().filter(l -> l.startsWith("== baseline: pre-training")).count(), "seed 7's baseline only: " + r.out());
        assertEquals(1, r.out().lines().filter(l -> l.startsWith("== spos: pre-training")).count(), "seed 7's spos row only: " + r.out());
        assertEquals(before, RunFiles.times(run, kept), "what was there is left as it was");
        RunFiles.assertSame(plain, run, TIMED);
    }
}
