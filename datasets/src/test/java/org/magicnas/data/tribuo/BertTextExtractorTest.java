package org.magicnas.data.tribuo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import com.oracle.labs.mlrg.olcut.provenance.primitives.FileProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.HashProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.magicnas.data.Fingerprints;
import org.magicnas.data.TextTokenizer;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.test.Helpers;

class BertTextExtractorTest {

    @TempDir static Path temp;
    static Path file;
    static TextTokenizer tokenizer;
    static BertTextExtractor<Label> extractor;

    @BeforeAll
    static void setUp() {
        file = TestTokenizers.write(temp, List.of());
        tokenizer = TextTokenizer.load(file);
        extractor = new BertTextExtractor<>(file, 32);
    }

    @AfterAll
    static void tearDown() {
        extractor.close();
        tokenizer.close();
    }

    @Test
    void singleSentenceIsClsTokensSep() {
        String text = "The county grand jury said Friday.";
        Example<Label> e = extractor.extract(new Label("x"), text);
        int[] expected = TestTokenizers.bert(tokenizer.encode(text));
        int[][] decoded = TokenFeatures.decode(e, 32);
        assertArrayEquals(expected, Arrays.copyOf(decoded[0], expected.length));
        assertEquals(0, Arrays.stream(decoded[1]).sum());
        assertEquals(new Label("x"), e.getOutput());
        assertEquals(expected.length, e.size());
    }

    @Test
    void pairHasSecondSegment() {
        String a = "We have to be careful.";
        String b = "Nobody knows what the committee will decide!";
        int[][] decoded = TokenFeatures.decode(extractor.extractPair(new Label("y"), a, b), 32);
        int[] ta = tokenizer.encode(a);
        int[] tb = tokenizer.encode(b);
        int[] expected = TestTokenizers.bert(ta, tb);
        assertArrayEquals(expected, Arrays.copyOf(decoded[0], expected.length));
        for (int i = 0; i < 32; i++) {
            int segment = i >= ta.length + 2 && i < expected.length ? 1 : 0;
            assertEquals(segment, decoded[1][i], "segment at " + i);
        }
    }

    @Test
    void truncatesToMaxLength() {
        String longText = String.join(" ", TestTokenizers.sampleSentences());
        try (BertTextExtractor<Label> short8 = new BertTextExtractor<>(file, 8)) {
            int[][] decoded = TokenFeatures.decode(short8.extract(new Label("z"), longText), 8);
            int[] ids = tokenizer.encode(longText);
            assertArrayEquals(TestTokenizers.bert(Arrays.copyOf(ids, 6)), decoded[0]);
            Example<Label> pair = short8.extractPair(new Label("z"), longText, "Friday");
            assertEquals(8, TokenFeatures.decode(pair, 8)[0].length);
            assertEquals(3, TokenFeatures.decode(pair, 8)[0][7]);
        }
    }

    @Test
    void literalSpecialTokensInTextBecomeUnk() {
        int[] ids = extractor.encode("the [SEP] jury [PAD] said [CLS]");
        assertEquals(3, Arrays.stream(ids).filter(id -> id == 1).count(), Arrays.toString(ids));
        assertTrue(Arrays.stream(ids).allMatch(id -> id == 1 || id >= 5), Arrays.toString(ids));
    }

    @Test
    void provenanceRecordsPathLengthAndTokenizerHash() {
        BertTextExtractorProvenance provenance =
                (BertTextExtractorProvenance) extractor.getProvenance();
        assertEquals(Fingerprints.sha256Hex(file), provenance.tokenizerSha256());
        assertEquals(Fingerprints.sha256Hex(file),
                ((HashProvenance) provenance.getInstanceValues()
                        .get(BertTextExtractorProvenance.TOKENIZER_HASH)).getValue());
        assertEquals(new IntProvenance("maxLength", 32),
                provenance.getConfiguredParameters().get("maxLength"));
        assertEquals(new FileProvenance("tokenizerPath", file),
                provenance.getConfiguredParameters().get("tokenizerPath"));
        Helpers.testProvenanceMarshalling(provenance);
        Helpers.testConfigurableRoundtrip(extractor);
    }

    @Test
    @SuppressWarnings("unchecked")
    void recreatedFromProvenanceGivesTheSameFeatures() {
        ConfigurationManager cm = new ConfigurationManager();
        cm.addConfiguration(ProvenanceUtil.extractConfiguration(extractor.getProvenance()));
        String name = cm.getComponentNames().iterator().next();
        try (BertTextExtractor<Label> copy = (BertTextExtractor<Label>) cm.lookup(name)) {
            assertEquals(32, copy.maxLength());
            String text = "It recommended that the legislature act.";
            assertEquals(extractor.extract(new Label("a"), text),
                    copy.extract(new Label("a"), text));
        }
    }

    @Test
    void rejectsBadConfiguration() {
        PropertyException tooShort =
                assertThrows(PropertyException.class, () -> new BertTextExtractor<>(file, 4));
        assertTrue(tooShort.getMessage().contains("maxLength"), tooShort.getMessage());
        Path missing = temp.resolve("missing.json");
        PropertyException noFile =
                assertThrows(PropertyException.class, () -> new BertTextExtractor<>(missing, 16));
        assertTrue(noFile.getMessage().contains(missing.toString()), noFile.getMessage());
    }
}
