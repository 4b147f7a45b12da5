package org.magicnas.data.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.magicnas.data.tribuo.Split;

class ImageStreamTest {

    @TempDir Path root;

    private List<ImageEntry> entries;
    private final ImageTransform transform = ImageTransform.training(16, 12);

    @BeforeEach
    void folder() {
        for (int i = 0; i < 40; i++) {
            ImageFixtures.png(root.resolve("train").resolve(i % 2 == 0 ? "cat" : "dog")
                    .resolve(String.format(java.util.Locale.ROOT, "%03d.png", i)),
                    ImageFixtures.random(12 + i % 5, 14, i));
        }
        entries = ImageFolder.scan(root, Split.TRAIN).entries();
    }

    private static int[] batch(int from, int count, int size) {
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = (from + 7 * i) % size;
        }
        return out;
    }

    @Test
    void batchesAreThePerImageTransformsWhateverTheThreadsAndPrefetching() {
        int length = transform.outputLength();
        try (ImageStream one = new ImageStream(entries, transform, 5, 1, 0);
                ImageStream three = new ImageStream(entries, transform, 5, 3, 2)) {
            for (int k = 0; k < 6; k++) {
                int[] epochs = new int[9];
                Arrays.fill(epochs, k / 2);
                epochs[8] = k / 2 + 1;
                // prefetch this batch and the next two in the threaded stream, read this one
                for (int ahead = k; ahead <= k + 2; ahead++) {
                    three.prefetch(batch(ahead * 9, 9, entries.size()), epochs);
                }
                int[] indices = batch(k * 9, 9, entries.size());
                float[] a = one.read(indices, epochs);
                float[] b = three.read(indices, epochs);
                assertArrayEquals(a, b, "batch " + k);
                for (int i = 0; i < indices.length; i++) {
                    float[] alone = transform.apply(
                            ImageFolder.decode(entries.get(indices[i]).file()), 5, epochs[i],
                            indices[i]);
                    assertArrayEquals(alone, Arrays.copyOfRange(a, i * length, (i + 1) * length));
                }
            }
            assertTrue(three.maxPendingBatches() <= 2, "held " + three.maxPendingBatches());
            assertEquals(2, three.maxPendingBatches());
        }
    }

    @Test
    void everyEpochDrawsAFreshCropAndFlipAndTheSeedDecides() {
        int[] indices = batch(0, 10, entries.size());
        try (ImageStream s = new ImageStream(entries, transform, 5, 2, 1);
                ImageStream again = new ImageStream(entries, transform, 5, 2, 1);
                ImageStream other = new ImageStream(entries, transform, 6, 2, 1)) {
            float[] epoch0 = s.read(indices, new int[10]);
            int[] ones = new int[10];
            Arrays.fill(ones, 1);
            float[] epoch1 = s.read(indices, ones);
            int length = transform.outputLength();
            for (int i = 0; i < 10; i++) {
                assertFalse(Arrays.equals(Arrays.copyOfRange(epoch0, i * length, (i + 1) * length),
                        Arrays.copyOfRange(epoch1, i * length, (i + 1) * length)),
                        "image " + indices[i] + " got the same crop and flip in epochs 0 and 1");
            }
            assertArrayEquals(epoch0, again.read(indices, new int[10]));
            assertFalse(Arrays.equals(epoch0, other.read(indices, new int[10])));
        }
    }

    @Test
    void theOldestPrefetchIsDroppedAndBadRequestsAreRefused() throws IOException {
        try (ImageStream s = new ImageStream(entries, transform, 5, 2, 2)) {
            int[] zeros = new int[4];
            for (int k = 0; k < 5; k++) {
                s.prefetch(batch(k, 4, entries.size()), zeros);
            }
            assertEquals(2, s.maxPendingBatches());
            // a dropped batch is decoded again on demand, with the same values
            try (ImageStream plain = new ImageStream(entries, transform, 5, 1, 0)) {
                assertArrayEquals(plain.read(batch(0, 4, entries.size()), zeros),
                        s.read(batch(0, 4, entries.size()), zeros));
            }
            assertThrows(IllegalArgumentException.class, () -> s.read(new int[] {40}, new int[1]));
            assertThrows(IllegalArgumentException.class, () -> s.read(new int[] {0, 1}, new int[1]));
        }
        Path broken = entries.get(3).file();
        Files.writeString(broken, "not an image");
        try (ImageStream s = new ImageStream(entries, transform, 5, 2, 0)) {
            ImageDataException e = assertThrows(ImageDataException.class,
                    () -> s.read(new int[] {1, 2, 3}, new int[3]));
            assertTrue(e.getMessage().contains(broken.getFileName().toString()), e.getMessage());
        }
    }
}
