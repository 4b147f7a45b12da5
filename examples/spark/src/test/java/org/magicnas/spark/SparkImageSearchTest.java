package org.magicnas.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.magicnas.data.image.FashionMnist;

/**
 * {@code image-search --spark local[2]} at test scale on Fashion-MNIST (two methods, 12 super-net and
 * 12 stand-alone steps): the searches and the three retrainings run as Spark tasks, the fixed child's
 * beside the searches, and the run holds the files of a run without Spark, byte for byte but for the
 * wall times its JSON files record; a resumed Spark run skips the units it finished.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparkImageSearchTest {
    private static final List<String> SEARCH = List.of("image-search", "--method", "magic-at,spos", "--steps", "12", "--retrain-steps", "12",
            "--batch-size", "32", "--train-size", "640", "--valid-size", "64", "--test-size", "128", "--population", "3", "--generations", "1",
            "--bn-batches", "1");

    /** The files with a {@code minutes} field: compared with it masked. */
    private static final Predicate<String> TIMED = n -> n.endsWith(".json") && !n.endsWith("options.json") && !n.contains("checkpoints/");

    private Path tmp;
    private Path plain;

    @BeforeAll
    void runWithoutSpark(@TempDir Path dir) throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(Path.of(FashionMnist.DEFAULT_DIRECTORY)), "Fashion-MNIST is not installed (bin/install-fashion-mnist)");
        tmp = dir;
        SparkStudyTest.Result r = SparkStudyTest.run(SparkStudyTest.concat(SEARCH, "--runs-dir", dir.resolve("runs").toString()));
        assertEquals(0, r.code(), r.err() + r.out());
        plain = SparkStudyTest.only(dir.resolve("runs"));
    }

    @Test
    void searchesAndRetrainingsAsTasksWriteTheFilesOfARunWithoutSpark() throws IOException {
        // The same --runs-dir, which the options file records.
        SparkStudyTest.Result r = SparkStudyTest.run(SparkStudyTest.concat(SEARCH, "--runs-dir", tmp.resolve("runs").toString(), "--spark", "local[2]"));
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("image-search: Spark local[2], tasks of 1 thread(s)") && r.out().contains("5 of 5 back"), r.out());
        Path spark;
        try (var runs = Files.list(tmp.resolve("runs"))) {
            spark = runs.filter(p -> !p.equals(plain)).findFirst().orElseThrow();
        }
        assertSameRun(plain, spark);
    }

    @Test
    void aResumedSparkRunSkipsItsFinishedUnits() throws IOException {
        Path run = tmp.resolve("resumed").resolve("run");
        RunFiles.copy(plain, run, List.of("command.txt", "image-search-options.json", "magic-at-checkpoints", "magic-at-supernet.csv", "magic-at-search.json",
                "fixed-retrain.csv", "fixed-retrain.json"));
        List<String> kept = RunFiles.names(run);
        var before = RunFiles.times(run, kept);

        SparkStudyTest.Result r = SparkStudyTest.run(List.of("image-search", "--resume", run.toString(), "--spark", "local[2]"));
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("[spark] magic-at super-net and search: finished before") && r.out().contains("[spark] fixed stand-alone: finished before")
                && r.out().contains("3 of 3 back"), r.out());
        assertTrue(!r.out().contains("magic-at super-net step") && !r.out().contains("fixed stand-alone MB3E6"), r.out());
        assertEquals(before, RunFiles.times(run, kept), "what was there is left as it was");
        assertSameRun(plain, run);
    }

    private static void assertSameRun(Path expected, Path actual) throws IOException {
        RunFiles.assertSame(expected, actual, TIMED);
        for (String name : RunFiles.names(expected)) {
            if (TIMED.test(name)) {
                assertEquals(withoutMinutes(expected.resolve(name)), withoutMinutes(actual.resolve(name)), name);
            }
        }
    }

    private static String withoutMinutes(Path json) throws IOException {
        return Files.readString(json).replaceAll("\"minutes\": [-0-9.Ee]+", "\"minutes\": -");
    }
}
