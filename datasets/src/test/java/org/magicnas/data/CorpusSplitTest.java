package org.magicnas.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CorpusSplitTest {

    private static List<String> ids(List<Document> docs) {
        return docs.stream().map(Document::id).toList();
    }

    @Test
    void deterministicDisjointAndComplete() {
        Corpus corpus = Fixtures.syntheticCorpus(100, 1);
        CorpusSplit a = CorpusSplit.of(corpus, 0.1, 0.2, 42);
        CorpusSplit b = CorpusSplit.of(corpus, 0.1, 0.2, 42);
        assertEquals(ids(a.train()), ids(b.train()));
        assertEquals(ids(a.valid()), ids(b.valid()));
        assertEquals(ids(a.test()), ids(b.test()));
        assertEquals(70, a.train().size());
        assertEquals(10, a.valid().size());
        assertEquals(20, a.test().size());
        Set<String> all = new HashSet<>();
        all.addAll(ids(a.train()));
        all.addAll(ids(a.valid()));
        all.addAll(ids(a.test()));
        assertEquals(100, all.size(), "parts overlap or lose documents");
        CorpusSplit c = CorpusSplit.of(corpus, 0.1, 0.2, 43);
        assertNotEquals(ids(a.test()), ids(c.test()), "seed has no effect");
    }

    @Test
    void independentOfInputOrder() {
        Corpus corpus = Fixtures.syntheticCorpus(50, 2);
        List<Document> reversed = new java.util.ArrayList<>(corpus.documents());
        java.util.Collections.reverse(reversed);
        Corpus shuffled = new Corpus() {
            @Override
            public String name() {
                return "reversed";
            }

            @Override
            public List<Document> documents() {
                return reversed;
            }

            @Override
            public String fingerprint() {
                return Fingerprints.of(reversed);
            }
        };
        assertEquals(ids(CorpusSplit.of(corpus, 0.2, 0.2, 7).test()),
                ids(CorpusSplit.of(shuffled, 0.2, 0.2, 7).test()));
    }

    @Test
    void tooSmallCorpusFails() {
        Corpus corpus = Fixtures.syntheticCorpus(4, 3);
        CorpusException e = assertThrows(CorpusException.class,
                () -> CorpusSplit.of(corpus, 0.1, 0.1, 1));
        assertTrue(e.getMessage().contains("corpus too small for the requested split"),
                e.getMessage());
        assertTrue(e.getMessage().contains("4 documents"), e.getMessage());
        assertTrue(e.getMessage().contains("0.1"), e.getMessage());
        CorpusSplit ok = CorpusSplit.of(corpus, 0.0, 0.25, 1);
        assertEquals(0, ok.valid().size());
        assertEquals(1, ok.test().size());
        assertEquals(3, ok.train().size());
    }

    @Test
    void invalidFractionsFail() {
        Corpus corpus = Fixtures.syntheticCorpus(10, 3);
        assertThrows(CorpusException.class, () -> CorpusSplit.of(corpus, 0.5, 0.5, 1));
        assertThrows(CorpusException.class, () -> CorpusSplit.of(corpus, -0.1, 0.5, 1));
    }
}
