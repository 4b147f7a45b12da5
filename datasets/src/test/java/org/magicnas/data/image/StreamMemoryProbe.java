package org.magicnas.data.image;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.magicnas.data.tribuo.Split;

/**
 * Run in a separate JVM by {@link ImageStreamMemoryTest}: streams an image folder for some epochs
 * in batches, prefetching two ahead as the trainer does, and prints {@code images=N
 * checksum=X vmhwm_kb=K vmrss_kb=R} (peak and current resident memory from /proc/self/status).
 */
public final class StreamMemoryProbe {

    private StreamMemoryProbe() {}

    /**
     * Streams the folder.
     *
     * @param args root, epochs, batch size, resize, crop, threads
     * @throws Exception on any failure
     */
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int epochs = Integer.parseInt(args[1]);
        int batch = Integer.parseInt(args[2]);
        ImageTransform transform = ImageTransform.training(Integer.parseInt(args[3]),
                Integer.parseInt(args[4]));
        List<ImageEntry> entries = ImageFolder.scan(root, Split.TRAIN).entries();
        int n = entries.size();
        int steps = epochs * n / batch;
        double checksum = 0;
        long images = 0;
        try (ImageStream stream = new ImageStream(entries, transform, 42, Integer.parseInt(args[5]),
                2)) {
            for (int step = 0; step < steps; step++) {
                for (int ahead = step + 1; ahead <= step + 2 && ahead < steps; ahead++) {
                    stream.prefetch(indices(ahead, batch, n), epochs(ahead, batch, n));
                }
                float[] x = stream.read(indices(step, batch, n), epochs(step, batch, n));
                for (int k = 0; k < x.length; k += 97) {
                    checksum += x[k];
                }
                images += batch;
            }
            System.out.printf(Locale.ROOT, "images=%d checksum=%.6f maxpending=%d vmhwm_kb=%d"
                    + " vmrss_kb=%d%n", images, checksum, stream.maxPendingBatches(),
                    status("VmHWM"), status("VmRSS"));
        }
    }

    /** Step s takes positions [s * batch, (s + 1) * batch) of per-epoch seeded permutations. */
    static int[] indices(int step, int batch, int n) {
        int[] out = new int[batch];
        for (int i = 0; i < batch; i++) {
            long global = (long) step * batch + i;
            out[i] = permutation((int) (global / n), n)[(int) (global % n)];
        }
        return out;
    }

    private static int cachedEpoch = -1;
    private static int[] cached;

    private static int[] permutation(int epoch, int n) {
        if (epoch != cachedEpoch) {
            int[] p = new int[n];
            for (int i = 0; i < n; i++) {
                p[i] = i;
            }
            SplittableRandom rng = new SplittableRandom(1000 + epoch);
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = p[i];
                p[i] = p[j];
                p[j] = t;
            }
            cached = p;
            cachedEpoch = epoch;
        }
        return cached;
    }

    static int[] epochs(int step, int batch, int n) {
        int[] out = new int[batch];
        for (int i = 0; i < batch; i++) {
            out[i] = (int) (((long) step * batch + i) / n);
        }
        return out;
    }

    private static long status(String key) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(key + ":")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }
}
