package org.magicnas.spark;

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
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.magicnas.cli.Magic;

/** {@code rank-correlation --spark local[2]}: the same study as without Spark, from a shared cache. */
class SparkStudyTest {
    /** A command's exit code and what it printed. */
    record Result(int code, String out, String err) {}

    /** Runs a command in this JVM; progress goes to System.out, which is captured. */
    static Result run(List<String> args) {
        StringWriter err = new StringWriter();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
        try {
            int code = Magic.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args.toArray(String[]::new));
            return new Result(code, console.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(saved);
        }
    }

    static List<String> concat(List<String> a, String... b) {
        return Stream.concat(a.stream(), Stream.of(b)).toList();
    }

    static Path only(Path runs) throws IOException {
        try (Stream<Path> s = Files.list(runs)) {
            List<Path> all = s.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }

    /** A tiny study on a small generated corpus: 3 children (1 with a second seed) and one super-net, 5 jobs of a few steps. */
    static List<String> tiny(Path tmp, String name) throws IOException {
        return List.of("rank-correlation", "--preset", "quick", "--corpus", corpus(tmp).toString(), "--vocab-size", "200", "--cache",
                tmp.resolve(name + "-cache").toString(), "--runs-dir", tmp.resolve(name + "-runs").toString(), "--children", "3", "--noise-children",
                "1", "--child-steps", "4", "--supernet-steps", "4", "--val-batches", "2", "--methods", "spos", "--bootstrap", "50", "--top-k", "1");
    }

    /** 80 documents of seeded pseudo-words: reading and packing it takes a moment, where the Brown corpus takes seconds. */
    static Path corpus(Path tmp) throws IOException {
        Path file = tmp.resolve("corpus.txt");
        if (!Files.exists(file)) {
            java.util.SplittableRandom random = new java.util.SplittableRandom(7);
            String[] syllables = {"ka", "lo", "mi", "ne", "tu", "ra", "si", "po", "de", "gu"};
            StringBuilder b = new StringBuilder();
            for (int d = 0; d < 80; d++) {
                for (int w = 0; w < 120; w++) {
                    b.append(syllables[random.nextInt(syllables.length)]).append(syllables[random.nextInt(syllables.length)]);
                    b.append(w % 12 == 11 ? ". " : " ");
                }
                b.append('\n');
            }
            Files.writeString(file, b.toString());
        }
        return file;
    }

    @Test
    void localTwoRunsTheStudyAsWorkersDoAndReusesTheCache(@TempDir Path tmp) throws IOException {
        Result spark = run(concat(tiny(tmp, "spark"), "--spark", "local[2]"));
        assertEquals(0, spark.code(), spark.err() + spark.out());
        assertTrue(spark.out().contains("Spark local[2], tasks of 1 thread(s)") && spark.out().contains("5 of 5 back"), spark.out());
        Result plain = run(concat(tiny(tmp, "plain"), "--workers", "1"));
        assertEquals(0, plain.code(), plain.err());
        for (String f : List.of("panel.csv", "results.csv")) {
            assertEquals(Files.readString(only(tmp.resolve("plain-runs")).resolve(f)), Files.readString(only(tmp.resolve("spark-runs")).resolve(f)), f);
        }
        // The driver's cache holds every job: a rerun, with or without Spark, trains nothing and starts no Spark.
        Result again = run(concat(tiny(tmp, "spark"), "--spark", "local[2]"));
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("(5 cached)") && !again.out().contains("[spark]"), again.out());
        Result withoutSpark = run(concat(tiny(tmp, "spark"), "--workers", "1"));
        assertTrue(withoutSpark.out().contains("(5 cached)") && !withoutSpark.out().contains("running"), withoutSpark.out());
    }
}
