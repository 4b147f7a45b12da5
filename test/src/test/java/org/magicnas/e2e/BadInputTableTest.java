package org.magicnas.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.magicnas.cli.Magic;
import org.magicnas.data.BrownFixture;
import org.magicnas.data.image.FashionMnist;

/**
 * Bad input across the commands, one row each: exit code 2, one line on standard error that names the value and what is allowed, no
 * stack trace, no new run directory, and the existing run directory (given to {@code --resume} or {@code --run} in some rows) left
 * byte for byte as it was.
 */
class BadInputTableTest {
    /** A small space: the fixture run takes seconds; the data is the real Brown corpus. */
    private static final String[] SMALL = {"--space", "custom", "--candidates", "MHA2:32,FFN:64,CONV3", "--hidden", "32", "--layers", "4",
        "--vocab-size", "500", "--seq-len", "32", "--batch-size", "8", "--val-batches", "2", "--eval-children", "2", "--log-every", "4"};

    @TempDir
    static Path tmp;
    private static Path run;
    private static String runHash;
    private static Path encoder;
    private static Path glue;

    @BeforeAll
    static void fixtures() throws IOException {
        BrownFixture.directory(); // the fixture run reads the real Brown corpus
        Path runs = tmp.resolve("fixture-runs");
        List<String> a = new ArrayList<>(List.of("train-supernet", "--runs-dir", runs.toString(), "--steps", "4", "--checkpoint-every", "4"));
        a.addAll(List.of(SMALL));
        assertEquals(0, Magic.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), a.toArray(String[]::new)));
        try (Stream<Path> s = Files.list(runs)) {
            run = s.findFirst().orElseThrow();
        }
        runHash = treeHash(run);
        encoder = GlueFixtures.encoder(tmp.resolve("encoder"));
        glue = GlueFixtures.glueData(tmp.resolve("glue"));
    }

    @AfterAll
    static void fixtureRunUntouched() throws IOException {
        assertEquals(runHash, treeHash(run), "a command given bad input changed an existing run directory");
    }

    private record Row(String name, Function<Path, String[]> args, List<String> named) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A row; {@code named} lists what the message must name, separated by {@code " & "}. */
    private static Row row(String name, String named, Function<Path, String[]> args) {
        return new Row(name, args, List.of(named.split(" & ")));
    }

    private static String[] supernet(Path runs, String... extra) {
        List<String> a = new ArrayList<>(List.of("train-supernet", "--runs-dir", runs.toString()));
        a.addAll(List.of(SMALL));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    private static String[] finetune(Path runs, Path encoderDir, Path data, String... extra) {
        List<String> a = new ArrayList<>(List.of("finetune", "--task", "SST-2", "--data", data.toString(), "--encoder", encoderDir.toString(),
                "--runs-dir", runs.toString(), "--epochs", "1"));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    /** A copy of a fixture directory (the encoder, the GLUE data, the run) with one change. */
    private static Path copyWith(Path source, String name, IoAction change) {
        try {
            Path dir = tmp.resolve("variants").resolve(name);
            try (Stream<Path> s = Files.walk(source)) {
                for (Path f : s.toList()) {
                    Path to = dir.resolve(source.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(f, to);
                    }
                }
            }
            change.apply(dir);
            return dir;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** An image folder with a train and a val split. */
    private static Path imageFolder(String name, int classes, boolean emptyFile) {
        try {
            Path root = tmp.resolve("images").resolve(name);
            for (String split : List.of("train", "val")) {
                for (int c = 0; c < classes; c++) {
                    Path dir = Files.createDirectories(root.resolve(split).resolve("class" + c));
                    ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", dir.resolve("ok.png").toFile());
                }
            }
            if (emptyFile) {
                Files.write(root.resolve("train").resolve("class0").resolve("empty.png"), new byte[0]);
            }
            return root;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Fashion-MNIST's four files, the training images with a wrong magic number. */
    private static Path idxWithWrongMagic() {
        try {
            Path dir = Files.createDirectories(tmp.resolve("idx"));
            for (String f : List.of(FashionMnist.TRAIN_IMAGES, FashionMnist.TRAIN_LABELS, FashionMnist.TEST_IMAGES, FashionMnist.TEST_LABELS)) {
                boolean images = f.contains("images");
                ByteBuffer b = ByteBuffer.allocate(images ? 16 + 2 * 28 * 28 : 8 + 2);
                b.put((byte) 0).put((byte) 0).put((byte) 0x08).put((byte) (images ? 3 : 1)).putInt(2);
                if (images) {
                    b.putInt(28).putInt(28);
                }
                byte[] bytes = b.array();
                if (f.equals(FashionMnist.TRAIN_IMAGES)) {
                    bytes[2] = 0x0D;
                }
                Files.write(dir.resolve(f), bytes);
            }
            return dir;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void apply(Path p) throws IOException;
    }

    private static Path checkpointFile(Path runDir, String suffix) throws IOException {
        try (Stream<Path> s = Files.walk(runDir.resolve("checkpoints"))) {
            return s.filter(p -> p.toString().endsWith(suffix)).findFirst().orElseThrow(() -> new IOException("no " + suffix + " in " + runDir));
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                row("unknown method", "magic-x", r -> supernet(r, "--method", "magic-x")),
                row("k above the layers", "9", r -> supernet(r, "--method", "magic-t", "--k", "9")),
                row("negative lambda", "-0.5", r -> supernet(r, "--lambda", "-0.5")),
                row("missing corpus", "missing", r -> supernet(r, "--corpus", tmp.resolve("missing").toString())),
                row("empty corpus", "empty.txt", r -> supernet(r, "--corpus", write("empty.txt", "\n\n").toString())),
                row("vocabulary too small", "4", r -> supernet(r, "--vocab-size", "4")),
                row("unknown operator", "LSTM", r -> supernet(r, "--candidates", "MHA2:32,LSTM")),
                row("steps not a number", "abc", r -> supernet(r, "--steps", "abc")),
                row("zero steps", "--steps & 0", r -> supernet(r, "--steps", "0")),
                row("negative steps", "--steps & -5", r -> supernet(r, "--steps", "-5")),
                row("zero batch size", "--batch-size & 0", r -> supernet(r, "--batch-size", "0")),
                row("zero learning rate", "--lr & 0", r -> supernet(r, "--lr", "0")),
                row("negative learning rate", "--lr & -0.001", r -> supernet(r, "--lr", "-0.001")),
                row("unknown space", "huge", r -> supernet(r, "--space", "huge")),
                row("one candidate for magic-at", "at least two candidates", r -> new String[] {"train-supernet", "--runs-dir", r.toString(),
                    "--space", "custom", "--candidates", "FFN:64", "--hidden", "32", "--layers", "4", "--method", "magic-at"}),
                row("parameter limit below every child", "smallest", r -> supernet(r, "--max-params", "1000")),
                row("resume of a missing run", "nowhere", r -> new String[] {"train-supernet", "--resume", tmp.resolve("nowhere").toString()}),
                row("resume with a truncated .params", "weights.params & damaged", r -> new String[] {"train-supernet", "--resume",
                    copyWith(run, "truncated", d -> truncate(checkpointFile(d, ".params"))).toString()}),
                row("resume of another command's run", "other-command & train-supernet", r -> new String[] {"train-supernet", "--resume",
                    copyWith(run, "other-command", d -> {
                        Files.delete(d.resolve("config.json"));
                        Files.writeString(d.resolve("command.txt"), "distill\n");
                    }).toString()}),
                row("search of a missing run", "nowhere", r -> new String[] {"search", "--run", tmp.resolve("nowhere").toString()}),
                row("finetune: unknown task", "SQuAD", r -> new String[] {"finetune", "--task", "SQuAD", "--data", glue.toString(), "--encoder",
                    encoder.toString(), "--runs-dir", r.toString()}),
                row("finetune: no train file", "SST-2/train.tsv", r -> finetune(r, encoder, tmp.resolve("fixture-runs"))),
                row("finetune: encoder missing", "none", r -> finetune(r, tmp.resolve("none"), glue)),
                row("finetune: corrupt tokenizer.json", "bad-tokenizer/tokenizer.json", r -> finetune(r, copyWith(encoder, "bad-tokenizer",
                    d -> Files.writeString(d.resolve("tokenizer.json"), "{\"model\": [1, 2")), glue)),
                row("finetune: encoder without its weights", "no-params & encoder.params", r -> finetune(r, copyWith(encoder, "no-params",
                    d -> Files.delete(d.resolve("encoder.params"))), glue)),
                row("finetune: max length beyond the encoder", "--max-length & 512 & 64", r -> finetune(r, encoder, glue, "--max-length", "512")),
                row("finetune: zero epochs", "--epochs & 0", r -> finetune(r, encoder, glue, "--epochs", "0")),
                row("finetune: zero batch size", "--batch-size & 0", r -> finetune(r, encoder, glue, "--batch-size", "0")),
                row("finetune: negative learning rate", "--lr & -1", r -> finetune(r, encoder, glue, "--lr", "-1")),
                row("finetune: empty train split", "empty-train/SST-2/train.tsv & no valid rows", r -> finetune(r, encoder, copyWith(glue, "empty-train",
                    d -> Files.writeString(d.resolve("SST-2").resolve("train.tsv"), "sentence\tlabel\n")))),
                row("finetune: malformed dev row", "bad-dev/SST-2/dev.tsv & line 3", r -> finetune(r, encoder, copyWith(glue, "bad-dev",
                    d -> Files.writeString(d.resolve("SST-2").resolve("dev.tsv"), "sentence\tlabel\na fine film\t1\nno label here\n")))),
                row("glue: malformed diagnostic row (CRLF, BOM)", "bad-ax/diagnostic/diagnostic.tsv & line 3 & has 2 tab-separated fields",
                    r -> new String[] {"glue", "--data", copyWith(glue, "bad-ax", d -> {
                        Files.createDirectories(d.resolve("diagnostic"));
                        Files.writeString(d.resolve("diagnostic").resolve("diagnostic.tsv"),
                                "\uFEFFindex\tsentence1\tsentence2\r\n0\tA man sings.\tA man makes music.\r\n1\tno second sentence\r\n");
                    }).toString(), "--encoder", encoder.toString(), "--runs-dir", r.toString()}),
                row("glue: no task in the folder", "holds no GLUE task", r -> new String[] {"glue", "--data", tmp.resolve("fixture-runs").toString(),
                    "--encoder", encoder.toString(), "--runs-dir", r.toString()}),
                row("image-search: empty image file", "empty.png", r -> new String[] {"image-search", "--space", "mobilenet", "--image-folder",
                    imageFolder("empty-file", 2, true).toString(), "--runs-dir", r.toString()}),
                row("image-search: one class", "at least 2", r -> new String[] {"image-search", "--space", "mobilenet", "--image-folder",
                    imageFolder("one-class", 1, false).toString(), "--runs-dir", r.toString()}),
                row("image-search: IDX with a wrong magic number", "magic", r -> new String[] {"image-search", "--data", idxWithWrongMagic().toString(),
                    "--runs-dir", r.toString()}),
                row("image-search: --data is a file", "file.txt & not a directory", r -> new String[] {"image-search", "--data",
                    write("file.txt", "x").toString(), "--runs-dir", r.toString()}),
                row("distill: missing teacher", "nowhere", r -> new String[] {"distill", "--teacher", tmp.resolve("nowhere").toString(), "--runs-dir",
                    r.toString()}),
                row("distill: sequence beyond the teacher", "--seq-len & 512", r -> new String[] {"distill", "--teacher", run.toString(), "--seq-len",
                    "512", "--runs-dir", r.toString()}),
                row("pipeline: zero budget", "--budget & 0", r -> new String[] {"pipeline", "--budget", "0", "--runs-dir", r.toString()}),
                row("pipeline: repeated seed", "1", r -> new String[] {"pipeline", "--seeds", "1,1", "--runs-dir", r.toString()}),
                row("rank-correlation: unknown preset", "nope", r -> new String[] {"rank-correlation", "--preset", "nope", "--runs-dir", r.toString()}),
                row("rank-correlation: unknown method", "magic-x", r -> new String[] {"rank-correlation", "--preset", "quick", "--methods",
                    "spos,magic-x", "--runs-dir", r.toString()}),
                row("interference: unknown space", "nope", r -> new String[] {"interference", "--space", "nope", "--runs-dir", r.toString()}));
    }

    private static Path write(String name, String text) {
        try {
            return Files.writeString(tmp.resolve(name), text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void truncate(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void exitsWithOneLineNamingTheValueAndWritesNothing(Row row) throws IOException {
        Path runs = tmp.resolve("runs-" + row.name().replaceAll("[^a-z0-9]+", "-"));
        String[] args = row.args().apply(runs);
        StringWriter err = new StringWriter();
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PrintStream savedOut = System.out;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Magic.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
        } finally {
            System.setOut(savedOut);
        }
        String message = err.toString().strip();
        String context = String.join(" ", args) + "\n" + message;
        assertEquals(2, code, context);
        assertEquals(1, message.lines().count(), context);
        assertTrue(message.startsWith("magic: "), context);
        for (String named : row.named()) {
            assertTrue(message.contains(named), "the message should name '" + named + "': " + context);
        }
        assertFalse(message.contains("Exception") || message.contains("\tat "), context);
        assertTrue(!Files.exists(runs) || isEmpty(runs), "a run directory was written: " + context);
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    private static String treeHash(Path root) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (Stream<Path> s = Files.walk(root)) {
                for (Path p : s.sorted().toList()) {
                    md.update(root.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
                    if (Files.isRegularFile(p)) {
                        md.update(Files.readAllBytes(p));
                    }
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
