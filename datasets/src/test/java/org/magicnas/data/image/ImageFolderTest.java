package org.magicnas.data.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.magicnas.data.image.IdxFileTest.assertMessage;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.magicnas.data.tribuo.Split;

class ImageFolderTest {

    @TempDir Path root;

    @Test
    void listsSortedClassesAndImagesAndIgnoresOtherFiles() {
        ImageFixtures.twoClassFolder(root);
        ImageFixtures.write(root.resolve("train/cat/README.txt"), new byte[] {1});
        ImageFixtures.png(root.resolve("train/cat/.hidden.png"), ImageFixtures.random(8, 8, 0));
        ImageFolder folder = ImageFolder.scan(root, Split.TRAIN);
        assertEquals(List.of("cat", "dog"), folder.classes());
        assertEquals(4, folder.size());
        assertEquals(List.of(
                new ImageEntry(root.resolve("train/cat/a.PNG"), 0),
                new ImageEntry(root.resolve("train/cat/b.png"), 0),
                new ImageEntry(root.resolve("train/dog/a.PNG"), 1),
                new ImageEntry(root.resolve("train/dog/b.png"), 1)), folder.entries());
        BufferedImage image = folder.read(3);
        assertEquals(8, image.getWidth());
        assertEquals(ImageFixtures.random(8, 8, 1).getRGB(5, 6) & 0xFFFFFF,
                image.getRGB(5, 6) & 0xFFFFFF);
    }

    @Test
    void valUsesTrainClassesAndRejectsUnknownOnes() {
        ImageFixtures.twoClassFolder(root);
        ImageFixtures.png(root.resolve("val/dog/x.jpeg.png"), ImageFixtures.random(8, 8, 9));
        ImageFolder val = ImageFolder.scan(root, Split.TEST);
        assertEquals(List.of("cat", "dog"), val.classes());
        assertEquals(List.of(new ImageEntry(root.resolve("val/dog/x.jpeg.png"), 1)),
                val.entries());

        ImageFixtures.png(root.resolve("val/bird/y.png"), ImageFixtures.random(8, 8, 9));
        assertMessage(() -> ImageFolder.scan(root, Split.TEST), root.resolve("val/bird").toString(),
                "is absent from", "expected val/ classes to be among train/'s 2 classes");
        assertMessage(() -> ImageFolder.scan(root, Split.DEV), "no DEV split");
    }

    @Test
    void layoutProblemsNameTheDirectory() throws IOException {
        assertMessage(() -> ImageFolder.scan(root, Split.TRAIN), root.resolve("train").toString(),
                "does not exist");
        Files.createDirectories(root.resolve("train"));
        assertMessage(() -> ImageFolder.scan(root, Split.TRAIN), root.resolve("train").toString(),
                "has no class subdirectories");
        Files.createDirectories(root.resolve("train/cat"));
        assertMessage(() -> ImageFolder.scan(root, Split.TRAIN), root.resolve("train").toString(),
                "holds no images");
        ImageFixtures.png(root.resolve("train/cat/a.png"), ImageFixtures.random(8, 8, 1));
        assertMessage(() -> ImageFolder.scan(root, Split.TEST), root.resolve("val").toString(),
                "does not exist");
    }

    @Test
    void undecodableImagesNameTheFile() throws IOException {
        ImageFixtures.twoClassFolder(root);
        Path garbage = ImageFixtures.write(root.resolve("train/cat/c.jpg"),
                "not an image".getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(ImageFixtures.random(32, 32, 5), "png", png);
        byte[] bytes = png.toByteArray();
        Path cut = ImageFixtures.write(root.resolve("train/cat/d.png"),
                Arrays.copyOf(bytes, bytes.length / 2));
        ImageFolder folder = ImageFolder.scan(root, Split.TRAIN);
        assertEquals(garbage, folder.entries().get(2).file());
        assertMessage(() -> folder.read(2), garbage.toString(), "cannot decode image",
                "expected JPEG or PNG");
        assertEquals(cut, folder.entries().get(3).file());
        assertMessage(() -> folder.read(3), cut.toString(), "cannot decode image");
    }

    @Test
    void greyImagesKeepTheirStoredValues() {
        BufferedImage grey = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                grey.getRaster().setSample(x, y, 0, 128);
            }
        }
        Path file = ImageFixtures.png(root.resolve("grey.png"), grey);
        float[] out = ImageTransform.evaluation(4, 4).apply(ImageFolder.decode(file), 0, 0, 0);
        for (float v : out) {
            assertEquals(128 / 255f, v);
        }
    }

    @Test
    void listingHashIsStableAndSeesNewFiles() {
        ImageFixtures.twoClassFolder(root);
        String first = ImageFolder.scan(root, Split.TRAIN).listingSha256();
        assertEquals(first, ImageFolder.scan(root, Split.TRAIN).listingSha256());
        ImageFixtures.png(root.resolve("train/dog/c.png"), ImageFixtures.random(8, 8, 11));
        assertNotEquals(first, ImageFolder.scan(root, Split.TRAIN).listingSha256());
    }
}
