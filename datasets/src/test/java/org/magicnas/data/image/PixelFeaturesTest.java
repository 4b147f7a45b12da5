package org.magicnas.data.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

class PixelFeaturesTest {

    @Test
    void namesAreZeroPaddedPositions() {
        assertEquals("px000000", PixelFeatures.name(0));
        assertEquals("px000783", PixelFeatures.name(783));
        assertEquals("px150527", PixelFeatures.name(150_527));
        assertEquals("px999999", PixelFeatures.name(999_999));
        assertThrows(IllegalArgumentException.class, () -> PixelFeatures.name(1_000_000));
        assertThrows(IllegalArgumentException.class, () -> PixelFeatures.name(-1));
        String[] names = PixelFeatures.names(2000);
        String[] sorted = names.clone();
        Arrays.sort(sorted);
        assertArrayEquals(names, sorted);
        for (int i = 0; i < names.length; i++) {
            assertEquals(i, PixelFeatures.indexOf(names[i]));
        }
        assertEquals(-1, PixelFeatures.indexOf("px12345"));
        assertEquals(-1, PixelFeatures.indexOf("py000001"));
        assertEquals(-1, PixelFeatures.indexOf("px00000x"));
    }

    @Test
    void encodeKeepsZerosAndDecodeInvertsIt() {
        float[] values = {0f, 0.5f, 0f, 1f, 0.25f, 0f};
        Example<Label> example = PixelFeatures.encode(new Label("a"),
                PixelFeatures.names(values.length), values);
        assertEquals(values.length, example.size());
        List<String> names = new ArrayList<>();
        for (Feature f : example) {
            names.add(f.getName());
        }
        assertEquals(Arrays.asList(PixelFeatures.names(values.length)), names);
        assertArrayEquals(values, PixelFeatures.decode(example, values.length));
    }

    @Test
    void decodeReadsByNameIgnoresOthersAndZeroFillsGaps() {
        ArrayExample<Label> example = new ArrayExample<>(new Label("a"),
                new String[] {"other", PixelFeatures.name(4), PixelFeatures.name(1)},
                new double[] {7.0, 0.75, 0.5});
        assertArrayEquals(new float[] {0f, 0.5f, 0f, 0f, 0.75f},
                PixelFeatures.decode(example, 5));
        assertThrows(IllegalArgumentException.class, () -> PixelFeatures.decode(example, 4));
        assertThrows(IllegalArgumentException.class,
                () -> PixelFeatures.encode(new Label("a"), PixelFeatures.names(2), new float[3]));
    }
}
