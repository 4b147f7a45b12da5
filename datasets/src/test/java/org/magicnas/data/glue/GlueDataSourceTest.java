package org.magicnas.data.glue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.config.Configurable;
import com.oracle.labs.mlrg.olcut.config.ConfigurationData;
import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.magicnas.data.CorpusException;
import org.magicnas.data.Fingerprints;
import org.magicnas.data.TextTokenizer;
import org.magicnas.data.tribuo.BertTextExtractor;
import org.magicnas.data.tribuo.Split;
import org.magicnas.data.tribuo.TestTokenizers;
import org.magicnas.data.tribuo.TokenFeatures;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.DataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.test.Helpers;

class GlueDataSourceTest {

    static final int MAX = 64;

    @TempDir static Path shared;
    static Path tokenizerFile;
    static TextTokenizer tokenizer;
    static BertTextExtractor<Label> labels;
    static BertTextExtractor<Regressor> scores;

    @TempDir Path glue;

    @BeforeAll
    static void setUp() {
        tokenizerFile = TestTokenizers.write(shared, GlueFiles.texts());
        tokenizer = TextTokenizer.load(tokenizerFile);
        labels = new BertTextExtractor<>(tokenizerFile, MAX);
        scores = new BertTextExtractor<>(tokenizerFile, MAX);
    }

    @AfterAll
    static void tearDown() {
        labels.close();
        scores.close();
        tokenizer.close();
    }

    private static List<Example<Label>> list(GlueDataSource<Label> source) {
        List<Example<Label>> out = new ArrayList<>();
        source.forEach(out::add);
        return out;
    }

    private static String meta(Example<?> e, String key) {
        return (String) e.getMetadataValue(key).orElse(null);
    }

    private static int[] ids(Example<?> e) {
        return TokenFeatures.decode(e, MAX)[0];
    }

    private static int[] padded(int[] ids) {
        return Arrays.copyOf(ids, MAX);
    }

    private GlueDataSource<Label> read(GlueTask task, Split split, boolean skip) {
        return GlueDataSource.classification(task, glue, split, labels, skip);
    }

    @Test
    void colaTrainHasNoHeaderAndQuotesAreText() {
        GlueFiles.write(glue, "CoLA/train.tsv", GlueFiles.COLA_TRAIN);
        List<Example<Label>> examples = list(read(GlueTask.COLA, Split.TRAIN, false));
        assertEquals(4, examples.size(), "an unbalanced quote must not merge rows");
        assertEquals(List.of("1", "1", "0", "1"),
                examples.stream().map(e -> e.getOutput().getLabel()).toList());
        assertEquals(List.of("1", "2", "3", "4"),
                examples.stream().map(e -> meta(e, GlueDataSource.METADATA_LINE)).toList());
        assertFalse(examples.get(0).containsMetadata(GlueDataSource.METADATA_INDEX));
        assertArrayEquals(padded(TestTokenizers.bert(tokenizer.encode(GlueFiles.COLA_QUOTE))),
                ids(examples.get(2)));
        assertEquals(0, Arrays.stream(TokenFeatures.decode(examples.get(2), MAX)[1]).sum());
    }

    @Test
    void testFilesHaveUnknownOutputsAndKeepTheIndex() {
        GlueFiles.write(glue, "CoLA/test.tsv", GlueFiles.COLA_TEST);
        List<Example<Label>> examples = list(read(GlueTask.COLA, Split.TEST, false));
        assertEquals(2, examples.size());
        for (Example<Label> e : examples) {
            assertEquals(LabelFactory.UNKNOWN_LABEL, e.getOutput());
        }
        assertEquals("1", meta(examples.get(1), GlueDataSource.METADATA_INDEX));
        assertEquals("3", meta(examples.get(1), GlueDataSource.METADATA_LINE));
        assertArrayEquals(padded(TestTokenizers.bert(
                tokenizer.encode("The car honked its way down the road."))), ids(examples.get(1)));

        GlueFiles.write(glue, "QQP/test.tsv", GlueFiles.QQP_TEST);
        List<Example<Label>> qqp = list(read(GlueTask.QQP, Split.TEST, false));
        assertEquals(List.of("0", "1"),
                qqp.stream().map(e -> meta(e, GlueDataSource.METADATA_INDEX)).toList());
        assertTrue(Arrays.stream(TokenFeatures.decode(qqp.get(1), MAX)[1]).sum() > 0,
                "QQP examples are pairs");
    }

    @Test
    void sst2HeaderAndLabels() {
        GlueFiles.write(glue, "SST-2/train.tsv", GlueFiles.SST2_TRAIN);
        List<Example<Label>> examples = list(read(GlueTask.SST2, Split.TRAIN, false));
        assertEquals(List.of("0", "1"),
                examples.stream().map(e -> e.getOutput().getLabel()).toList());
        assertEquals("2", meta(examples.get(0), GlueDataSource.METADATA_LINE));
    }

    @Test
    void mrpcPairsHaveTwoSegments() {
        GlueFiles.write(glue, "MRPC/dev.tsv", GlueFiles.MRPC_TRAIN);
        List<Example<Label>> examples = list(read(GlueTask.MRPC, Split.DEV, false));
        assertEquals(List.of("1", "0"),
                examples.stream().map(e -> e.getOutput().getLabel()).toList());
        String[] row = GlueFiles.MRPC_TRAIN.get(2).split("\t");
        int[] a = tokenizer.encode(row[3]);
        int[] b = tokenizer.encode(row[4]);
        assertTrue(a.length + b.length + 3 > MAX, "this row needs truncation");
        int[][] expected = TokenFeatures.pair(a, b, MAX);
        int[][] decoded = TokenFeatures.decode(examples.get(1), MAX);
        assertArrayEquals(expected[0], decoded[0]);
        assertArrayEquals(expected[1], decoded[1]);
        assertEquals(3, decoded[0][MAX - 1]);
        assertEquals(1, decoded[1][MAX - 1]);
        assertEquals(0, decoded[1][1]);
    }

    @Test
    void mnliUsesGoldLabelAndTheMatchedOrMismatchedFile() {
        GlueFiles.write(glue, "MNLI/dev_matched.tsv", GlueFiles.MNLI_DEV_MATCHED);
        GlueFiles.write(glue, "MNLI/dev_mismatched.tsv", GlueFiles.MNLI_DEV_MISMATCHED);
        List<Example<Label>> matched = list(read(GlueTask.MNLI_MATCHED, Split.DEV, false));
        assertEquals(List.of("neutral", "contradiction", "entailment"),
                matched.stream().map(e -> e.getOutput().getLabel()).toList());
        assertEquals("2", meta(matched.get(2), GlueDataSource.METADATA_INDEX));
        List<Example<Label>> mismatched = list(read(GlueTask.MNLI_MISMATCHED, Split.DEV, false));
        assertEquals(1, mismatched.size());
        assertEquals("contradiction", mismatched.get(0).getOutput().getLabel());
    }

    @Test
    void stsbScoresAreRegressors() {
        GlueFiles.write(glue, "STS-B/train.tsv", GlueFiles.STSB_TRAIN);
        GlueFiles.write(glue, "STS-B/test.tsv", GlueFiles.STSB_TEST);
        GlueDataSource<Regressor> train = GlueDataSource.regression(glue, Split.TRAIN, scores, false);
        assertTrue(train.getOutputFactory() instanceof RegressionFactory);
        List<Double> values = new ArrayList<>();
        for (Example<Regressor> e : train) {
            assertArrayEquals(new String[] {GlueDataSource.SCORE_DIMENSION}, e.getOutput().getNames());
            values.add(e.getOutput().getValues()[0]);
        }
        assertEquals(List.of(5.0, 3.8, 0.0), values);
        GlueDataSource<Regressor> test = GlueDataSource.regression(glue, Split.TEST, scores, false);
        for (Example<Regressor> e : test) {
            assertEquals(RegressionFactory.UNKNOWN_REGRESSOR, e.getOutput());
        }
        assertEquals("0", meta(test.iterator().next(), GlueDataSource.METADATA_INDEX));
        assertEquals(2, test.size());
    }

    @Test
    void malformedRowsFailWithFileLineAndExpectation() {
        List<String> cola = new ArrayList<>(GlueFiles.COLA_TRAIN);
        cola.set(2, "gj04\t0\tOnly three fields.");
        Path colaFile = GlueFiles.write(glue, "CoLA/train.tsv", cola);
        assertMessage(() -> read(GlueTask.COLA, Split.TRAIN, false),
                colaFile.toAbsolutePath() + " line 3:", "has 3 tab-separated fields",
                "expected 4 (source, label, original_label, sentence)");

        List<String> mnli = new ArrayList<>(GlueFiles.MNLI_DEV_MATCHED);
        mnli.set(2, mnli.get(2).replaceAll("\tcontradiction$", "\tmaybe"));
        Path mnliFile = GlueFiles.write(glue, "MNLI/dev_matched.tsv", mnli);
        assertMessage(() -> read(GlueTask.MNLI_MATCHED, Split.DEV, false),
                mnliFile.toAbsolutePath() + " line 3:", "label 'maybe' in column 'gold_label'",
                "expected one of entailment, neutral, contradiction");

        Path sst = GlueFiles.write(glue, "SST-2/dev.tsv",
                List.of("sentence\tlabel", "fine film\t1", "  \t0"));
        assertMessage(() -> read(GlueTask.SST2, Split.DEV, false),
                sst.toAbsolutePath() + " line 3:", "column 'sentence' is empty");

        List<String> stsb = new ArrayList<>(GlueFiles.STSB_TRAIN);
        stsb.set(3, stsb.get(3).replace("\t0.000", "\t5.5"));
        Path stsbFile = GlueFiles.write(glue, "STS-B/train.tsv", stsb);
        assertMessage(() -> GlueDataSource.regression(glue, Split.TRAIN, scores, false),
                stsbFile.toAbsolutePath() + " line 4:", "score '5.5' in column 'score'",
                "expected a number in [0.0, 5.0]");
    }

    private static void assertMessage(Runnable action, String... parts) {
        CorpusException e = assertThrows(CorpusException.class, action::run);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' not in: " + e.getMessage());
        }
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void skippedRowsAreCountedInTheProvenance() {
        List<String> rows = new ArrayList<>(GlueFiles.MNLI_DEV_MATCHED);
        rows.add(GlueFiles.mnliDevRow(3, "A", "B", "neutral", "-"));
        rows.add("4\ttoo\tfew\tfields");
        rows.add(GlueFiles.mnliDevRow(5, " ", "B", "neutral", "neutral"));
        GlueFiles.write(glue, "MNLI/dev_matched.tsv", rows);
        assertThrows(CorpusException.class, () -> read(GlueTask.MNLI_MATCHED, Split.DEV, false));

        GlueDataSource<Label> source = read(GlueTask.MNLI_MATCHED, Split.DEV, true);
        assertEquals(3, source.size());
        assertEquals(3, source.skippedRows());
        GlueDataSourceProvenance provenance = (GlueDataSourceProvenance) source.getProvenance();
        assertEquals(new IntProvenance(GlueDataSourceProvenance.SKIPPED_ROWS, 3),
                provenance.getInstanceValues().get(GlueDataSourceProvenance.SKIPPED_ROWS));
        assertEquals(3, provenance.examples());
        GlueDataSourceProvenance copy = (GlueDataSourceProvenance) ProvenanceUtil
                .unmarshalProvenance(ProvenanceUtil.marshalProvenance(provenance));
        assertEquals(3, copy.skippedRows());
    }

    @Test
    void headerAndFileProblemsAreNeverSkipped() {
        GlueFiles.write(glue, "RTE/train.tsv",
                List.of("index\tsentence1\tsentence2", "0\tA dog barks.\tA dog makes noise."));
        assertMessage(() -> read(GlueTask.RTE, Split.TRAIN, true),
                "line 1: header (index, sentence1, sentence2) lacks column 'label'");
        assertMessage(() -> read(GlueTask.COLA, Split.DEV, true), "CoLA/dev.tsv", "is missing");
        GlueFiles.write(glue, "WNLI/dev.tsv",
                List.of("index\tsentence1\tsentence2\tlabel", "0\tx\ty\t2"));
        assertMessage(() -> read(GlueTask.WNLI, Split.DEV, true), "no valid rows (1 skipped");
    }

    @Test
    void outputFactoryMustFitTheTask() {
        GlueFiles.write(glue, "STS-B/train.tsv", GlueFiles.STSB_TRAIN);
        PropertyException e = assertThrows(PropertyException.class,
                () -> GlueDataSource.classification(GlueTask.STSB, glue, Split.TRAIN, labels, false));
        assertTrue(e.getMessage().contains("RegressionFactory"), e.getMessage());
    }

    @Test
    @SuppressWarnings("unchecked")
    void provenanceRecordsTheFileAndRecreatesTheSource() {
        Path file = GlueFiles.write(glue, "MRPC/train.tsv", GlueFiles.MRPC_TRAIN);
        GlueDataSource<Label> source = read(GlueTask.MRPC, Split.TRAIN, false);
        GlueDataSourceProvenance provenance = (GlueDataSourceProvenance) source.getProvenance();
        assertEquals(Fingerprints.sha256Hex(file), provenance.fileSha256());
        Helpers.testProvenanceMarshalling(provenance);
        assertConfigurationMatchesProvenance(source, provenance);

        ConfigurationManager cm = new ConfigurationManager();
        cm.addConfiguration(ProvenanceUtil.extractConfiguration(provenance));
        GlueDataSource<Label> copy = null;
        for (String name : cm.getComponentNames()) {
            Object component = cm.lookup(name);
            if (component instanceof GlueDataSource<?> glueSource) {
                copy = (GlueDataSource<Label>) glueSource;
            }
        }
        assertEquals(list(source), list(copy));
        assertEquals(GlueTask.MRPC, copy.task());
        assertEquals(provenance.fileSha256(),
                ((GlueDataSourceProvenance) copy.getProvenance()).fileSha256());
        for (String name : cm.getComponentNames()) {
            if (cm.lookup(name) instanceof BertTextExtractor<?> extractor) {
                extractor.close();
            }
        }
    }

    /** What {@code Helpers.testConfigurableRoundtrip} does, for a data source's provenance type. */
    static void assertConfigurationMatchesProvenance(
            Configurable source, ConfiguredObjectProvenance provenance) {
        ConfigurationManager cm = new ConfigurationManager();
        String name = cm.importConfigurable(source, "item");
        List<ConfigurationData> configured = cm.getComponentNames().stream()
                .map(cm::getConfigurationData).flatMap(Optional::stream).toList();
        List<ConfigurationData> recorded = ProvenanceUtil.extractConfiguration(provenance);
        assertTrue(ConfigurationData.structuralEquals(configured, recorded, name,
                recorded.get(0).getName()), configured + " vs " + recorded);
    }

    @Test
    void buildsAMutableDataset() {
        GlueFiles.write(glue, "MNLI/dev_matched.tsv", GlueFiles.MNLI_DEV_MATCHED);
        MutableDataset<Label> dataset =
                new MutableDataset<>(read(GlueTask.MNLI_MATCHED, Split.DEV, false));
        assertEquals(3, dataset.size());
        Set<String> names = new TreeSet<>();
        dataset.getOutputInfo().getDomain().forEach(l -> names.add(l.getLabel()));
        assertEquals(Set.of("neutral", "contradiction", "entailment"), names);
        assertTrue(dataset.getProvenance().getSourceProvenance() instanceof DataSourceProvenance);
        assertArrayEquals(ids(list(read(GlueTask.MNLI_MATCHED, Split.DEV, false)).get(0)),
                ids(dataset.getExample(0)));
    }
}
