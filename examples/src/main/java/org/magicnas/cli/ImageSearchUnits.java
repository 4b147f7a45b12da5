package org.magicnas.cli;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.magicnas.image.ImageNas;
import org.magicnas.image.ImageScore;
import org.magicnas.run.CsvLog;
import org.magicnas.run.RunDirectory;
import org.magicnas.search.EvolutionarySearch;
import org.magicnas.space.Architecture;
import org.magicnas.space.SearchSpace;
import org.magicnas.supernet.SuperNet;
import org.magicnas.train.CheckpointStore;
import org.magicnas.train.Method;
import org.magicnas.train.StepRecord;
import org.magicnas.train.TrainingListener;

/**
 * The units of an image search and the images they share: per method, the super-net trained and
 * searched ({@code <method>-checkpoints/}, {@code <method>-supernet.csv}, finished once {@code
 * <method>-search.json} exists), then per row (each method's child, and the fixed child) the child
 * retrained alone and scored on the test images ({@code <row>-retrain.csv}, {@code
 * <row>-retrain.json}). A searched row reads its search's {@code <method>-search.json}; the fixed
 * row reads nothing.
 */
final class ImageSearchUnits implements UnitCommand.Units {
    private static final String FIXED = "fixed";

    private final ImageSearchCommand command;
    private final SearchSpace space;
    private final List<Method> methods;
    private final Architecture fixed;
    private final ImageSearchCommand.Splits splits;
    private final long flopLimit;

    /**
     * A search's result ({@code <method>-search.json}).
     *
     * @param architecture the child found
     * @param superNetValidationTop1Error its validation top-1 error in the super-net
     * @param scored the children scored
     * @param minutes the wall time of training and search
     */
    record Search(String architecture, double superNetValidationTop1Error, int scored, double minutes) {}

    /**
     * A retrained row's result ({@code <row>-retrain.json}).
     *
     * @param test its stand-alone score on the test images
     * @param minutes the wall time of retraining and scoring
     */
    record Retrained(ImageScore test, double minutes) {}

    /**
     * Units over the command's data.
     *
     * @param command the command, with the run's options
     * @param space its image space
     * @param methods the methods searched
     * @param fixed the fixed comparison child
     * @param splits the images, closed with the units
     * @param flopLimit the search's FLOP limit per image
     */
    ImageSearchUnits(ImageSearchCommand command, SearchSpace space, List<Method> methods, Architecture fixed, ImageSearchCommand.Splits splits,
            long flopLimit) {
        this.command = command;
        this.space = space;
        this.methods = methods;
        this.fixed = fixed;
        this.splits = splits;
        this.flopLimit = flopLimit;
    }

    /**
     * The image space.
     *
     * @return the space
     */
    SearchSpace space() {
        return space;
    }

    /**
     * The images.
     *
     * @return the splits
     */
    ImageSearchCommand.Splits splits() {
        return splits;
    }

    /**
     * The search's FLOP limit per image (the fixed child's unless given).
     *
     * @return the limit
     */
    long flopLimit() {
        return flopLimit;
    }

    @Override
    public List<RunUnit> units() {
        List<RunUnit> units = new ArrayList<>();
        for (Method m : methods) {
            String id = m.id();
            units.add(new RunUnit(id + "-search", id + " super-net and search", List.of(), List.of(id + "-checkpoints", id + "-supernet.csv",
                    searchFile(m)), List.of(searchFile(m)), run -> search(m, run)));
            units.add(retrainUnit(id, m));
        }
        units.add(retrainUnit(FIXED, null));
        return units;
    }

    private RunUnit retrainUnit(String row, Method searchedBy) {
        return new RunUnit(row + "-retrain", row + " stand-alone", searchedBy == null ? List.of() : List.of(searchFile(searchedBy)),
                List.of(row + "-retrain.csv", retrainFile(row)), List.of(retrainFile(row)), run -> retrain(row, searchedBy, run));
    }

    private static String searchFile(Method m) {
        return m.id() + "-search.json";
    }

    private static String retrainFile(String row) {
        return row + "-retrain.json";
    }

    /**
     * The table's rows, from the stage files of the finished units.
     *
     * @param run the run directory
     * @return the rows: each method's, then the fixed child's
     * @throws IOException if a stage file cannot be read
     */
    List<ImageSearchCommand.Row> rows(RunDirectory run) throws IOException {
        List<ImageSearchCommand.Row> rows = new ArrayList<>();
        for (Method m : methods) {
            Search s = read(run, searchFile(m), Search.class);
            Retrained r = read(run, retrainFile(m.id()), Retrained.class);
            rows.add(new ImageSearchCommand.Row(m.id(), Architecture.parse(space, s.architecture()), s.superNetValidationTop1Error(), r.test(),
                    s.minutes() + r.minutes()));
        }
        Retrained r = read(run, retrainFile(FIXED), Retrained.class);
        rows.add(new ImageSearchCommand.Row(FIXED, fixed, Double.NaN, r.test(), r.minutes()));
        return rows;
    }

    private String search(Method method, RunDirectory run) throws IOException {
        try (NDManager manager = NDManager.newBaseManager(CommandDevice.get())) {
            ImageNas nas = nas(method, manager);
            long start = System.nanoTime();
            CheckpointStore store = new CheckpointStore(run.resolve(method.id() + "-checkpoints"), 1);
            long resumedAt = store.latest().map(p -> Long.parseLong(p.getFileName().toString().replaceAll("\\D", ""))).orElse(0L);
            SuperNet net;
            try (CsvLog log = CsvLog.open(run.resolve(method.id() + "-supernet.csv"), List.of("step", "child", "loss", "align_loss", "lr"), resumedAt)) {
                net = nas.trainSuperNet(progress(method.id() + " super-net", command.steps, log), store);
            }
            EvolutionarySearch.Result found = nas.search(net);
            System.out.printf(Locale.ROOT, "  %s search: %s, validation top-1 error %.4f in the super-net (%d children scored)%n", method.id(), found.best(),
                    found.loss(), found.scored());
            run.writeString(searchFile(method), SuperNetRun.GSON.toJson(new Search(found.best().toString(), found.loss(), found.scored(),
                    (System.nanoTime() - start) / 6e10)));
            return String.format(Locale.ROOT, "%s, validation top-1 error %.4f", found.best(), found.loss());
        }
    }

    private String retrain(String row, Method searchedBy, RunDirectory run) throws IOException {
        Architecture child = searchedBy == null ? fixed : Architecture.parse(space, read(run, searchFile(searchedBy), Search.class).architecture());
        try (NDManager manager = NDManager.newBaseManager(CommandDevice.get())) {
            // Retraining is the same for every method (the settings' stand-alone part).
            ImageNas nas = nas(searchedBy != null ? searchedBy : Method.SPOS, manager);
            long start = System.nanoTime();
            SuperNet alone;
            try (CsvLog log = CsvLog.open(run.resolve(row + "-retrain.csv"), List.of("step", "child", "loss", "align_loss", "lr"), 0)) {
                alone = nas.retrain(child, progress(row + " stand-alone " + child, command.retrainSteps, log));
            }
            ImageScore score = nas.evaluate(alone, child, splits.test());
            double minutes = (System.nanoTime() - start) / 6e10;
            System.out.printf(Locale.ROOT, "  %s: %s test top-1 error %.4f, top-5 error %.4f (%.1f min)%n", row, child, score.top1Error(), score.top5Error(),
                    minutes);
            run.writeString(retrainFile(row), SuperNetRun.GSON.toJson(new Retrained(score, minutes)));
            return String.format(Locale.ROOT, "%s test top-1 error %.4f", child, score.top1Error());
        }
    }

    private ImageNas nas(Method method, NDManager manager) {
        return new ImageNas(space, splits.train(), splits.valid(), command.settings(method, flopLimit), manager);
    }

    private static <T> T read(RunDirectory run, String file, Class<T> type) throws IOException {
        return SuperNetRun.GSON.fromJson(Files.readString(run.resolve(file)), type);
    }

    private static TrainingListener progress(String what, long total, CsvLog log) {
        long every = Math.max(1, total / 5);
        return new TrainingListener() {
            private double sum;
            private int count;

            @Override
            public void onStep(StepRecord r) {
                log.row(r.step(), r.child(), r.predictionLoss(), r.alignmentLoss(), r.learningRate());
                sum += r.predictionLoss();
                count++;
                if ((r.step() + 1) % every == 0) {
                    System.out.printf(Locale.ROOT, "  %s step %d/%d  loss %.4f%n", what, r.step() + 1, total, sum / count);
                    sum = 0;
                    count = 0;
                }
            }
        };
    }

    /** Stops the decoding threads of streamed images. */
    @Override
    public void close() {
        splits.close();
    }
}
