package org.magicnas.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.magicnas.data.image.ImageFolderDataSource;
import org.magicnas.data.image.ImageTransform;
import org.magicnas.data.tribuo.Split;
import org.magicnas.evaluation.TopKLabelEvaluator;
import org.magicnas.sampling.SplitMix64;
import org.magicnas.train.Method;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;

/** The paper's ImageNet space end to end through Tribuo, at 224 x 224, on a tiny folder in the ImageNet layout. */
@Tag("slow")
class ImageNetLayoutSearchTest {

    private static void folder(Path root, String split, int perClass, long seed) throws IOException {
        SplitMix64 rng = new SplitMix64(seed);
        for (String cls : List.of("n01440764", "n01443537")) {
            Path dir = Files.createDirectories(root.resolve(split).resolve(cls));
            for (int i = 0; i < perClass; i++) {
                BufferedImage img = new BufferedImage(48, 40, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < 40; y++) {
                    for (int x = 0; x < 48; x++) {
                        int noise = rng.nextInt(60);
                        img.setRGB(x, y, cls.endsWith("64") ? (180 + noise) << 16 | noise << 8 : noise << 16 | (180 + noise));
                    }
                }
                ImageIO.write(img, "png", dir.resolve(i + ".JPEG.png").toFile());
            }
        }
    }

    @Test
    void mobilenetSpaceSearchesAndPredictsAt224(@TempDir Path root) throws IOException {
        folder(root, "train", 6, 1);
        folder(root, "val", 2, 2);
        MutableDataset<Label> train = new MutableDataset<>(new ImageFolderDataSource(root, Split.TRAIN, ImageTransform.training(256, 224), 3, 0, 0));
        MutableDataset<Label> val = new MutableDataset<>(new ImageFolderDataSource(root, Split.TEST, ImageTransform.evaluation(256, 224), 3, 0, 0));
        MagicImageSearchTrainer trainer = new MagicImageSearchTrainer(Method.MAGIC_AT, "mobilenet", 2, 2, 1).withSearch(2, 0, 0, 0)
                .withTraining(4, 1e-3, 1);
        try (MagicImageModel model = trainer.train(train)) {
            assertEquals("mobilenet", model.architecture().space().name());
            assertEquals(21, model.architecture().space().layers());
            List<Prediction<Label>> predictions = model.predict(val);
            assertEquals(4, predictions.size());
            for (Prediction<Label> p : predictions) {
                double sum = p.getOutputScores().values().stream().mapToDouble(Label::getScore).sum();
                assertEquals(1.0, sum, 1e-5);
            }
            long wrong = predictions.stream().filter(p -> !p.getOutput().getLabel().equals(p.getExample().getOutput().getLabel())).count();
            assertEquals(wrong / 4.0, new TopKLabelEvaluator(1).evaluate(model, val).error(1), 1e-12, "top-1 error is the share of wrong labels");
            String space = ((StringProvenance) model.getProvenance().getInstanceProvenance().getMap().get("space")).getValue();
            assertTrue(space.startsWith("mobilenet (3x224 stem 32/2"), space);
        }
    }
}
