package org.magicnas.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.magicnas.cli.Magic;
import org.magicnas.data.BrownFixture;
import picocli.CommandLine;

/** The command line end to end: bad input, and a run stopped and resumed. */
class CommandLineTest {
    /** A small custom space so that steps take milliseconds; the data is the real Brown corpus. */
    static final String[] SMALL = {"--space", "custom", "--candidates", "MHA2:32,FFN:64,CONV3", "--hidden", "32", "--layers", "4",
        "--vocab-size", "500", "--seq-len", "32", "--batch-size", "8", "--steps", "16", "--val-batches", "2", "--eval-children", "3",
        "--anchor-eval-every", "5", "--checkpoint-every", "4", "--log-every", "4"};

    private record Result(int code, String out, String err) {}

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Magic.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    private static String[] args(Path runs, String... extra) {
        List<String> a = new ArrayList<>(List.of("train-supernet", "--runs-dir", runs.toString()));
        a.addAll(List.of(SMALL));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    @Test
    void everyHelpTextRendersWithoutFormatWarnings() {
        PrintStream stderr = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
        try {
            for (String command : new CommandLine(Magic.class).getSubcommands().keySet()) {
                Result r = run(command, "--help");
                assertEquals(0, r.code(), command + ": " + r.err());
                assertTrue(r.out().contains("Usage: magic " + command), command + ": " + r.out());
                assertTrue(!r.out().contains("%n") && !r.out().contains("%%"), command + " help has an unformatted '%': " + r.out());
            }
        } finally {
            System.setErr(stderr);
        }
        String log = warnings.toString(StandardCharsets.UTF_8);
        assertTrue(!log.contains("picocli WARN"), log);
    }

    @Test
    void pipelineRejectsBadInputBeforeTraining(@TempDir Path tmp) throws IOException {
        Path runs = tmp.resolve("runs");
        Path text = Files.writeString(tmp.resolve("corpus.txt"), "one document.\nanother document.\n");
        String[][] cases = {{"--budget", "0"}, {"--max-params", "1000"}, {"--corpus", text.toString()}, {"--space", "huge"}, {"--seeds", "3"},
            {"--seeds", "1,1"}};
        String[] named = {"budget", "smallest", "corpus.txt", "huge", "--seeds", "[1, 1]"};
        for (int i = 0; i < cases.length; i++) {
            List<String> a = new ArrayList<>(List.of("pipeline", "--runs-dir", runs.toString()));
            a.addAll(List.of(cases[i]));
            Result r = run(a.toArray(String[]::new));
            assertEquals(2, r.code(), String.join(" ", cases[i]) + ": " + r.err());
            assertTrue(r.err().contains(named[i]), r.err());
            assertTrue(!Files.exists(runs) || isEmpty(runs), "a run directory was written for " + String.join(" ", cases[i]));
        }
    }

    /** Stopping after 8 steps and resuming gives exactly the run of 16 steps in one go. */
    @Tag("slow")
    @Test
    void stoppedAndResumedRunEqualsAStraightRun(@TempDir Path tmp) throws IOException {
        BrownFixture.directory(); // train-supernet reads the real Brown corpus
        String[] shrink = {"--shrink-every", "4", "--shrink-children", "6", "--shrink-delete", "3"};
        Path straight = tmp.resolve("straight");
        Result a = run(args(straight, shrink));
        assertEquals(0, a.code(), a.err());
        Path runA = only(straight);

        Path split = tmp.resolve("split");
        List<String> stop = new ArrayList<>(List.of(shrink));
        stop.addAll(List.of("--stop-after", "8"));
        Result b = run(args(split, stop.toArray(String[]::new)));
        assertEquals(0, b.code(), b.err());
        Path runB = only(split);
        assertTrue(!Files.exists(runB.resolve("children.json")), "an unfinished run has no final evaluation");
        Result c = run("train-supernet", "--resume", runB.toString());
        assertEquals(0, c.code(), c.err());

        assertEquals(Files.readString(runA.resolve("children.json")), Files.readString(runB.resolve("children.json")));
        assertEquals(Files.readString(runA.resolve("anchors.csv")), Files.readString(runB.resolve("anchors.csv")));
        // Shrinking: 4 layers x 2 removals in rounds of 3 after steps 4, 8 and 12 leave one child, the one the run reports.
        List<String> shrinkRows = Files.readAllLines(runA.resolve("shrink.csv"));
        assertEquals(9, shrinkRows.size(), String.join("\n", shrinkRows));
        assertEquals(shrinkRows, Files.readAllLines(runB.resolve("shrink.csv")));
        String children = Files.readString(runA.resolve("children.csv"));
        assertTrue(children.lines().skip(1).findFirst().orElseThrow().startsWith("searched,"), children);
        List<String[]> childRows = CsvReadBack.table(runA.resolve("children.csv"),
                List.of("role", "architecture", "parameters", "forward_flops", "val_loss", "val_accuracy"));
        assertEquals("searched", childRows.get(1)[0]);
        assertEquals(4, childRows.get(1)[1].split(",").length, "the quoted architecture reads back as one field of 4 layers");
        assertEquals(shrinkRows.size(), CsvReadBack.table(runA.resolve("shrink.csv"),
                List.of("step", "round", "layer", "candidate", "score", "children")).size());
        assertEquals(17, CsvReadBack.table(runB.resolve("metrics.csv"), List.of(Files.readAllLines(runB.resolve("metrics.csv")).get(0).split(","))).size());
        List<String> ma = Files.readAllLines(runA.resolve("metrics.csv"));
        List<String> mb = Files.readAllLines(runB.resolve("metrics.csv"));
        assertEquals(17, ma.size());
        assertEquals(ma.size(), mb.size());
        for (int i = 0; i < ma.size(); i++) {
            // Every column but the step time must match.
            assertEquals(withoutTime(ma.get(i)), withoutTime(mb.get(i)), "metrics row " + i);
        }
        Result tooSmall = run("search", "--run", runA.toString(), "--max-params", "1000");
        assertEquals(2, tooSmall.code(), tooSmall.err());
        assertTrue(tooSmall.err().contains("1000") && tooSmall.err().contains("smallest"), tooSmall.err());
        Result search = run("search", "--run", runB.toString(), "--population", "4", "--generations", "2", "--top-k", "2");
        assertEquals(0, search.code(), search.err());
        assertTrue(Files.readString(runB.resolve("evolution.json")).contains(Files.readString(runB.resolve("children.csv")).lines().skip(1)
                .findFirst().orElseThrow().split("\"")[1]), "after shrinking to one child, evolution can only return it");
        assertTrue(Files.exists(runB.resolve("evolution-encoder").resolve("encoder.params")));
        for (String f : List.of("config.json", "tokenizer.json", "train.log", "checkpoints/latest", "encoder/encoder.json",
                "encoder/encoder.params", "encoder/tokenizer.json")) {
            assertTrue(Files.exists(runB.resolve(f)), f);
        }
        distillFrom(runB, tmp.resolve("distill"));
    }

    /**
     * Under German decimal commas and the Turkish dotless i, a run stopped and resumed writes the same files as a straight run in
     * {@link Locale#ROOT}, and its progress lines print numbers with a decimal point.
     */
    @Tag("slow")
    @Test
    void filesAndProgressLinesDoNotDependOnTheLocale(@TempDir Path tmp) throws IOException {
        BrownFixture.directory(); // train-supernet reads the real Brown corpus
        Locale before = Locale.getDefault();
        PrintStream stdout = System.out;
        try {
            Locale.setDefault(Locale.ROOT);
            Path reference = tmp.resolve("root");
            Result a = run(args(reference, "--method", "MAGIC-AT"));
            assertEquals(0, a.code(), a.err());
            Path runA = only(reference);
            for (Locale locale : List.of(Locale.GERMANY, Locale.forLanguageTag("tr-TR"))) {
                Locale.setDefault(locale);
                Path runs = tmp.resolve(locale.toLanguageTag());
                ByteArrayOutputStream console = new ByteArrayOutputStream();
                System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
                Result b = run(args(runs, "--method", "MAGIC-AT", "--stop-after", "8"));
                assertEquals(0, b.code(), locale + ": " + b.err());
                Path runB = only(runs);
                Result c = run("train-supernet", "--resume", runB.toString());
                assertEquals(0, c.code(), locale + ": " + c.err());
                System.setOut(stdout);
                String lines = console.toString(StandardCharsets.UTF_8);
                assertTrue(lines.lines().anyMatch(l -> l.matches("step +\\d+/16 +loss \\d+\\.\\d{4} .*")), locale + ":\n" + lines);
                for (String f : List.of("children.json", "children.csv", "anchors.csv", "config.json")) {
                    assertEquals(Files.readString(runA.resolve(f)), Files.readString(runB.resolve(f)), locale + ": " + f);
                }
                List<String> ma = Files.readAllLines(runA.resolve("metrics.csv"));
                List<String> mb = Files.readAllLines(runB.resolve("metrics.csv"));
                assertEquals(ma.size(), mb.size(), locale + ": metrics.csv");
                for (int i = 0; i < ma.size(); i++) {
                    assertEquals(withoutTime(ma.get(i)), withoutTime(mb.get(i)), locale + ": metrics row " + i);
                }
            }
        } finally {
            System.setOut(stdout);
            Locale.setDefault(before);
        }
    }

    /** A student of the tiny-compress space distilled from a run's encoder, and the teacher checks. */
    private static void distillFrom(Path teacherRun, Path runs) throws IOException {
        String[] common = {"distill", "--runs-dir", runs.toString(), "--seq-len", "32", "--batch-size", "8", "--steps", "6", "--val-batches", "2"};
        Result missing = run(concat(common, "--teacher", runs.resolve("nowhere").toString()));
        assertEquals(2, missing.code(), missing.err());
        assertTrue(missing.err().contains("nowhere") && missing.err().contains("tokenizer.json"), missing.err());
        Result otherTokens = run(concat(common, "--teacher", teacherRun.toString(), "--seed", "7"));
        assertEquals(2, otherTokens.code(), otherTokens.err());
        assertTrue(otherTokens.err().contains("another tokenizer"), otherTokens.err());
        assertTrue(!Files.exists(runs) || isEmpty(runs), "no run directory for bad input");

        Result kd = run(concat(common, "--teacher", teacherRun.toString(), "--student", "MHA2,FFN,CONV3,FFN", "--without-kd"));
        assertEquals(0, kd.code(), kd.err());
        Path run = only(runs);
        assertEquals(7, Files.readAllLines(run.resolve("metrics.csv")).size());
        String results = Files.readString(run.resolve("results.txt"));
        assertTrue(results.contains("teacher") && results.contains("student+KD") && results.lines().anyMatch(l -> l.startsWith("student ")), results);
        for (String f : List.of("encoder/encoder.json", "encoder/encoder.params", "encoder/tokenizer.json", "distill.json")) {
            assertTrue(Files.exists(run.resolve(f)), f);
        }
        assertTrue(Files.readString(run.resolve("encoder/encoder.json")).contains("tiny-compress"));
    }

    private static String[] concat(String[] a, String... b) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all.toArray(String[]::new);
    }

    static String withoutTime(String csvRow) {
        String[] cols = csvRow.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
        cols[7] = "";
        return String.join(",", cols);
    }

    static Path only(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> all = s.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }
}
