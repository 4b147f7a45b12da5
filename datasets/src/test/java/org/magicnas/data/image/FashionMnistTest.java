package org.magicnas.data.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.magicnas.data.image.IdxFileTest.assertMessage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.magicnas.data.tribuo.Split;

class FashionMnistTest {

    @TempDir Path dir;

    @Test
    void loadsBothSplitsFromRawAndGzippedNames() {
        byte[] train = ImageFixtures.fashionPixels(3, 1);
        byte[] test = ImageFixtures.fashionPixels(2, 2);
        ImageFixtures.fashionMnist(dir, train, new byte[] {9, 0, 3}, test, new byte[] {7, 8});

        FashionMnist training = FashionMnist.load(dir, Split.TRAIN);
        assertEquals(dir.resolve(FashionMnist.TRAIN_IMAGES), training.imagesFile());
        assertEquals(dir.resolve(FashionMnist.TRAIN_LABELS + ".gz"), training.labelsFile());
        assertEquals(3, training.size());
        assertArrayEquals(new int[] {9, 0, 3}, training.labels());
        assertEquals("Ankle boot", training.className(0));
        assertEquals("T-shirt/top", training.className(1));
        assertEquals("Dress", training.className(2));
        assertArrayEquals(Arrays.copyOfRange(train, 784, 2 * 784), training.images().image(1));

        FashionMnist testing = FashionMnist.load(dir, Split.TEST);
        assertEquals(dir.resolve(FashionMnist.TEST_IMAGES + ".gz"), testing.imagesFile());
        assertEquals(2, testing.size());
        assertEquals("Sneaker", testing.className(0));
        assertEquals("Bag", testing.className(1));
        assertEquals(test[785] & 0xFF, testing.images().pixel(1, 0, 1));
    }

    @Test
    void classNamesAreTheTenFashionMnistClasses() {
        assertEquals(10, FashionMnist.CLASS_NAMES.size());
        assertEquals("T-shirt/top", FashionMnist.CLASS_NAMES.get(0));
        assertEquals("Trouser", FashionMnist.CLASS_NAMES.get(1));
        assertEquals("Sandal", FashionMnist.CLASS_NAMES.get(5));
        assertEquals("Ankle boot", FashionMnist.CLASS_NAMES.get(9));
    }

    @Test
    void countMismatchNamesBothFilesAndCounts() {
        ImageFixtures.fashionMnist(dir, ImageFixtures.fashionPixels(3, 1), new byte[] {1, 2},
                ImageFixtures.fashionPixels(1, 2), new byte[] {1});
        assertMessage(() -> FashionMnist.load(dir, Split.TRAIN), FashionMnist.TRAIN_IMAGES,
                "holds 3 images", FashionMnist.TRAIN_LABELS + ".gz", "holds 2 labels");
    }

    @Test
    void wrongImageSizeAndLabelRangeAreRejected() {
        ImageFixtures.writeIdx(dir.resolve(FashionMnist.TEST_IMAGES), new int[] {1, 28, 27},
                new byte[28 * 27], false);
        ImageFixtures.writeIdx(dir.resolve(FashionMnist.TEST_LABELS), new int[] {1},
                new byte[] {1}, false);
        assertMessage(() -> FashionMnist.load(dir, Split.TEST), FashionMnist.TEST_IMAGES,
                "holds 28x27 images, expected 28x28");

        ImageFixtures.writeIdx(dir.resolve(FashionMnist.TRAIN_IMAGES), new int[] {2, 28, 28},
                new byte[2 * 784], false);
        ImageFixtures.writeIdx(dir.resolve(FashionMnist.TRAIN_LABELS), new int[] {2},
                new byte[] {1, 10}, false);
        assertMessage(() -> FashionMnist.load(dir, Split.TRAIN), FashionMnist.TRAIN_LABELS,
                "label 10 at index 1", "expected 0..9");
    }

    @Test
    void missingFilesDirectoriesAndDevAreReported() {
        assertMessage(() -> FashionMnist.load(dir, Split.TRAIN), dir.toString(),
                "neither " + FashionMnist.TRAIN_IMAGES + " nor " + FashionMnist.TRAIN_IMAGES
                        + ".gz");
        assertMessage(() -> FashionMnist.load(dir.resolve("nowhere"), Split.TRAIN), "nowhere",
                "does not exist");
        assertMessage(() -> FashionMnist.load(dir, Split.DEV), "no DEV split");
    }

    @Test
    void missingDefaultDirectoryTellsHowToInstall() {
        Assumptions.assumeFalse(Files.isDirectory(Paths.get(FashionMnist.DEFAULT_DIRECTORY)),
                "Fashion-MNIST is installed here");
        assertMessage(() -> FashionMnist.locate(null), FashionMnist.DEFAULT_DIRECTORY,
                "bin/install-fashion-mnist", "pass the directory");
    }

    @Test
    void readsTheInstalledDebianPackageWhenPresent() {
        Assumptions.assumeTrue(Files.isDirectory(Paths.get(FashionMnist.DEFAULT_DIRECTORY)),
                "Fashion-MNIST is not installed; bin/install-fashion-mnist installs it");
        FashionMnist train = FashionMnist.load(null, Split.TRAIN);
        FashionMnist test = FashionMnist.load(null, Split.TEST);
        assertEquals(60_000, train.size());
        assertEquals(10_000, test.size());
        int[] perClass = new int[10];
        for (int label : test.labels()) {
            perClass[label]++;
        }
        int[] thousand = new int[10];
        Arrays.fill(thousand, 1000);
        assertArrayEquals(thousand, perClass);
    }
}
