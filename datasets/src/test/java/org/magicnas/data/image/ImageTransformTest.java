package org.magicnas.data.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImageTransformTest {

    static final float EPS = 1e-6f;

    private static float[] mirror(float[] chw, int side) {
        float[] out = new float[chw.length];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    out[(c * side + y) * side + x] = chw[(c * side + y) * side + side - 1 - x];
                }
            }
        }
        return out;
    }

    @Test
    void evaluationTakesTheCentreCropInChwOrder() {
        float[] out = ImageTransform.evaluation(4, 2).apply(ImageFixtures.coded(6, 4), 0, 0, 0);
        float[] expected = {21, 31, 22, 32, 102, 103, 102, 103, 201, 201, 202, 202};
        for (int i = 0; i < expected.length; i++) {
            expected[i] /= 255f;
        }
        assertArrayEquals(expected, out);
    }

    @Test
    void enlargingInterpolatesBilinearlyWithHalfPixelCentres() {
        BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 0, 0xFFFFFF);
        image.setRGB(1, 1, 0xFFFFFF);
        float[] out = ImageTransform.evaluation(4, 4).apply(image, 0, 0, 0);
        float[] row = {0f, 0.25f, 0.75f, 1f};
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 4; x++) {
                    assertEquals(row[x], out[(c * 4 + y) * 4 + x], EPS);
                }
            }
        }
    }

    @Test
    void shrinkingKeepsAUniformImageUniformAndTheAspectRatio() {
        BufferedImage image = new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 20; x++) {
                image.setRGB(x, y, ImageFixtures.rgb(100, 50, 25));
            }
        }
        float[] out = ImageTransform.evaluation(3, 3).apply(image, 0, 0, 0);
        for (int i = 0; i < 9; i++) {
            assertEquals(100 / 255f, out[i], EPS);
            assertEquals(50 / 255f, out[9 + i], EPS);
            assertEquals(25 / 255f, out[18 + i], EPS);
        }
        RgbImage resized = RgbImage.of(image).resizeShorterSide(3);
        assertEquals(6, resized.width());
        assertEquals(3, resized.height());
    }

    @Test
    void normalisationUsesTheGivenStatistics() {
        ImageTransform plain = ImageTransform.evaluation(4, 2);
        ImageTransform imagenet = plain.imagenetNormalized();
        assertArrayEquals(new float[] {0.485f, 0.456f, 0.406f}, imagenet.mean());
        assertArrayEquals(new float[] {0.229f, 0.224f, 0.225f}, imagenet.std());
        BufferedImage image = ImageFixtures.coded(6, 4);
        float[] raw = plain.apply(image, 0, 0, 0);
        float[] normalised = imagenet.apply(image, 0, 0, 0);
        for (int i = 0; i < raw.length; i++) {
            int c = i / 4;
            assertEquals((raw[i] - imagenet.mean()[c]) / imagenet.std()[c], normalised[i], EPS);
        }
        float[] custom = plain.normalized(new float[] {0.5f, 0.5f, 0.5f},
                new float[] {0.5f, 0.5f, 0.5f}).apply(image, 0, 0, 0);
        assertEquals((raw[0] - 0.5f) / 0.5f, custom[0], EPS);
    }

    @Test
    void trainingCropsAreDeterministicPerSeedEpochAndIndex() {
        ImageTransform training = ImageTransform.training(16, 8);
        BufferedImage image = ImageFixtures.random(16, 16, 7);
        assertArrayEquals(training.apply(image, 42, 3, 5), training.apply(image, 42, 3, 5));
        Set<String> perEpoch = new HashSet<>();
        for (int epoch = 0; epoch < 10; epoch++) {
            perEpoch.add(Arrays.toString(training.apply(image, 42, epoch, 5)));
        }
        assertTrue(perEpoch.size() >= 5, perEpoch.size() + " distinct crops in 10 epochs");
        assertFalse(Arrays.equals(training.apply(image, 42, 0, 5),
                training.apply(image, 42, 1, 5)));
        assertFalse(Arrays.equals(training.apply(image, 42, 0, 5),
                training.apply(image, 43, 0, 5)));
    }

    @Test
    void trainingCropsAreWindowsOfTheResizedImage() {
        ImageTransform training = ImageTransform.training(8, 4);
        BufferedImage image = ImageFixtures.coded(8, 8);
        Set<String> positions = new HashSet<>();
        for (int index = 0; index < 50; index++) {
            float[] out = training.apply(image, 1, 0, index);
            boolean flip = out[1] < out[0];
            int corner = Math.round(out[flip ? 3 : 0] * 255);
            int left = corner / 10;
            int top = corner % 10;
            positions.add(top + "," + left);
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 4; x++) {
                    int sx = left + (flip ? 3 - x : x);
                    assertEquals((10 * sx + top + y) / 255f, out[y * 4 + x], EPS);
                    assertEquals((200 + top + y) / 255f, out[32 + y * 4 + x], EPS);
                }
            }
        }
        assertTrue(positions.size() > 5, positions.toString());
    }

    @Test
    void flipsHappenAboutHalfTheTime() {
        ImageTransform training = ImageTransform.training(8, 8);
        BufferedImage image = ImageFixtures.random(8, 8, 3);
        float[] straight = ImageTransform.evaluation(8, 8).apply(image, 0, 0, 0);
        float[] mirrored = mirror(straight, 8);
        int flips = 0;
        for (int index = 0; index < 200; index++) {
            float[] out = training.apply(image, 9, 0, index);
            if (Arrays.equals(out, mirrored)) {
                flips++;
            } else {
                assertArrayEquals(straight, out);
            }
        }
        assertTrue(flips > 60 && flips < 140, flips + " flips in 200");
    }

    @Test
    void invalidOptionsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ImageTransform.evaluation(4, 5));
        assertThrows(IllegalArgumentException.class, () -> ImageTransform.training(0, 0));
        assertThrows(IllegalArgumentException.class, () -> ImageTransform.evaluation(4, 2)
                .normalized(new float[] {0f, 0f, 0f}, new float[] {1f, 0f, 1f}));
        assertThrows(IllegalArgumentException.class, () -> ImageTransform.evaluation(4, 2)
                .normalized(new float[] {0f, 0f}, new float[] {1f, 1f}));
        assertEquals(3 * 224 * 224, ImageTransform.evaluation(256, 224).outputLength());
    }
}
