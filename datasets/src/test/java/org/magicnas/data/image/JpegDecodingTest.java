package org.magicnas.data.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JPEGs that the JDK's own reader cannot decode are read through the TwelveMonkeys plugin, which
 * ImageIO finds in its service registry (the plugin is a run-time dependency only).
 */
class JpegDecodingTest {

    @TempDir
    Path dir;

    @Test
    void theRegistryPrefersThePluginForJpeg() {
        ImageReader first = ImageIO.getImageReadersByFormatName("jpeg").next();
        assertTrue(first.getClass().getName().startsWith("com.twelvemonkeys."),
                "first JPEG reader: " + first.getClass().getName());
    }

    @Test
    void losslessJpegRejectedByTheJdkIsDecodedExactly() {
        int w = 16;
        int h = 12;
        int[][] rgb = new int[3][w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                rgb[0][i] = x < w / 2 ? 200 : 10;
                rgb[1][i] = x < w / 2 ? 30 : 220;
                rgb[2][i] = 20 * y + x;
            }
        }
        byte[] bytes = JpegFixtures.lossless(w, h, rgb);
        IIOException jdk = assertThrows(IIOException.class,
                () -> JpegFixtures.readWithJdkOnly(bytes));
        assertTrue(jdk.getMessage().contains("0xc3"), jdk.getMessage());

        Path file = ImageFixtures.write(dir.resolve("lossless.jpg"), bytes);
        BufferedImage image = ImageFolder.decode(file);
        assertEquals(w, image.getWidth());
        assertEquals(h, image.getHeight());
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                assertEquals(ImageFixtures.rgb(rgb[0][i], rgb[1][i], rgb[2][i]),
                        image.getRGB(x, y) & 0xFFFFFF, "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void adobeCmykJpegIsDecodedWithItsColours() {
        Path file = ImageFixtures.write(dir.resolve("cmyk.jpg"), JpegFixtures.adobeCmyk(16, 16));
        BufferedImage image = ImageFolder.decode(file);
        assertEquals(16, image.getWidth());
        // red ink on the left, green ink on the right, away from the 8x8 block edge at x = 8
        for (int y = 0; y < 16; y++) {
            assertNear(new int[] {255, 0, 0}, image.getRGB(2, y), "left, row " + y);
            assertNear(new int[] {0, 255, 0}, image.getRGB(13, y), "right, row " + y);
        }
        // the transform turns it into RGB floats like any other image
        float[] chw = ImageTransform.evaluation(16, 16).apply(image, 0, 0, 0);
        assertTrue(chw[2] > 0.85f && chw[256 + 2] < 0.15f && chw[512 + 2] < 0.15f);
    }

    private static void assertNear(int[] expected, int argb, String where) {
        int[] got = {(argb >>> 16) & 0xFF, (argb >>> 8) & 0xFF, argb & 0xFF};
        for (int c = 0; c < 3; c++) {
            assertTrue(Math.abs(got[c] - expected[c]) <= 40, where + ": expected about "
                    + java.util.Arrays.toString(expected) + ", got "
                    + java.util.Arrays.toString(got));
        }
    }
}
