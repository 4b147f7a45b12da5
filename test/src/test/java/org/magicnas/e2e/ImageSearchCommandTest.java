package org.magicnas.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.magicnas.cli.Magic;
import org.magicnas.data.image.FashionMnist;

/** {@code image-search} end to end on Fashion-MNIST at test scale, and its bad input. */
class ImageSearchCommandTest {
    private record Result(int code, String out, String err) {}

    private static Result run(String... args) {
        StringWriter err = new StringWriter();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
        try {
            int code = Magic.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
            return new Result(code, console.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(saved);
        }
    }

    /** An IDX file whose header promises more than it holds. */
    private static void truncatedIdx(Path file, int magicType, int... dims) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + 10);
        b.put((byte) 0).put((byte) 0).put((byte) 0x08).put((byte) dims.length);
        for (int d : dims) {
            b.putInt(d);
        }
        Files.write(file, b.array());
    }

    @Test
    void badInputExitsWithOneLineAndWritesNothing(@TempDir Path tmp) throws IOException {
        Path runs = tmp.resolve("runs");
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        Result missing = run("image-search", "--data", empty.toString(), "--runs-dir", runs.toString());
        assertEquals(2, missing.code(), missing.err());
        assertTrue(missing.err().contains("has neither train-images-idx3-ubyte nor train-images-idx3-ubyte.gz"), missing.err());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());

        Path truncated = Files.createDirectory(tmp.resolve("truncated"));
        truncatedIdx(truncated.resolve(FashionMnist.TRAIN_IMAGES), 3, 60000, 28, 28);
        truncatedIdx(truncated.resolve(FashionMnist.TRAIN_LABELS), 1, 60000);
        truncatedIdx(truncated.resolve(FashionMnist.TEST_IMAGES), 3, 10000, 28, 28);
        truncatedIdx(truncated.resolve(FashionMnist.TEST_LABELS), 1, 10000);
        Result cut = run("image-search", "--data", truncated.toString(), "--runs-dir", runs.toString());
        assertEquals(2, cut.code(), cut.err());
        assertTrue(cut.err().contains("truncated"), cut.err());

        Result zero = run("image-search", "--fixed", "ZERO,MB3E3,MB3E3,MB3E3,MB3E3,MB3E3,MB3E3", "--runs-dir", runs.toString());
        assertEquals(2, zero.code(), zero.err());
        assertEquals("magic: layer 1: ZERO (zero-out) where the layer changes shape (8 -> 16 channels, stride 1); it is allowed only where a "
                + "layer keeps its shape", zero.err().strip());

        Path noClasses = Files.createDirectories(tmp.resolve("imagenet").resolve("train"));
        Result empty2 = run("image-search", "--space", "mobilenet", "--image-folder", noClasses.getParent().toString(), "--runs-dir", runs.toString());
        assertEquals(2, empty2.code(), empty2.err());
        assertTrue(empty2.err().contains("no class"), empty2.err());
        Path cls = Files.createDirectories(noClasses.resolve("n01440764"));
        Files.writeString(cls.resolve("broken.JPEG"), "not an image");
        Path val = Files.createDirectories(noClasses.getParent().resolve("val").resolve("n01440764"));
        Result oneClass = run("image-search", "--space", "mobilenet", "--image-folder", noClasses.getParent().toString(), "--runs-dir", runs.toString());
        assertEquals(2, oneClass.code(), oneClass.err());
        assertTrue(oneClass.err().contains("classification needs at least 2"), oneClass.err());
        Path other = Files.createDirectories(noClasses.resolve("n01443537"));
        for (Path dir : new Path[] {val, other}) {
            javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", dir.resolve("ok.png").toFile());
        }
        Result unreadable = run("image-search", "--space", "mobilenet", "--image-folder", noClasses.getParent().toString(), "--runs-dir", runs.toString());
        assertEquals(2, unreadable.code(), unreadable.err());
        assertTrue(unreadable.err().contains("broken.JPEG"), unreadable.err());
        Result grey = run("image-search", "--image-folder", noClasses.getParent().toString(), "--runs-dir", runs.toString());
        assertEquals(2, grey.code(), grey.err());
        assertTrue(grey.err().contains("use an RGB space such as mobilenet"), grey.err());

        Result maskedLm = run("train-supernet", "--space", "mobilenet-cpu", "--runs-dir", runs.toString());
        assertEquals(2, maskedLm.code(), maskedLm.err());
        assertTrue(maskedLm.err().contains("--space mobilenet-cpu is an image space: use image-search"), maskedLm.err());

        Result text = run("image-search", "--space", "tiny", "--runs-dir", runs.toString());
        assertEquals(2, text.code(), text.err());
        assertFalse(Files.exists(runs), "no run directory for bad input");
    }

    @Tag("slow")
    @Test
    void searchesRetrainsAndComparesOnFashionMnist(@TempDir Path tmp) throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(Path.of(FashionMnist.DEFAULT_DIRECTORY)), "Fashion-MNIST is not installed (bin/install-fashion-mnist)");
        Path runs = tmp.resolve("runs");
        Result ok = run("image-search", "--method", "magic-at", "--steps", "12", "--retrain-steps", "12", "--batch-size", "32", "--train-size", "640",
            "--valid-size", "64", "--test-size", "128", "--population", "3", "--generations", "1", "--bn-batches", "1", "--runs-dir", runs.toString());
        assertEquals(0, ok.code(), ok.err());
        Path run;
        try (Stream<Path> s = Files.list(runs)) {
            run = s.findFirst().orElseThrow();
        }
        String results = Files.readString(run.resolve("results.txt"));
        assertTrue(results.contains("magic-at ") && results.contains("fixed ") && results.contains("MB3E6,MB3E6,MB3E6,MB3E6,MB3E6,MB3E6,MB3E6"), results);
        JsonObject json = JsonParser.parseString(Files.readString(run.resolve("image-search.json"))).getAsJsonObject();
        assertEquals("recalibrate on 1 training batches of 32 images", json.get("batchNormPolicy").getAsString());
        var rows = json.getAsJsonArray("rows");
        assertEquals(2, rows.size());
        long limit = json.get("flopLimit").getAsLong();
        assertTrue(rows.get(0).getAsJsonObject().get("flops").getAsLong() <= limit, "the searched child is within the fixed child's FLOPs");
        assertEquals(limit, rows.get(1).getAsJsonObject().get("flops").getAsLong());
        for (var r : rows) {
            double top1 = r.getAsJsonObject().get("testTop1Error").getAsDouble();
            assertTrue(top1 >= 0 && top1 <= 1 && r.getAsJsonObject().get("testTop5Error").getAsDouble() <= top1);
        }
        assertEquals(13, Files.readAllLines(run.resolve("magic-at-supernet.csv")).size());
        assertEquals(13, CsvReadBack.table(run.resolve("magic-at-supernet.csv"), java.util.List.of("step", "child", "loss", "align_loss", "lr")).size());
        assertTrue(Files.isDirectory(run.resolve("magic-at-checkpoints")));
    }

    /** train/a (4 images), train/b (3 images and, if asked, a broken one), val/a and val/b (1 image each), 16x16 random RGB PNGs. */
    private static Path smallFolder(Path root, boolean broken) throws IOException {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        String[][] layout = {{"train", "a", "4"}, {"train", "b", "3"}, {"val", "a", "1"}, {"val", "b", "1"}};
        for (String[] l : layout) {
            Path dir = Files.createDirectories(root.resolve(l[0]).resolve(l[1]));
            for (int i = 0; i < Integer.parseInt(l[2]); i++) {
                java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(16, 16, java.awt.image.BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < 16; y++) {
                    for (int x = 0; x < 16; x++) {
                        image.setRGB(x, y, rng.nextInt(1 << 24));
                    }
                }
                javax.imageio.ImageIO.write(image, "png", dir.resolve(i + ".png").toFile());
            }
        }
        if (broken) {
            Files.writeString(root.resolve("train").resolve("b").resolve("broken.JPEG"), "not an image");
        }
        return root;
    }

    @Test
    void streamingOptionsAndAStreamedBrokenFileAreRefusedBeforeTheRun(@TempDir Path tmp) throws IOException {
        Path runs = tmp.resolve("runs");
        Path folder = smallFolder(tmp.resolve("folder"), true);
        Result negative = run("image-search", "--space", "mobilenet", "--image-folder", folder.toString(), "--stream-above", "-1", "--runs-dir", runs.toString());
        assertEquals(2, negative.code(), negative.err());
        assertEquals("magic: --stream-above -1: expected a size in MiB >= 0 (0 always streams)", negative.err().strip());
        Result threads = run("image-search", "--space", "mobilenet", "--image-folder", folder.toString(), "--decode-threads", "-2", "--runs-dir",
                runs.toString());
        assertEquals(2, threads.code(), threads.err());
        assertTrue(threads.err().contains("--decode-threads -2"), threads.err());
        // streamed: the held-out images and the statistics sample (here every training image) are decoded before the run starts
        Result broken = run("image-search", "--space", "mobilenet", "--image-folder", folder.toString(), "--stream-above", "0", "--valid-size", "2",
                "--batch-size", "2", "--runs-dir", runs.toString());
        assertEquals(2, broken.code(), broken.err());
        assertTrue(broken.err().contains("broken.JPEG"), broken.err());
        assertEquals(1, broken.err().strip().lines().count(), broken.err());
        assertFalse(Files.exists(runs), "no run directory for bad input");
    }

    @Test
    @org.junit.jupiter.api.Tag("slow")
    void streamsAnImageFolderAtTheMobilenetResolution(@TempDir Path tmp) throws IOException {
        Path folder = smallFolder(tmp.resolve("folder"), false);
        Path runs = tmp.resolve("runs");
        Result ok = run("image-search", "--space", "mobilenet", "--image-folder", folder.toString(), "--stream-above", "0", "--decode-threads", "2",
                "--method", "spos", "--steps", "2", "--retrain-steps", "1", "--batch-size", "2", "--valid-size", "2", "--test-size", "2",
                "--population", "2", "--generations", "1", "--bn-batches", "1", "--runs-dir", runs.toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("images: streamed from the files by 2 decoding threads"), ok.out());
        Path run;
        try (Stream<Path> s = Files.list(runs)) {
            run = s.findFirst().orElseThrow();
        }
        JsonObject json = JsonParser.parseString(Files.readString(run.resolve("image-search.json"))).getAsJsonObject();
        assertTrue(json.get("imageLoading").getAsString().startsWith("streamed"), json.toString());
        assertEquals(2, json.getAsJsonArray("rows").size());
    }
}
