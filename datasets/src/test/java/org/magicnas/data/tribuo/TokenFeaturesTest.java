package org.magicnas.data.tribuo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.impl.ListExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.test.Helpers;

class TokenFeaturesTest {

    private static final Label YES = new Label("1");

    private static int[] range(int from, int count) {
        int[] ids = new int[count];
        for (int i = 0; i < count; i++) {
            ids[i] = from + i;
        }
        return ids;
    }

    private static int[] padded(int[] ids, int length) {
        return Arrays.copyOf(ids, length);
    }

    @Test
    void singleIsClsTextSep() {
        int[][] f = TokenFeatures.single(new int[] {10, 11, 12}, 8);
        assertArrayEquals(new int[] {2, 10, 11, 12, 3}, f[0]);
        assertArrayEquals(new int[5], f[1]);
    }

    @Test
    void singleKeepsTheFirstMaxLengthMinusTwoIds() {
        int[][] f = TokenFeatures.single(range(10, 20), 8);
        assertArrayEquals(new int[] {2, 10, 11, 12, 13, 14, 15, 3}, f[0]);
    }

    @Test
    void pairMarksSecondSegmentIncludingItsSep() {
        int[][] f = TokenFeatures.pair(new int[] {10, 11}, new int[] {20, 21, 22}, 16);
        assertArrayEquals(new int[] {2, 10, 11, 3, 20, 21, 22, 3}, f[0]);
        assertArrayEquals(new int[] {0, 0, 0, 0, 1, 1, 1, 1}, f[1]);
    }

    @Test
    void pairTruncatesTheLongerSentenceFirstLikeBert() {
        // budget 10 - 3 = 7: a 10 -> 4 (ties then trim b), b 4 -> 3
        int[][] f = TokenFeatures.pair(range(10, 10), range(30, 4), 10);
        assertArrayEquals(new int[] {2, 10, 11, 12, 13, 3, 30, 31, 32, 3}, f[0]);
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 1, 1, 1, 1}, f[1]);
        // budget 4 from (3, 3): b, then a, gives (2, 2)
        int[][] g = TokenFeatures.pair(range(10, 3), range(30, 3), 7);
        assertArrayEquals(new int[] {2, 10, 11, 3, 30, 31, 3}, g[0]);
        // a short first sentence is kept whole
        int[][] h = TokenFeatures.pair(range(10, 1), range(30, 50), 8);
        assertArrayEquals(new int[] {2, 10, 3, 30, 31, 32, 33, 3}, h[0]);
    }

    @Test
    void featureNamesAndValues() {
        int[][] f = TokenFeatures.pair(new int[] {10}, new int[] {20}, 8);
        ArrayExample<Label> e = TokenFeatures.toExample(YES, f[0], f[1]);
        assertEquals(5 + 2, e.size(), "one t per position, one s per second-segment position");
        assertEquals(2.0, e.lookup("t000").getValue());
        assertEquals(20.0, e.lookup("t003").getValue());
        assertEquals(3.0, e.lookup("t004").getValue());
        assertEquals(1.0, e.lookup("s003").getValue());
        assertEquals(1.0, e.lookup("s004").getValue());
        assertNull(e.lookup("s002"), "first segment has no segment feature");
        assertNull(e.lookup("t005"), "padding has no feature");
        assertEquals("t042", TokenFeatures.tokenName(42));
        assertEquals("s999", TokenFeatures.segmentName(999));
        assertThrows(IllegalArgumentException.class, () -> TokenFeatures.tokenName(1000));
    }

    @Test
    void decodeRoundTripsSinglesAndPairsWithPadding() {
        int[][] single = TokenFeatures.single(range(10, 5), 16);
        int[][] decoded = TokenFeatures.decode(TokenFeatures.toExample(YES, single[0], single[1]), 16);
        assertArrayEquals(padded(single[0], 16), decoded[0]);
        assertArrayEquals(new int[16], decoded[1]);

        int[][] pair = TokenFeatures.pair(range(10, 4), range(40, 6), 12);
        decoded = TokenFeatures.decode(TokenFeatures.toExample(YES, pair[0], pair[1]), 12);
        assertArrayEquals(pair[0], decoded[0]);
        assertArrayEquals(pair[1], decoded[1]);
    }

    @Test
    void decodeIgnoresUnknownNamesAndFailsOnOutOfRangePositions() {
        int[][] f = TokenFeatures.single(range(10, 8), 10);
        ArrayExample<Label> e = TokenFeatures.toExample(YES, f[0], f[1]);
        e.add(new Feature("bias", 1.0));
        e.add(new Feature("tfidf", 7.5));
        e.add(new Feature("t01x", 3.0));
        e.add(new Feature("S001", 3.0));
        assertArrayEquals(padded(f[0], 12), TokenFeatures.decode(e, 12)[0]);

        IllegalArgumentException tooLong =
                assertThrows(IllegalArgumentException.class, () -> TokenFeatures.decode(e, 8));
        assertTrue(tooLong.getMessage().contains("t008") && tooLong.getMessage().contains("8"),
                tooLong.getMessage());
    }

    @Test
    void decodeRejectsInconsistentFeatures() {
        Example<Label> fractional = new ArrayExample<>(YES, new String[] {"t000", "t001"},
                new double[] {2, 10.5});
        assertThrows(IllegalArgumentException.class, () -> TokenFeatures.decode(fractional, 4));
        Example<Label> gap = new ArrayExample<>(YES, new String[] {"t000", "t002"},
                new double[] {2, 3});
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> TokenFeatures.decode(gap, 4));
        assertTrue(e.getMessage().contains("t001"), e.getMessage());
        Example<Label> orphan = new ArrayExample<>(YES, new String[] {"t000", "s003"},
                new double[] {2, 1});
        assertThrows(IllegalArgumentException.class, () -> TokenFeatures.decode(orphan, 4));
        Example<Label> badSegment = new ArrayExample<>(YES, new String[] {"t000", "s000"},
                new double[] {2, 2});
        assertThrows(IllegalArgumentException.class, () -> TokenFeatures.decode(badSegment, 4));
    }

    @Test
    void featuresSurviveMutableDatasetWhateverTheFeatureIds() {
        Random random = new Random(3);
        int maxLength = 24;
        List<int[][]> expected = new ArrayList<>();
        MutableDataset<Label> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance("token features", new LabelFactory()),
                new LabelFactory());
        for (int n = 0; n < 30; n++) {
            int[] a = range(5 + random.nextInt(50), 1 + random.nextInt(12));
            int[][] f = n % 2 == 0
                    ? TokenFeatures.single(a, maxLength)
                    : TokenFeatures.pair(a, range(100 + random.nextInt(50),
                            1 + random.nextInt(20)), maxLength);
            // Add the features in a random order: order must not matter.
            List<Feature> features = new ArrayList<>();
            TokenFeatures.toExample(YES, f[0], f[1]).forEach(features::add);
            Collections.shuffle(features, random);
            ListExample<Label> example = new ListExample<>(new Label(n % 3 == 0 ? "0" : "1"));
            example.addAll(features);
            dataset.add(example);
            expected.add(new int[][] {padded(f[0], maxLength), padded(f[1], maxLength)});
        }
        // Feature ids follow sorted names over all observed features (s... before t...), so
        // a token's id is not its position.
        assertNotEquals(0, dataset.getFeatureIDMap().getID("t000"));
        Dataset<Label> copy = Helpers.testDatasetSerialization(dataset);
        for (Dataset<Label> d : List.of(dataset, copy)) {
            for (int i = 0; i < d.size(); i++) {
                int[][] decoded = TokenFeatures.decode(d.getExample(i), maxLength);
                assertArrayEquals(expected.get(i)[0], decoded[0], "ids of example " + i);
                assertArrayEquals(expected.get(i)[1], decoded[1], "segments of example " + i);
            }
        }
    }

    @Test
    void rejectsBadLengthsAndArrays() {
        assertThrows(IllegalArgumentException.class, () -> TokenFeatures.single(new int[1], 4));
        assertThrows(IllegalArgumentException.class,
                () -> TokenFeatures.pair(new int[1], new int[1], 1001));
        assertThrows(IllegalArgumentException.class,
                () -> TokenFeatures.toExample(YES, new int[3], new int[2]));
        assertThrows(IllegalArgumentException.class,
                () -> TokenFeatures.toExample(YES, new int[] {2, 3}, new int[] {0, 2}));
        assertThrows(IllegalArgumentException.class,
                () -> TokenFeatures.decode(new ArrayExample<>(YES), 0));
    }
}
