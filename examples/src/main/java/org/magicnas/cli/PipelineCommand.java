package org.magicnas.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.magicnas.run.CsvFiles;
import org.magicnas.run.RunDirectory;
import org.magicnas.space.Architecture;
import org.magicnas.train.Method;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bin/magic pipeline}: the paper's line on the Brown corpus. For MAGIC-AT and for SPOS: a
 * super-net with progressive shrinking down to one child; that child and a fixed BERT-like baseline
 * (alternating MHA and FFN) are pre-trained stand-alone with masked-LM on the same budget, exported as
 * encoders, fine-tuned on the Brown genre task through the Tribuo trainer, and compared in one table.
 * The searches and the rows are {@link PipelineUnits}: run one after the other, or with {@code --spark}
 * as Spark tasks, each row once its search is back.
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = "Search (MAGIC-AT and SPOS), stand-alone pre-training, Brown genre fine-tuning and a results table.")
final class PipelineCommand implements Callable<Integer>, UnitCommand {
    @Mixin
    PipelineOptions options;

    @Mixin
    SparkOptions spark;

    @Option(names = "--runs-dir", defaultValue = "runs", description = "Where run directories go (default: ${DEFAULT-VALUE}).")
    Path runsDir;

    @Option(names = "--resume", description = "Resume the pipeline run in this directory (its " + PipelineOptions.FILE + " wins): finished stages are"
            + " kept, an interrupted super-net or pre-training continues from its checkpoint.")
    Path resume;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** One row of the results table. */
    record Row(String name, Architecture arch, long parameters, long flops, double mlmLoss, double accuracy, double macroF1) {}

    @Override
    public Integer call() throws Exception {
        RunDirectory resumed = resume == null ? null : CommandRuns.resume(resume, this);
        PipelineOptions o = resumed == null ? options : CommandRuns.options(resumed, PipelineOptions.FILE, PipelineOptions.class);
        if (!(o.budget > 0 && o.budget <= 100)) {
            throw new IllegalArgumentException("--budget must be in (0, 100], got " + o.budget);
        }
        if (o.valBatches < 1) {
            throw new IllegalArgumentException("--val-batches must be >= 1, got " + o.valBatches);
        }
        if (o.genrePassages < 0) {
            throw new IllegalArgumentException("--genre-passages must be >= 0 (0 for all passages), got " + o.genrePassages);
        }
        SuperNetOptions base = PipelineUnits.superNetOptions(o, Method.MAGIC_AT, o.seed);
        base.validate();
        if (o.seeds != null && (o.seeds.size() < 2 || o.seeds.stream().distinct().count() != o.seeds.size())) {
            throw new IllegalArgumentException("--seeds needs at least two distinct seeds, got " + o.seeds);
        }
        if (!base.constraints(base.vocabSize).allows(Architecture.bertLike(base.searchSpace()))) {
            throw new IllegalArgumentException("the BERT-like baseline " + Architecture.bertLike(base.searchSpace()) + " breaks --max-params/--max-flops;"
                    + " the table compares children of similar size");
        }
        spark.validate();
        try (PipelineUnits units = new PipelineUnits(o, Path.of("")); TaskCluster cluster = spark.connect("pipeline")) {
            RunDirectory run = resumed != null ? resumed
                    : CommandRuns.create(runsDir, o.seeds == null ? "pipeline" : "pipeline-seeds", this, PipelineOptions.FILE, o);
            if (cluster != null) {
                for (long s : units.seeds()) {
                    header(o, s, units.seedRun(run, s));
                }
                System.out.println("pipeline: " + spark.describe());
                UnitRunner.runOnCluster(cluster, spec, o, units, run);
            }
            List<List<Row>> tables = new ArrayList<>();
            for (long s : units.seeds()) {
                if (o.seeds != null) {
                    System.out.printf(Locale.ROOT, "==== seed %d of %s%n", s, o.seeds);
                }
                RunDirectory sub = units.seedRun(run, s);
                if (cluster == null) {
                    header(o, s, sub);
                    UnitRunner.runHere(units.units(s), run);
                    units.release(s);
                }
                List<Row> table = units.table(run, s);
                report(table, sub);
                tables.add(table);
            }
            if (o.seeds != null) {
                new PipelineSeedsReport(o.seeds, tables).write(run);
            }
        }
        return 0;
    }

    @Override
    public UnitCommand.Units openUnits(String json, Path workingDir) {
        return new PipelineUnits(SuperNetRun.GSON.fromJson(json, PipelineOptions.class), workingDir);
    }

    private static void header(PipelineOptions o, long seed, RunDirectory run) {
        System.out.printf(Locale.ROOT, "pipeline: %s, seed %d, budget %.2f: %d super-net steps, %d pre-training steps, %d fine-tuning epochs; run %s%n",
                PipelineUnits.superNetOptions(o, Method.MAGIC_AT, seed).searchSpace().describe(), seed, o.budget, o.steps(), o.steps(), o.epochs(), run);
    }

    private static void report(List<Row> table, RunDirectory run) throws IOException {
        String header = String.format(Locale.ROOT, "%-10s %-36s %10s %11s %9s %9s %9s", "row", "architecture", "params", "FLOPs/seq", "MLM loss", "accuracy", "macro-F1");
        StringBuilder text = new StringBuilder(header).append('\n');
        List<String[]> csv = new ArrayList<>();
        for (Row r : table) {
            text.append(String.format(Locale.ROOT, "%-10s %-36s %10d %11.3e %9.4f %9.4f %9.4f%n", r.name(), r.arch(), r.parameters(), (double) r.flops(), r.mlmLoss(),
                    r.accuracy(), r.macroF1()));
            csv.add(new String[] {r.name(), r.arch().toString(), String.valueOf(r.parameters()), String.valueOf(r.flops()), CsvFiles.fixed(r.mlmLoss(), 6),
                CsvFiles.fixed(r.accuracy(), 6), CsvFiles.fixed(r.macroF1(), 6)});
        }
        System.out.print(text);
        run.writeString("results.txt", text.toString());
        run.writeString("results.csv", CsvFiles.text(List.of("row", "architecture", "parameters", "forward_flops", "mlm_val_loss", "genre_accuracy",
                "genre_macro_f1"), csv, 1));
        System.out.println("run directory: " + run);
    }
}
