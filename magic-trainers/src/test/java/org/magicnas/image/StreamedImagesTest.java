package org.magicnas.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.magicnas.alignment.AlignmentConfig;
import org.magicnas.data.image.ImageFolder;
import org.magicnas.data.image.ImageStream;
import org.magicnas.data.image.ImageTransform;
import org.magicnas.data.tribuo.Split;
import org.magicnas.sampling.SplitMix64;
import org.magicnas.search.EvolutionarySearch;
import org.magicnas.space.ImageLayout;
import org.magicnas.space.OperatorSpec;
import org.magicnas.space.SearchSpace;
import org.magicnas.train.AdamSettings;
import org.magicnas.train.Method;
import org.magicnas.train.StepRecord;
import org.magicnas.train.TrainingConfig;
import org.magicnas.train.TrainingListener;

/** Super-net training on images streamed from files: seeded, independent of threads and prefetching. */
class StreamedImagesTest {
    /** A small RGB space: 16x16 inputs, stem 8/2, one stage of 2 layers of 8 channels, head 16. */
    private static final SearchSpace SPACE = SearchSpace.image("rgb16-test",
            new ImageLayout(3, 16, 8, 2, 8, List.of(new ImageLayout.Stage(8, 2, 1)), 16),
            List.of(OperatorSpec.mb(3, 3), OperatorSpec.mb(5, 3), OperatorSpec.zero()));

    @TempDir
    Path root;

    /** 80 images of 20x20 in two classes: a red or a blue diagonal band on noise. */
    private List<org.magicnas.data.image.ImageEntry> folder() throws IOException {
        SplitMix64 rng = new SplitMix64(4);
        for (int i = 0; i < 80; i++) {
            boolean red = i % 2 == 0;
            BufferedImage image = new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 20; y++) {
                for (int x = 0; x < 20; x++) {
                    int noise = rng.nextInt(60);
                    boolean band = Math.abs(x - y) < 4;
                    int r = band && red ? 220 : noise;
                    int b = band && !red ? 220 : noise;
                    image.setRGB(x, y, (r << 16) | (noise << 8) | b);
                }
            }
            Path dir = Files.createDirectories(root.resolve("train").resolve(red ? "red" : "blue"));
            ImageIO.write(image, "png", dir.resolve(String.format(Locale.ROOT, "%03d.png", i)).toFile());
        }
        return ImageFolder.scan(root, Split.TRAIN).entries();
    }

    private static ImageNasSettings settings(long steps) {
        TrainingConfig sn = new TrainingConfig(Method.SPOS, steps, 1e-2, 2, AdamSettings.paper(), 7, 2, AlignmentConfig.defaults(steps / 4), 0, 1);
        return new ImageNasSettings(sn, TrainingConfig.standAlone(10, 1e-2, 8), 16, new BatchNormPolicy(1, 16), new EvolutionarySearch(4, 1, 2, 0.2),
                0, 0, 0.1f);
    }

    private record Run(List<Double> losses, double validLoss) {}

    /** 8 steps of 16 over 60 training images (3 epochs), scored on 20 held-out images. */
    private static Run train(List<org.magicnas.data.image.ImageEntry> entries, long streamSeed, int threads, int prefetch) throws IOException {
        List<Double> losses = new ArrayList<>();
        try (StreamedImages train = new StreamedImages(new ImageStream(entries.subList(0, 60), ImageTransform.training(18, 16), streamSeed, threads,
                prefetch), 2, 3);
                StreamedImages valid = new StreamedImages(new ImageStream(entries.subList(60, 80), ImageTransform.evaluation(18, 16), 0, threads,
                        prefetch), 2, 3);
                NDManager m = NDManager.newBaseManager()) {
            ImageNas nas = new ImageNas(SPACE, train, valid, settings(8), m);
            var net = nas.trainSuperNet(new TrainingListener() {
                @Override
                public void onStep(StepRecord r) {
                    losses.add(r.predictionLoss());
                }
            }, null);
            var child = new org.magicnas.space.Architecture(SPACE, new int[] {0, 1});
            return new Run(losses, nas.objective(7).score(net, child, valid, m).loss());
        }
    }

    @Test
    void sameSeedSameBatchesWhateverTheThreadsAndPrefetching() throws IOException {
        List<org.magicnas.data.image.ImageEntry> entries = folder();
        Run a = train(entries, 42, 3, 2);
        Run b = train(entries, 42, 1, 0);
        assertEquals(8, a.losses().size());
        assertEquals(a, b);
        // (that the stream's seed changes the crops and flips is ImageStreamTest's)
        assertTrue(Double.isFinite(a.validLoss()));
    }

    @Test
    void streamedImagesMatchTheTransformAndLoadIntoMemory() throws IOException {
        List<org.magicnas.data.image.ImageEntry> entries = folder();
        try (StreamedImages s = new StreamedImages(new ImageStream(entries, ImageTransform.evaluation(18, 16), 0, 2, 1), 2, 3)) {
            assertEquals(80, s.size());
            assertEquals(3, s.channels());
            assertEquals(16, s.side());
            ImageData inMemory = s.load();
            int[] some = {5, 0, 79};
            assertArrayEquals(inMemory.pixels(some, new int[3]), s.pixels(some, new int[3]));
            assertArrayEquals(new int[] {entries.get(5).classIndex(), entries.get(0).classIndex(), entries.get(79).classIndex()},
                    s.labelsOf(some));
            // statistics from the whole set (80 < the sample size) equal the in-memory ones
            assertArrayEquals(inMemory.statistics().mean(), s.statistics().mean());
            assertArrayEquals(inMemory.statistics().std(), s.statistics().std());
        }
    }
}
