package org.magicnas.data.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder of 20,000 small images streamed for two epochs (a fresh crop of 56x56 from images
 * resized to 64 per epoch) in a JVM whose heap is limited to 64 MiB: holding the decoded folder
 * would take 20,000 x 3 x 56 x 56 x 4 bytes = 753 MB. The peak resident memory of that JVM
 * (VmHWM) must stay under 320 MiB, and two runs with 1 and 2 threads give the same checksum.
 */
@Tag("slow")
class ImageStreamMemoryTest {

    static final int IMAGES = 20_000;
    static final long PEAK_RSS_BOUND_KB = 320L * 1024;

    @TempDir Path root;

    @Test
    void twentyThousandImagesStreamInABoundedResidentMemory() throws Exception {
        Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "needs /proc");
        long t0 = System.nanoTime();
        SplittableRandom rng = new SplittableRandom(7);
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < IMAGES; i++) {
            for (int y = 0; y < 16; y++) {
                for (int x = 0; x < 16; x++) {
                    image.setRGB(x, y, rng.nextInt(1 << 24));
                }
            }
            Path dir = root.resolve("train").resolve(String.format(Locale.ROOT, "c%02d", i % 10));
            Files.createDirectories(dir);
            ImageIO.write(image, i % 2 == 0 ? "png" : "jpg",
                    dir.resolve(String.format(Locale.ROOT, "%05d.%s", i, i % 2 == 0 ? "png"
                            : "jpg")).toFile());
        }
        double written = (System.nanoTime() - t0) / 1e9;
        Result two = probe(2);
        Result one = probe(1);
        System.out.printf(Locale.ROOT, "ImageStreamMemoryTest: wrote %d images in %.1f s; streamed"
                + " 2 epochs with -Xmx64m: 2 threads %.1f s, peak RSS %d MiB (now %d MiB);"
                + " 1 thread %.1f s, peak RSS %d MiB%n", IMAGES, written, two.seconds,
                two.peakKb / 1024, two.rssKb / 1024, one.seconds, one.peakKb / 1024);
        assertEquals(2L * IMAGES / 64 * 64, two.images);
        assertEquals(two.checksum, one.checksum, "the batches do not depend on the threads");
        assertTrue(two.maxPending <= 2, "prefetched batches held: " + two.maxPending);
        assertTrue(two.peakKb < PEAK_RSS_BOUND_KB, "peak RSS " + two.peakKb + " kB");
        assertTrue(one.peakKb < PEAK_RSS_BOUND_KB, "peak RSS " + one.peakKb + " kB");
    }

    private record Result(long images, String checksum, int maxPending, long peakKb, long rssKb,
            double seconds) {}

    private Result probe(int threads) throws IOException, InterruptedException {
        String classPath = System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-cp", classPath, StreamMemoryProbe.class.getName(), root.toString(), "2", "64",
                "64", "56", Integer.toString(threads)));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(0, p.exitValue(), out);
        Matcher m = Pattern.compile("images=(\\d+) checksum=(\\S+) maxpending=(\\d+) vmhwm_kb=(\\d+)"
                + " vmrss_kb=(\\d+)").matcher(out);
        assertTrue(m.find(), out);
        return new Result(Long.parseLong(m.group(1)), m.group(2), Integer.parseInt(m.group(3)),
                Long.parseLong(m.group(4)), Long.parseLong(m.group(5)), seconds);
    }
}
