package org.magicnas.evaluation.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngFilesTest {

    @TempDir
    Path dir;

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void writeCreatesParentsReplacesAndLeavesNoTemporaryFile() throws IOException {
        Path png = dir.resolve("sub/chart.png");
        BufferedImage small = new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB);
        PngFiles.write(small, png);
        BufferedImage big = new BufferedImage(50, 40, BufferedImage.TYPE_INT_RGB);
        big.setRGB(3, 4, 0xFF0000);
        PngFiles.write(big, png);
        assertEquals(List.of(png), list(png.getParent()));
        BufferedImage read = ImageIO.read(png.toFile());
        assertEquals(50, read.getWidth());
        assertEquals(40, read.getHeight());
        assertEquals(0xFF0000, read.getRGB(3, 4) & 0xFFFFFF);
        assertArrayEquals(PngFiles.encode(big), Files.readAllBytes(png));
    }

    @Test
    void failedWriteLeavesNothingBehind() throws IOException {
        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "not a directory");
        BufferedImage img = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
        assertThrows(IOException.class, () -> PngFiles.write(img, blocker.resolve("x.png")));
        assertEquals(List.of(blocker), list(dir));
    }

    @Test
    void directoryTargetIsRejected() {
        BufferedImage img = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PngFiles.write(img, dir));
        assertEquals("PNG path is a directory: " + dir, e.getMessage());
    }
}
