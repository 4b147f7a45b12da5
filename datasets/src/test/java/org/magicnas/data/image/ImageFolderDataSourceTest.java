package org.magicnas.data.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.magicnas.data.image.IdxFileTest.assertMessage;

import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.magicnas.data.tribuo.Split;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

class ImageFolderDataSourceTest {

    static final int FEATURES = 3 * 4 * 4;

    @TempDir Path root;

    @BeforeEach
    void writeImages() {
        ImageFixtures.twoClassFolder(root);
    }

    static List<Example<Label>> list(Iterable<Example<Label>> source) {
        List<Example<Label>> out = new ArrayList<>();
        source.forEach(out::add);
        return out;
    }

    @Test
    void examplesHoldEveryChwValueByNameWithTheClassLabel() {
        ImageTransform transform = ImageTransform.evaluation(8, 4);
        ImageFolderDataSource source =
                new ImageFolderDataSource(root, Split.TRAIN, transform, 0L, 0, 0);
        assertEquals(List.of("cat", "dog"), source.classes());
        assertEquals(FEATURES, source.featureCount());
        List<Example<Label>> examples = list(source);
        assertEquals(List.of("cat", "cat", "dog", "dog"),
                examples.stream().map(e -> e.getOutput().getLabel()).toList());
        boolean sawZero = false;
        for (int i = 0; i < examples.size(); i++) {
            Example<Label> example = examples.get(i);
            assertEquals(FEATURES, example.size());
            int position = 0;
            for (Feature feature : example) {
                assertEquals(PixelFeatures.name(position++), feature.getName());
                sawZero |= feature.getValue() == 0.0;
            }
            float[] expected = transform.apply(
                    ImageFolder.decode(source.folder().entries().get(i).file()), 0, 0, i);
            assertArrayEquals(expected, PixelFeatures.decode(example, FEATURES));
        }
        assertTrue(sawZero, "the black quarter gives zero-valued features");
        MutableDataset<Label> dataset = new MutableDataset<>(source);
        assertEquals(FEATURES, dataset.getFeatureIDMap().size());
    }

    @Test
    void augmentationIsRepeatablePerEpochAndChangesAcrossEpochs() {
        ImageTransform training = ImageTransform.training(8, 4);
        ImageFolderDataSource epoch0 =
                new ImageFolderDataSource(root, Split.TRAIN, training, 7L, 0, 0);
        assertEquals(list(epoch0), list(epoch0));
        assertEquals(list(epoch0),
                list(new ImageFolderDataSource(root, Split.TRAIN, training, 7L, 0, 0)));
        assertFalse(list(epoch0).equals(
                list(new ImageFolderDataSource(root, Split.TRAIN, training, 7L, 1, 0))));
    }

    @Test
    void limitAndNormalisation() {
        ImageTransform transform = ImageTransform.evaluation(8, 4).imagenetNormalized();
        ImageFolderDataSource source =
                new ImageFolderDataSource(root, Split.TRAIN, transform, 0L, 0, 3);
        List<Example<Label>> examples = list(source);
        assertEquals(3, examples.size());
        float[] expected = transform.apply(source.folder().read(0), 0, 0, 0);
        assertArrayEquals(expected, PixelFeatures.decode(examples.get(0), FEATURES));
        assertTrue(expected[0] < 0f, "black minus the mean is negative");
    }

    @Test
    @SuppressWarnings("unchecked")
    void provenanceRoundTripsAndRecreatesTheSource() {
        for (ImageTransform transform : List.of(ImageTransform.training(8, 4),
                ImageTransform.evaluation(8, 4).imagenetNormalized())) {
            ImageFolderDataSource source =
                    new ImageFolderDataSource(root, Split.TRAIN, transform, 5L, 2, 3);
            ImageFolderDataSourceProvenance provenance =
                    (ImageFolderDataSourceProvenance) source.getProvenance();
            assertEquals(source.folder().listingSha256(), provenance.listingSha256());
            assertEquals(2, provenance.classes());
            assertEquals(3, provenance.examples());
            assertEquals(provenance, ProvenanceUtil.unmarshalProvenance(
                    ProvenanceUtil.marshalProvenance(provenance)));
            ProvenanceChecks.assertConfigurationMatchesProvenance(source, provenance);

            ConfigurationManager cm = new ConfigurationManager();
            cm.addConfiguration(ProvenanceUtil.extractConfiguration(provenance));
            ImageFolderDataSource recreated = null;
            for (String name : cm.getComponentNames()) {
                if (cm.lookup(name) instanceof ImageFolderDataSource s) {
                    recreated = s;
                }
            }
            assertEquals(list(source), list(recreated));
            assertArrayEquals(transform.mean(), recreated.transform().mean());
        }
    }

    @Test
    void corruptImagesAndBadOptionsAreReported() {
        Path bad = ImageFixtures.write(root.resolve("train/cat/c.jpeg"), new byte[] {1, 2, 3});
        ImageFolderDataSource source = new ImageFolderDataSource(root, Split.TRAIN,
                ImageTransform.evaluation(8, 4), 0L, 0, 0);
        assertMessage(() -> list(source), bad.toString(), "cannot decode image");
        assertThrows(PropertyException.class, () -> new ImageFolderDataSource(root, Split.DEV,
                ImageTransform.evaluation(8, 4), 0L, 0, 0));
        assertThrows(PropertyException.class, () -> new ImageFolderDataSource(root, Split.TRAIN,
                ImageTransform.evaluation(8, 4), 0L, 0, -2));
    }
}
