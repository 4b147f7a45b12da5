package org.magicnas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** {@code pipeline --genre-passages}: the seeded sample of the genre task's passages. */
class PipelineSampleTest {
    private static MutableDataset<Label> passages(int n) {
        MutableDataset<Label> d = new MutableDataset<>(new SimpleDataSourceProvenance("passages", new LabelFactory()), new LabelFactory());
        for (int i = 0; i < n; i++) {
            // The rare genre: only passage 0 has it.
            d.add(new ArrayExample<>(new Label(i == 0 ? "rare" : "g" + (i % 3)), new String[] {"id"}, new double[] {i}));
        }
        return d;
    }

    private static List<Double> ids(Dataset<Label> d) {
        List<Double> ids = new ArrayList<>();
        for (Example<Label> e : d) {
            ids.add(e.lookup("id").getValue());
        }
        return ids;
    }

    @Test
    void aSeededSampleInOrderThatKeepsEveryGenre() {
        MutableDataset<Label> all = passages(100);
        Dataset<Label> a = PipelineUnits.sample(all, 10, 42);
        assertEquals(10, a.size());
        List<Double> ids = ids(a);
        assertEquals(ids.stream().sorted().toList(), ids, "the passages keep their order");
        assertEquals(ids, ids(PipelineUnits.sample(passages(100), 10, 42)), "the same seed gives the same sample");
        assertNotEquals(ids, ids(PipelineUnits.sample(all, 10, 7)), "another seed another sample");
        assertEquals(all.getOutputIDInfo().size(), a.getOutputIDInfo().size(), "the genres of the whole set, sampled or not");
        assertSame(all, PipelineUnits.sample(all, 0, 42));
        assertSame(all, PipelineUnits.sample(all, 100, 42));
    }
}
