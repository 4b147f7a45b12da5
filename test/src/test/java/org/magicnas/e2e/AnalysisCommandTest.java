package org.magicnas.e2e;

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
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.magicnas.cli.Magic;
import org.magicnas.data.BrownFixture;

/** The analysis commands end to end on the Brown corpus at test scale: outputs, caching and bad input. */
@Tag("slow")
class AnalysisCommandTest {
    /** The commands read the real Brown corpus: fetched once here, or every test fails at once saying why. */
    @BeforeAll
    static void brownCorpus() {
        BrownFixture.directory();
    }

    private record Result(int code, String out, String err) {}

    /** Runs a command; the commands print progress and tables on System.out, which is captured. */
    private static Result run(String... args) {
        StringWriter err = new StringWriter();
        java.io.ByteArrayOutputStream console = new java.io.ByteArrayOutputStream();
        java.io.PrintStream saved = System.out;
        System.setOut(new java.io.PrintStream(console, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            int code = Magic.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
            return new Result(code, console.toString(java.nio.charset.StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(saved);
        }
    }

    @Test
    void interferenceTrainsProbesAndPlots(@TempDir Path tmp) throws IOException {
        Path runs = tmp.resolve("runs");
        String[] base = {"interference", "--runs-dir", runs.toString(), "--space", "tiny", "--steps", "12", "--vocab-size", "500", "--batch-size", "8",
            "--repeats", "2", "--max-m", "2"};
        Result tooDeep = run(concat(base, "--layer", "3"));
        assertEquals(2, tooDeep.code(), tooDeep.err());
        assertTrue(tooDeep.err().contains("--layer 3"), tooDeep.err());
        Result notARun = run("interference", "--runs-dir", runs.toString(), "--run", tmp.toString());
        assertEquals(2, notARun.code(), notARun.err());
        assertTrue(!Files.exists(runs), "no run directory for bad input");

        Result ok = run(base);
        assertEquals(0, ok.code(), ok.err());
        Path run = only(runs);
        for (String f : List.of("heatmap-spos.png", "heatmap-magic-a.png", "m-sweep.png", "layer-sweep.png")) {
            assertTrue(ImageIO.read(run.resolve(f).toFile()).getWidth() > 100, f);
        }
        JsonObject json = JsonParser.parseString(Files.readString(run.resolve("interference.json"))).getAsJsonObject();
        assertEquals(List.of("spos", "magic-a"), new ArrayList<>(json.keySet()));
        var matrix = json.getAsJsonObject("spos").getAsJsonArray("matrix");
        assertEquals(4, matrix.size());
        for (int i = 0; i < 4; i++) {
            assertEquals(1.0, matrix.get(i).getAsJsonArray().get(i).getAsDouble(), 1e-12);
            for (int k = 0; k < 4; k++) {
                assertEquals(matrix.get(i).getAsJsonArray().get(k).getAsDouble(), matrix.get(k).getAsJsonArray().get(i).getAsDouble(), 1e-12);
            }
        }
        // Two sweeps per super-net: m = 1, 2 and the layers j = 1..3.
        assertEquals(1 + 2 * (2 + 3), Files.readAllLines(run.resolve("sweeps.csv")).size());
        assertEquals(1 + 2 * (2 + 3), CsvReadBack.table(run.resolve("sweeps.csv"), List.of("supernet", "sweep", "x", "mean", "sd", "trials")).size());
        assertTrue(Files.readString(run.resolve("results.txt")).contains("same kind"));

        // As if killed in the last step of the magic-a super-net: --resume trains it from step 11 and probes to the same results.
        String probes = Files.readString(run.resolve("interference.json"));
        String sweeps = Files.readString(run.resolve("sweeps.csv"));
        Path magicA = run.resolve("magic-a-supernet");
        Files.delete(magicA.resolve("children.json"));
        try (Stream<Path> s = Files.walk(magicA.resolve("checkpoints").resolve("step-000000012"))) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        Result resumed = run("interference", "--resume", run.toString());
        assertEquals(0, resumed.code(), resumed.err());
        assertEquals(probes, Files.readString(run.resolve("interference.json")));
        assertEquals(sweeps, Files.readString(run.resolve("sweeps.csv")));
        assertTrue(Files.isDirectory(magicA.resolve("checkpoints").resolve("step-000000012")), "magic-a trained its last step again");
    }

    @Test
    void rankCorrelationIsCachedResumableAndReportsNoise(@TempDir Path tmp) throws IOException {
        Path runs = tmp.resolve("runs");
        String[] base = {"rank-correlation", "--preset", "quick", "--cache", tmp.resolve("cache").toString(), "--runs-dir", runs.toString(),
            "--children", "5", "--noise-children", "3", "--child-steps", "6", "--supernet-steps", "8", "--methods", "spos,magic-t,magic-t:k=2",
            "--bootstrap", "200", "--top-k", "2", "--workers", "2"};
        String[][] bad = {{"--methods", "magic-x"}, {"--top-k", "9"}, {"--preset", "huge"}, {"--methods", "magic-t:k=9"}, {"--workers", "0"},
            {"--threads-per-worker", "0"}, {"--sweeps", "magic-a:q=3"}};
        String[] named = {"magic-x", "top-k", "huge", "9", "--workers", "--threads-per-worker", "magic-a:q=3"};
        for (int i = 0; i < bad.length; i++) {
            Result r = run(concat(base, bad[i]));
            assertEquals(2, r.code(), String.join(" ", bad[i]) + ": " + r.err());
            assertTrue(r.err().contains(named[i]), r.err());
        }
        assertTrue(!Files.exists(runs), "no run directory for bad input");

        Result first = run(base);
        assertEquals(0, first.code(), first.err());
        Path runA = only(runs);
        Result second = run(base);
        assertEquals(0, second.code(), second.err());
        assertTrue(!second.out().contains("running") && second.out().contains("(11 cached)"), "the rerun trains nothing: " + second.out());
        // Two worker processes (the default on 2 cores) and one give the same stand-alone losses and the same
        // rank statistics. (The super-net losses themselves are compared by the rerun above: once in about 15
        // such runs one super-net's losses came out shifted by about 0.045 for every child, ranks unchanged;
        // the cause is not found, see the README.)
        assertTrue(first.out().contains("[worker 2] job"), first.out());
        Path single = tmp.resolve("single");
        Result oneProcess = run(concat(base, "--workers", "1", "--cache", tmp.resolve("cache1").toString(), "--runs-dir", single.toString()));
        assertEquals(0, oneProcess.code(), oneProcess.err());
        for (String f : List.of("results.csv", "panel.csv", "claims.csv")) {
            assertEquals(Files.readString(runA.resolve(f)), Files.readString(only(single).resolve(f)), f);
        }
        Path runB;
        try (Stream<Path> s = Files.list(runs)) {
            runB = s.filter(p -> !p.equals(runA)).findFirst().orElseThrow();
        }
        for (String f : List.of("results.csv", "panel.csv", "estimates.csv", "results.txt", "claims.csv")) {
            assertEquals(Files.readString(runA.resolve(f)), Files.readString(runB.resolve(f)), f);
        }
        assertTrue(ImageIO.read(runA.resolve("kendall-tau.png").toFile()) != null);
        assertTrue(ImageIO.read(runA.resolve("k-sweep.png").toFile()) != null);
        List<String> results = Files.readAllLines(runA.resolve("results.csv"));
        assertEquals(4, results.size(), String.join("\n", results));
        assertTrue(results.get(1).startsWith("spos,1,"));
        String text = Files.readString(runA.resolve("results.txt"));
        assertTrue(text.contains("noise ceiling (3 children"), text);
        assertTrue(text.contains("discriminate"), text);
        assertEquals(6, Files.readAllLines(runA.resolve("panel.csv")).size());
        assertTrue(text.contains("smallest tau difference this study resolves"), text);
        List<String> claims = Files.readAllLines(runA.resolve("claims.csv"));
        assertEquals(3, claims.size(), String.join("\n", claims));
        assertTrue(claims.get(1).startsWith("Table 1,\"MAGIC-T ranks better than SPOS\",magic-t,spos,"), claims.get(1));
        assertTrue(claims.get(2).contains(",magic-t,magic-t:k=2,"), claims.get(2));
        List<String[]> claimRows = CsvReadBack.table(runA.resolve("claims.csv"),
                List.of("source", "claim", "better", "worse", "difference", "lower", "upper", "half_width", "verdict", "children_to_resolve"));
        assertEquals("MAGIC-T ranks better than SPOS", claimRows.get(1)[1]);
        List<String[]> panel = CsvReadBack.table(runA.resolve("panel.csv"),
                List.of("architecture", "standalone_loss_seed1", "standalone_loss_seed2", "ground_truth_loss"));
        assertTrue(panel.get(1)[0].contains(","), "the architecture, with its commas, is one field: " + panel.get(1)[0]);
        CsvReadBack.table(runA.resolve("estimates.csv"), List.of("method", "seed_index", "architecture", "supernet_loss"));
    }

    private static String[] concat(String[] a, String... b) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all.toArray(String[]::new);
    }

    private static Path only(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> all = s.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }
}
