package org.magicnas.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.magicnas.data.glue.GlueDataSource;
import org.magicnas.data.glue.GlueMetric;
import org.magicnas.data.glue.GluePredictionWriter;
import org.magicnas.data.glue.GlueReader;
import org.magicnas.data.glue.GlueTask;
import org.magicnas.data.tribuo.BertTextExtractor;
import org.magicnas.data.tribuo.BrownGenreDataSource;
import org.magicnas.data.tribuo.Split;
import org.magicnas.evaluation.GlueEvaluation;
import org.magicnas.evaluation.GlueLabelEvaluator;
import org.magicnas.evaluation.GlueRegressionEvaluator;
import org.magicnas.evaluation.GlueScore;
import org.magicnas.run.RunDirectory;
import org.magicnas.tribuo.MagicModel;
import org.tribuo.DataSource;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.regression.Regressor;

/**
 * Fine-tunes, evaluates and predicts one downstream task through the Tribuo trainer, with a checkpoint
 * per epoch in the run ({@code <task>-checkpoints/}) from which a resumed run continues, and the dev
 * scores in {@code <task>-dev.txt}.
 */
final class DownstreamTask {
    private DownstreamTask() {}

    /**
     * Parses a GLUE task name (CoLA, SST-2, MRPC, QQP, STS-B, MNLI, QNLI, RTE, WNLI).
     *
     * @param name the name, any case, with or without the dash
     * @return the task (MNLI means matched; its mismatched dev set is scored too)
     */
    static GlueTask parse(String name) {
        String key = name.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
        for (GlueTask t : GlueTask.values()) {
            if (!t.testOnly() && (t.name().replace("_", "").equals(key) || t.directory().replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT).equals(key)
                    && t != GlueTask.MNLI_MISMATCHED)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown task '" + name + "', allowed: CoLA, SST-2, MRPC, QQP, STS-B, MNLI, QNLI, RTE, WNLI, brown-genre");
    }

    /**
     * Reads every file of a task that training, evaluation and prediction will read (train, the dev sets, test where present), so that
     * a malformed or empty split stops the command before it writes anything.
     *
     * @throws org.magicnas.data.CorpusException naming the file and line
     */
    static void checkFiles(GlueTask task, Path data, boolean skipBadRows) {
        GlueReader.read(task, Split.TRAIN, task.file(data, Split.TRAIN), skipBadRows);
        for (GlueTask dev : devSets(task)) {
            GlueReader.read(dev, Split.DEV, dev.file(data, Split.DEV), skipBadRows);
            if (Files.isRegularFile(dev.file(data, Split.TEST))) {
                GlueReader.read(dev, Split.TEST, dev.file(data, Split.TEST), skipBadRows);
            }
        }
        if (predictsDiagnostic(task, data)) {
            GlueReader.read(GlueTask.AX, Split.TEST, GlueTask.AX.file(data, Split.TEST), skipBadRows);
        }
    }

    /** The MNLI model also predicts the diagnostic set AX, when its file is present. */
    private static boolean predictsDiagnostic(GlueTask task, Path data) {
        return task == GlueTask.MNLI_MATCHED && Files.isRegularFile(GlueTask.AX.file(data, Split.TEST));
    }

    private static List<GlueTask> devSets(GlueTask task) {
        return task == GlueTask.MNLI_MATCHED ? List.of(GlueTask.MNLI_MATCHED, GlueTask.MNLI_MISMATCHED) : List.of(task);
    }

    /**
     * Runs a GLUE task: train on train.tsv, score dev, predict test if present (MNLI: the diagnostic set AX too), save the model.
     *
     * @return the task's dev scores (headline metric of each dev set)
     */
    static List<GlueScore> glue(GlueTask task, Path data, Path encoderDir, FineTuneOptions o, RunDirectory run, PrintStream out, Path saveEncoderTo)
            throws IOException {
        Path tokenizer = encoderDir.resolve("tokenizer.json");
        if (task == GlueTask.STSB) {
            try (BertTextExtractor<Regressor> x = new BertTextExtractor<>(tokenizer, o.maxLength)) {
                return run(task, List.of(task), (t, s) -> GlueDataSource.regression(data, s, x, o.skipBadRows), new GlueRegressionEvaluator(),
                        data, encoderDir, o, run, out, saveEncoderTo);
            }
        }
        List<GlueTask> devs = devSets(task);
        try (BertTextExtractor<Label> x = new BertTextExtractor<>(tokenizer, o.maxLength)) {
            return run(task, devs, (t, s) -> GlueDataSource.classification(t, data, s, x, o.skipBadRows), new GlueLabelEvaluator(), data, encoderDir,
                    o, run, out, saveEncoderTo);
        }
    }

    /** A split of a task. */
    private interface Source<T extends Output<T>> {
        DataSource<T> of(GlueTask task, Split split);
    }

    private static <T extends Output<T>> List<GlueScore> run(GlueTask task, List<GlueTask> devs, Source<T> source,
            org.tribuo.evaluation.Evaluator<T, ? extends GlueEvaluation<T>> evaluator, Path data, Path encoderDir, FineTuneOptions o, RunDirectory run,
            PrintStream out, Path saveEncoderTo) throws IOException {
        out.printf(Locale.ROOT, "%s: training on %s%n", task.submissionName(), task.file(data, Split.TRAIN));
        MutableDataset<T> train = new MutableDataset<>(source.of(task, Split.TRAIN));
        try (MagicModel<T> model = o.<T>trainer(encoderDir, run.resolve(task.submissionName() + "-checkpoints")).train(train)) {
            List<GlueScore> scores = new ArrayList<>();
            StringBuilder summary = new StringBuilder();
            for (GlueTask dev : devs) {
                GlueEvaluation<T> e = evaluator.evaluate(model, source.of(dev, Split.DEV));
                scores.add(GlueScore.headline(dev, e));
                for (GlueMetric m : dev.metrics()) {
                    summary.append(String.format(Locale.ROOT, "%s dev %s %.2f; ", dev.submissionName(), m.metricName(), GlueScore.of(dev, m, e).points()));
                }
                if (Files.isRegularFile(dev.file(data, Split.TEST))) {
                    Path written = GluePredictionWriter.write(dev, model.predict(source.of(dev, Split.TEST)), run.resolve("predictions"));
                    summary.append("test predictions ").append(written.getFileName()).append("; ");
                }
            }
            if (predictsDiagnostic(task, data)) {
                Path written = GluePredictionWriter.write(GlueTask.AX, model.predict(source.of(GlueTask.AX, Split.TEST)), run.resolve("predictions"));
                summary.append("diagnostic predictions ").append(written.getFileName()).append("; ");
            }
            model.saveTo(run.resolve(task.submissionName() + ".model"));
            if (saveEncoderTo != null) {
                model.saveEncoder(saveEncoderTo);
                Files.copy(encoderDir.resolve("tokenizer.json"), saveEncoderTo.resolve("tokenizer.json"), StandardCopyOption.REPLACE_EXISTING);
            }
            out.printf(Locale.ROOT, "%s: %s%n", task.submissionName(), summary);
            run.writeString(task.submissionName() + "-dev.txt", summary.toString().strip() + "\n");
            return scores;
        }
    }

    /**
     * Runs the Brown genre task: passages labelled with their document's genre, split by document.
     *
     * @return the evaluation on the dev documents
     */
    static LabelEvaluation brownGenre(Path corpus, Path encoderDir, FineTuneOptions o, RunDirectory run, PrintStream out) throws IOException {
        try (BertTextExtractor<Label> x = new BertTextExtractor<>(encoderDir.resolve("tokenizer.json"), o.maxLength)) {
            MutableDataset<Label> train = new MutableDataset<>(new BrownGenreDataSource(corpus, Split.TRAIN, x, o.seed, 0.1, 0.1));
            out.printf(Locale.ROOT, "brown-genre: %d training passages, %d genres%n", train.size(), train.getOutputInfo().size());
            try (MagicModel<Label> model = o.<Label>trainer(encoderDir, run.resolve("brown-genre-checkpoints")).train(train)) {
                LabelEvaluation e = new LabelEvaluator().evaluate(model, new BrownGenreDataSource(corpus, Split.DEV, x, o.seed, 0.1, 0.1));
                model.saveTo(run.resolve("brown-genre.model"));
                String summary = String.format(Locale.ROOT, "dev accuracy %.2f, macro-F1 %.2f", 100 * e.accuracy(), 100 * e.macroAveragedF1());
                out.printf(Locale.ROOT, "brown-genre: %s%n", summary);
                run.writeString("brown-genre-dev.txt", summary + "\n");
                return e;
            }
        }
    }
}
