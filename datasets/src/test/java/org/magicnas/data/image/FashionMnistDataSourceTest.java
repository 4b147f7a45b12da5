package org.magicnas.data.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.magicnas.data.Fingerprints;
import org.magicnas.data.tribuo.Split;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.datasource.IDXDataSource;
import org.tribuo.test.Helpers;

class FashionMnistDataSourceTest {

    @TempDir Path dir;
    byte[] pixels;

    @BeforeEach
    void writeFiles() {
        pixels = ImageFixtures.fashionPixels(3, 5);
        ImageFixtures.fashionMnist(dir, pixels, new byte[] {9, 0, 3},
                ImageFixtures.fashionPixels(2, 6), new byte[] {1, 2});
    }

    static List<Example<Label>> list(Iterable<Example<Label>> source) {
        List<Example<Label>> out = new ArrayList<>();
        source.forEach(out::add);
        return out;
    }

    @Test
    void everyPixelIsAFeatureNamedByPosition() {
        FashionMnistDataSource source = new FashionMnistDataSource(dir, Split.TRAIN, 0);
        assertEquals(3, source.size());
        assertEquals(784, source.featureCount());
        List<Example<Label>> examples = list(source);
        assertEquals(List.of("Ankle boot", "T-shirt/top", "Dress"),
                examples.stream().map(e -> e.getOutput().getLabel()).toList());
        for (int i = 0; i < examples.size(); i++) {
            Example<Label> example = examples.get(i);
            assertEquals(784, example.size());
            int position = 0;
            for (Feature feature : example) {
                assertEquals(PixelFeatures.name(position), feature.getName());
                assertEquals((pixels[i * 784 + position] & 0xFF) / 255.0, feature.getValue(),
                        1e-7);
                position++;
            }
            assertEquals(0.0, example.lookup(PixelFeatures.name(0)).getValue());
            float[] expected = new float[784];
            for (int p = 0; p < 784; p++) {
                expected[p] = (pixels[i * 784 + p] & 0xFF) / 255f;
            }
            assertArrayEquals(expected, PixelFeatures.decode(example, 784));
        }
    }

    @Test
    void aPixelThatIsZeroEverywhereStillGetsAFeatureId() throws IOException {
        MutableDataset<Label> ours =
                new MutableDataset<>(new FashionMnistDataSource(dir, Split.TRAIN, 0));
        assertEquals(784, ours.getFeatureIDMap().size());
        assertTrue(ours.getFeatureIDMap().get(PixelFeatures.name(0)) != null);
        MutableDataset<Label> tribuos = new MutableDataset<>(new IDXDataSource<>(
                dir.resolve(FashionMnist.TRAIN_IMAGES),
                dir.resolve(FashionMnist.TRAIN_LABELS + ".gz"), new LabelFactory()));
        assertTrue(tribuos.getFeatureIDMap().size() < 784,
                "Tribuo's IDXDataSource drops all-zero pixels");
    }

    @Test
    void limitKeepsTheFirstImages() {
        FashionMnistDataSource source = new FashionMnistDataSource(dir, Split.TRAIN, 2);
        assertEquals(2, list(source).size());
        assertEquals(2, ((FashionMnistDataSourceProvenance) source.getProvenance()).examples());
        assertEquals(3, new FashionMnistDataSource(dir, Split.TRAIN, 50).size());
        assertEquals(List.of("Trouser", "Pullover"),
                list(new FashionMnistDataSource(dir, Split.TEST, 0)).stream()
                        .map(e -> e.getOutput().getLabel()).toList());
    }

    @Test
    @SuppressWarnings("unchecked")
    void provenanceRecordsTheFilesAndRecreatesTheSource() {
        FashionMnistDataSource source = new FashionMnistDataSource(dir, Split.TRAIN, 2);
        FashionMnistDataSourceProvenance provenance =
                (FashionMnistDataSourceProvenance) source.getProvenance();
        assertEquals(Fingerprints.sha256Hex(dir.resolve(FashionMnist.TRAIN_IMAGES)),
                provenance.imagesSha256());
        assertEquals(Fingerprints.sha256Hex(dir.resolve(FashionMnist.TRAIN_LABELS + ".gz")),
                provenance.labelsSha256());
        Helpers.testProvenanceMarshalling(provenance);
        FashionMnistDataSourceProvenance copy = (FashionMnistDataSourceProvenance) ProvenanceUtil
                .unmarshalProvenance(ProvenanceUtil.marshalProvenance(provenance));
        assertEquals(provenance, copy);
        ProvenanceChecks.assertConfigurationMatchesProvenance(source, provenance);

        ConfigurationManager cm = new ConfigurationManager();
        cm.addConfiguration(ProvenanceUtil.extractConfiguration(provenance));
        FashionMnistDataSource recreated = null;
        for (String name : cm.getComponentNames()) {
            if (cm.lookup(name) instanceof FashionMnistDataSource s) {
                recreated = s;
            }
        }
        assertEquals(list(source), list(recreated));
        assertEquals(provenance.imagesSha256(),
                ((FashionMnistDataSourceProvenance) recreated.getProvenance()).imagesSha256());
    }

    @Test
    void badOptionsAreRejected() {
        assertThrows(PropertyException.class, () -> new FashionMnistDataSource(dir, Split.DEV, 0));
        assertThrows(PropertyException.class,
                () -> new FashionMnistDataSource(dir, Split.TRAIN, -1));
        ImageDataException e = assertThrows(ImageDataException.class,
                () -> new FashionMnistDataSource(dir.resolve("absent"), Split.TRAIN, 0));
        assertTrue(e.getMessage().contains("absent"), e.getMessage());
    }
}
