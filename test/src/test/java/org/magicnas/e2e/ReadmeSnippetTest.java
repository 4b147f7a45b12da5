package org.magicnas.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.magicnas.cli.Magic;
import org.magicnas.data.BrownFixture;
import org.magicnas.data.glue.GlueDataSource;
import org.magicnas.data.glue.GlueMetric;
import org.magicnas.data.glue.GlueTask;
import org.magicnas.data.tribuo.BertTextExtractor;
import org.magicnas.data.tribuo.Split;
import org.magicnas.evaluation.GlueEvaluation;
import org.magicnas.evaluation.GlueLabelEvaluator;
import org.magicnas.tribuo.EncoderStart;
import org.magicnas.tribuo.MagicFineTuneTrainer;
import org.tribuo.DataSource;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;

/** The README's Tribuo snippet, line for line, on an encoder that the command line wrote with the main job's 64 positions. */
class ReadmeSnippetTest {
    private static final Path SOURCE = Path.of("src/test/java/org/magicnas/e2e/ReadmeSnippetTest.java");

    @Test
    void theTribuoSnippetRunsAsWritten(@TempDir Path tmp) throws IOException {
        BrownFixture.directory(); // train-supernet reads the real Brown corpus
        Path runs = tmp.resolve("runs");
        int code = Magic.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "train-supernet", "--runs-dir",
                runs.toString(), "--space", "custom", "--candidates", "MHA2:32,FFN:64", "--hidden", "32", "--layers", "2", "--vocab-size", "500",
                "--seq-len", "64", "--batch-size", "8", "--steps", "2", "--val-batches", "1", "--eval-children", "1", "--checkpoint-every", "0");
        assertEquals(0, code);
        Path glueDir = GlueFixtures.glueData(tmp.resolve("glue"));
        Path written;
        try (Stream<Path> s = Files.list(runs)) {
            written = s.findFirst().orElseThrow().resolve("encoder");
        }

        Path encoder = written;
        BertTextExtractor<Label> text = new BertTextExtractor<>(encoder.resolve("tokenizer.json"), 64);
        DataSource<Label> train = GlueDataSource.classification(GlueTask.SST2, glueDir, Split.TRAIN, text, false);
        DataSource<Label> dev = GlueDataSource.classification(GlueTask.SST2, glueDir, Split.DEV, text, false);
        Trainer<Label> trainer = new MagicFineTuneTrainer<>(encoder, EncoderStart.PRETRAINED, 3, 1e-4, 42);
        Model<Label> model = trainer.train(new MutableDataset<>(train));
        GlueEvaluation<Label> e = new GlueLabelEvaluator().evaluate(model, new MutableDataset<>(dev));

        assertEquals(12, e.getPredictions().size());
        long right = e.getPredictions().stream().filter(p -> p.getOutput().getLabel().equals(p.getExample().getOutput().getLabel())).count();
        assertEquals(right / 12.0, e.get(GlueMetric.ACCURACY), 1e-12, "dev accuracy is the share of right labels");
        List<String> readme = javaBlockAfter(Files.readAllLines(Path.of("../README.md")), "## Tribuo");
        String source = Files.readString(SOURCE);
        for (String line : readme) {
            String code1 = line.replaceAll(" +//.*$", "").strip();
            if (!code1.startsWith("Path encoder = ")) {
                assertTrue(source.contains(code1), "README line not run by this test: " + line);
            }
        }
    }

    private static List<String> javaBlockAfter(List<String> lines, String heading) {
        int start = lines.indexOf(heading);
        int open = lines.subList(start, lines.size()).indexOf("```java") + start;
        int close = lines.subList(open + 1, lines.size()).indexOf("```") + open + 1;
        return lines.subList(open + 1, close);
    }
}
