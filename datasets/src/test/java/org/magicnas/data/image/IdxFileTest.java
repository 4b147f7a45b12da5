package org.magicnas.data.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class IdxFileTest {

    static final byte[] PIXELS = {0, 1, 2, (byte) 127, (byte) 128, (byte) 200, (byte) 255, 7,
        9, 10, 11, 12, 0, 0, (byte) 254, 3, 4, 5, 6, 8, 13, 14, 15, 16};

    @TempDir Path dir;

    static void assertMessage(Executable action, String... parts) {
        ImageDataException e = assertThrows(ImageDataException.class, action);
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' not in: " + e.getMessage());
        }
    }

    @Test
    void readsRawImagesExactly() {
        Path file = ImageFixtures.writeIdx(dir.resolve("images"), new int[] {3, 2, 4}, PIXELS,
                false);
        IdxFile idx = IdxFile.read(file);
        assertArrayEquals(new int[] {3, 2, 4}, idx.dimensions());
        assertArrayEquals(PIXELS, idx.data());
        GreyImages images = idx.images();
        assertEquals(3, images.count());
        assertEquals(2, images.rows());
        assertEquals(4, images.cols());
        assertEquals(255, images.pixel(0, 1, 2));
        assertEquals(128, images.pixel(0, 1, 0));
        assertEquals(254, images.pixel(1, 1, 2));
        assertEquals(16, images.pixel(2, 1, 3));
        assertArrayEquals(Arrays.copyOfRange(PIXELS, 8, 16), images.image(1));
        float[] unit = images.unitFloats(0);
        assertEquals(0f, unit[0]);
        assertEquals(1f, unit[6]);
        assertEquals(200 / 255f, unit[5]);
    }

    @Test
    void gzipIsDetectedByContentNotName() {
        Path gzNamedPlain = ImageFixtures.writeIdx(dir.resolve("images.idx"),
                new int[] {3, 2, 4}, PIXELS, true);
        Path plainNamedGz = ImageFixtures.writeIdx(dir.resolve("images.gz"),
                new int[] {3, 2, 4}, PIXELS, false);
        assertArrayEquals(PIXELS, IdxFile.read(gzNamedPlain).data());
        assertArrayEquals(PIXELS, IdxFile.read(plainNamedGz).data());
    }

    @Test
    void readsLabelsAsUnsignedInts() {
        byte[] labels = {0, 9, 3, (byte) 200};
        for (boolean gz : new boolean[] {false, true}) {
            Path file = ImageFixtures.writeIdx(dir.resolve("labels" + gz), new int[] {4}, labels,
                    gz);
            assertArrayEquals(new int[] {0, 9, 3, 200}, IdxFile.read(file).labels());
        }
    }

    @Test
    void truncatedDataNamesFileAndCounts() {
        byte[] full = ImageFixtures.idx(new int[] {2, 3}, new byte[] {1, 2, 3, 4, 5, 6});
        byte[] cut = Arrays.copyOf(full, full.length - 2);
        Path raw = ImageFixtures.write(dir.resolve("short.idx"), cut);
        assertMessage(() -> IdxFile.read(raw), "short.idx", "truncated", "dimensions 2x3",
                "promises 6 data bytes", "12-byte header", "found only 4");
        Path gz = ImageFixtures.write(dir.resolve("short-gz.idx"), ImageFixtures.gzip(cut));
        assertMessage(() -> IdxFile.read(gz), "short-gz.idx (gzip-decompressed)",
                "promises 6 data bytes", "found only 4");
    }

    @Test
    void cutGzipStreamNamesFile() {
        byte[] gz = ImageFixtures.gzip(ImageFixtures.idx(new int[] {3, 2, 4}, PIXELS));
        Path file = ImageFixtures.write(dir.resolve("cut.gz"), Arrays.copyOf(gz, gz.length - 12));
        assertMessage(() -> IdxFile.read(file), "cut.gz", "damaged or truncated gzip stream");
    }

    @Test
    void trailingBytesAreRejected() {
        byte[] full = ImageFixtures.idx(new int[] {2}, new byte[] {1, 2});
        byte[] longer = Arrays.copyOf(full, full.length + 3);
        Path file = ImageFixtures.write(dir.resolve("long.idx"), longer);
        assertMessage(() -> IdxFile.read(file), "long.idx", "3 trailing bytes at offset 10",
                "promises exactly 2 data bytes");
    }

    @Test
    void wrongMagicAndTypeAreRejected() {
        byte[] bytes = ImageFixtures.idx(new int[] {2}, new byte[] {1, 2});
        bytes[0] = 0x12;
        bytes[1] = 0x34;
        Path magic = ImageFixtures.write(dir.resolve("magic.idx"), bytes);
        assertMessage(() -> IdxFile.read(magic), "magic.idx", "not an IDX file",
                "bytes 0-1 are 0x12 0x34, expected 0x00 0x00");

        byte[] floats = ImageFixtures.idx(new int[] {2}, new byte[] {1, 2});
        floats[2] = 0x0D;
        Path type = ImageFixtures.write(dir.resolve("float.idx"), floats);
        assertMessage(() -> IdxFile.read(type), "float.idx", "data type 0x0D (32-bit float)",
                "expected 0x08 (unsigned byte)");
    }

    @Test
    void shortHeaderMissingFileAndWrongRankAreRejected() {
        Path tiny = ImageFixtures.write(dir.resolve("tiny.idx"), new byte[] {0, 0, 8});
        assertMessage(() -> IdxFile.read(tiny), "tiny.idx", "ends at offset 3 inside its header");
        Path dims = ImageFixtures.write(dir.resolve("dims.idx"),
                new byte[] {0, 0, 8, 3, 0, 0, 0, 1});
        assertMessage(() -> IdxFile.read(dims), "dims.idx", "3 dimension sizes");
        assertMessage(() -> IdxFile.read(dir.resolve("absent.idx")), "absent.idx",
                "does not exist");

        Path labels = ImageFixtures.writeIdx(dir.resolve("labels.idx"), new int[] {2},
                new byte[] {1, 2}, false);
        assertMessage(() -> IdxFile.read(labels).images(), "labels.idx", "has 1 dimensions (2)",
                "expected 3");
        Path images = ImageFixtures.writeIdx(dir.resolve("images.idx"), new int[] {3, 2, 4},
                PIXELS, false);
        assertMessage(() -> IdxFile.read(images).labels(), "images.idx", "expected 1");
    }
}
