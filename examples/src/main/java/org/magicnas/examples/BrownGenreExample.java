package org.magicnas.examples;

import java.nio.file.Path;
import java.util.Locale;
import org.magicnas.data.CorpusLocator;
import org.magicnas.data.tribuo.BertTextExtractor;
import org.magicnas.data.tribuo.BrownGenreDataSource;
import org.magicnas.data.tribuo.Split;
import org.magicnas.supernet.EncoderFiles;
import org.magicnas.tribuo.EncoderStart;
import org.magicnas.tribuo.MagicFineTuneTrainer;
import org.magicnas.tribuo.MagicModel;
import org.tribuo.DataSource;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;

/**
 * The Tribuo way, end to end, on the Brown genre task: a data source, a trainer, a model, an
 * evaluator. Run it with the directory of a {@code bin/magic train-supernet} run (or any encoder
 * directory):
 * <pre>
 * java -cp "examples/target/examples-0.1.0-SNAPSHOT.jar:examples/target/lib/*" -Dai.djl.offline=true \
 *     org.magicnas.examples.BrownGenreExample runs/&lt;time&gt;-magic-at
 * </pre>
 */
public final class BrownGenreExample {
    private BrownGenreExample() {}

    /**
     * Fine-tunes the encoder on the Brown genre task and prints the dev evaluation.
     *
     * @param args the encoder or run directory
     * @throws Exception if anything fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: BrownGenreExample <encoder or run directory>");
            System.exit(2);
        }
        Path encoder = EncoderFiles.locate(Path.of(args[0]));
        Path brown = CorpusLocator.locateBrown(null);
        try (BertTextExtractor<Label> text = new BertTextExtractor<>(encoder.resolve("tokenizer.json"), 64)) {
            DataSource<Label> train = new BrownGenreDataSource(brown, Split.TRAIN, text, 42, 0.1, 0.1);
            DataSource<Label> dev = new BrownGenreDataSource(brown, Split.DEV, text, 42, 0.1, 0.1);
            Trainer<Label> trainer = new MagicFineTuneTrainer<Label>(encoder, EncoderStart.PRETRAINED, 3, 1e-3, 42).withShape(64, 32, 0.1, 2);
            try (MagicModel<Label> model = (MagicModel<Label>) trainer.train(new MutableDataset<>(train))) {
                LabelEvaluation e = new LabelEvaluator().evaluate(model, new MutableDataset<>(dev));
                System.out.println(e);
                System.out.printf(Locale.ROOT, "architecture %s, dev accuracy %.3f, macro-F1 %.3f%n", model.encoderSpec().architecture(), e.accuracy(),
                        e.macroAveragedF1());
            }
        }
    }
}
