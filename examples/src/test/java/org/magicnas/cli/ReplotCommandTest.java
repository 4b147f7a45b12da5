package org.magicnas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code replot} on small interference and rank-correlation directories, and on bad ones. */
class ReplotCommandTest {
    private static final String SWEEPS = """
            supernet,sweep,x,mean,sd,trials
            spos,m,1,0.961436,0.021297,10
            spos,m,2,0.887174,0.074068,10
            spos,layer,1,0.950000,0.040000,10
            spos,layer,2,0.920000,0.050000,10
            magic-a,m,1,0.994134,0.001341,10
            magic-a,m,2,0.990419,0.003006,10
            magic-a,layer,1,0.995209,0.000808,10
            magic-a,layer,2,0.992157,0.006968,10
            """;
    private static final String MATRIX = """
            operator,MHA6,FFN
            MHA6,1.000000,0.971507
            FFN,0.971507,1.000000
            """;
    private static final String RESULTS = """
            method,seeds,tau,tau_lower,tau_upper,tau_seed_sd
            spos,2,0.528986,0.188674,0.772397,0.061488
            magic-t,2,0.391304,0.103044,0.605364,0.102479
            magic-t:k=4,2,0.452899,0.152077,0.692044,0.025620
            """;

    private record Result(int code, String err) {}

    private static Result replot(String... args) {
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = "replot";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = Magic.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true), all);
        return new Result(code, err.toString());
    }

    private static Path interference(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("sweeps.csv"), SWEEPS);
        Files.writeString(dir.resolve("matrix-spos.csv"), MATRIX);
        Files.writeString(dir.resolve("matrix-magic-a.csv"), MATRIX);
        Files.writeString(dir.resolve("results.txt"), "mean gradient cosine on o_g in layer 3, 7 trials each (higher = less interference)\n");
        return dir;
    }

    private static Path rank(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("results.csv"), RESULTS);
        Files.writeString(dir.resolve("panel.csv"), "architecture,standalone_loss_seed1,standalone_loss_seed2\n\"A,B\",5.3,5.3\n\"B,A\",5.2,5.1\n");
        Files.writeString(dir.resolve("results.txt"),
                "2 children; ...\nnoise ceiling (8 children, two seeds): tau 0.643 [0.040, 1.000]; seed noise sd 0.0099\n");
        return dir;
    }

    private static List<String> pngs(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")).sorted().toList();
        }
    }

    private static void assertChart(Path png) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(800, img.getWidth(), png.toString());
        assertEquals(600, img.getHeight(), png.toString());
    }

    @Test
    void redrawsTheInterferenceChartsFromTheCsvFiles(@TempDir Path tmp) throws IOException {
        Path dir = interference(tmp.resolve("in"));
        Result r = replot(dir.toString(), "--out", tmp.resolve("out").toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("heatmap-magic-a.png", "heatmap-spos.png", "layer-sweep.png", "m-sweep.png"), pngs(tmp.resolve("out")));
        for (String p : pngs(tmp.resolve("out"))) {
            assertChart(tmp.resolve("out").resolve(p));
        }
        assertEquals(List.of(), pngs(dir), "--out, not the input directory");
    }

    @Test
    void redrawsTheRankChartsIntoTheDirectoryItself(@TempDir Path tmp) throws IOException {
        Path dir = rank(tmp.resolve("rank"));
        Result r = replot(dir.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("k-sweep.png", "kendall-tau.png"), pngs(dir));
        assertChart(dir.resolve("kendall-tau.png"));
    }

    @Test
    void badInputIsOneLineWithExitCode2AndWritesNothing(@TempDir Path tmp) throws IOException {
        Result missing = replot(tmp.resolve("nope").toString());
        assertEquals(Magic.BAD_INPUT, missing.code());
        assertTrue(missing.err().contains("not a directory") && missing.err().strip().lines().count() == 1, missing.err());

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Result neither = replot(empty.toString());
        assertEquals(Magic.BAD_INPUT, neither.code());
        assertTrue(neither.err().contains("sweeps.csv") && neither.err().contains("results.csv"), neither.err());

        Path dir = interference(tmp.resolve("bad"));
        Files.writeString(dir.resolve("sweeps.csv"), SWEEPS.replace("0.887174", "abc"));
        Result value = replot(dir.toString(), "--out", tmp.resolve("out1").toString());
        assertEquals(Magic.BAD_INPUT, value.code());
        assertTrue(value.err().contains("sweeps.csv:3") && value.err().contains("'abc'"), value.err());
        assertFalse(value.err().contains("\tat "), "no stack trace: " + value.err());
        assertFalse(Files.exists(tmp.resolve("out1")), "nothing written before the input is checked");

        Files.writeString(dir.resolve("sweeps.csv"), SWEEPS);
        Files.writeString(dir.resolve("matrix-spos.csv"), MATRIX.replace("FFN,0.971507", "CONV,0.971507"));
        Result label = replot(dir.toString(), "--out", tmp.resolve("out2").toString());
        assertEquals(Magic.BAD_INPUT, label.code());
        assertTrue(label.err().contains("matrix-spos.csv:3"), label.err());
        assertFalse(Files.exists(tmp.resolve("out2")));

        Path r = rank(tmp.resolve("rank"));
        Files.writeString(r.resolve("results.csv"), RESULTS.replace("0.391304", "0.9"));
        Result outside = replot(r.toString());
        assertEquals(Magic.BAD_INPUT, outside.code());
        assertTrue(outside.err().contains("results.csv:3") && outside.err().contains("0.9"), outside.err());
        assertEquals(List.of(), pngs(r));
    }

    @Test
    void theCommittedResultsRedrawToTheCommittedSetOfCharts(@TempDir Path tmp) throws IOException {
        Path docs = Path.of("../docs/results");
        String[][] cases = {{"interference"}, {"rank-correlation-cpu-120"}, {"rank-correlation-image"}, {"rank-correlation"},
            {"rank-correlation", "--results", "p-sweep-results.csv"}};
        java.util.Set<String> drawn = new java.util.TreeSet<>();
        for (int i = 0; i < cases.length; i++) {
            Path out = tmp.resolve("out" + i);
            List<String> args = new java.util.ArrayList<>(List.of(docs.resolve(cases[i][0]).toString(), "--out", out.toString()));
            args.addAll(List.of(cases[i]).subList(1, cases[i].length));
            Result r = replot(args.toArray(String[]::new));
            assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
            for (String png : pngs(out)) {
                assertChart(out.resolve(png));
                drawn.add(cases[i][0] + "/" + png);
            }
        }
        java.util.Set<String> committed = new java.util.TreeSet<>();
        try (Stream<Path> s = Files.walk(docs)) {
            s.filter(p -> p.toString().endsWith(".png")).forEach(p -> committed.add(docs.relativize(p).toString().replace('\\', '/')));
        }
        assertEquals(committed, drawn);
    }
}
