package org.magicnas.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.magicnas.data.BrownFixture;
import org.magicnas.data.image.FashionMnist;

/**
 * Bad Spark options, the same for every command that takes them: an unreachable master, a master of
 * another form, no thread for a task, task options without {@code --spark}; one line naming the value,
 * exit code 2, no run directory.
 */
class SparkBadInputTest {

    @ParameterizedTest
    @ValueSource(strings = {"rank-correlation", "pipeline", "image-search"})
    void oneLineExitCodeTwoAndNoRunDirectory(String command, @TempDir Path tmp) throws IOException {
        Path runs = tmp.resolve("bad-runs");
        List<String> args = switch (command) {
            case "rank-correlation" -> SparkStudyTest.tiny(tmp, "bad");
            case "pipeline" -> List.of("pipeline", "--corpus", BrownFixture.sample(tmp.resolve("brown"), 1).toString(), "--runs-dir", runs.toString());
            default -> {
                Assumptions.assumeTrue(Files.isDirectory(Path.of(FashionMnist.DEFAULT_DIRECTORY)), "Fashion-MNIST is not installed");
                yield List.of("image-search", "--runs-dir", runs.toString());
            }
        };
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        List<String[]> bad = new ArrayList<>(List.of(new String[] {"--spark", "local[2]", "--threads-per-task", "0"}, new String[] {"--spark", "yarn"},
                new String[] {"--spark", "spark://127.0.0.1:" + closed}, new String[] {"--threads-per-task", "2"}));
        List<String> named = new ArrayList<>(List.of("--threads-per-task", "yarn", "127.0.0.1:" + closed, "--spark"));
        if (command.equals("rank-correlation")) {
            bad.add(new String[] {"--spark", "local[2]", "--workers", "2"});
            named.add("--workers");
        }
        for (int i = 0; i < bad.size(); i++) {
            SparkStudyTest.Result r = SparkStudyTest.run(SparkStudyTest.concat(args, bad.get(i)));
            assertEquals(2, r.code(), String.join(" ", bad.get(i)) + ": " + r.err() + r.out());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().contains(named.get(i)), r.err());
        }
        assertFalse(Files.exists(runs), "no run directory for bad input");
    }
}
