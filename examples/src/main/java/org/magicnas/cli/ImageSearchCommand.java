package org.magicnas.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.magicnas.alignment.AlignmentConfig;
import org.magicnas.data.image.FashionBenchmarks;
import org.magicnas.data.image.FashionMnist;
import org.magicnas.data.image.GreyImages;
import org.magicnas.data.image.ImageEntry;
import org.magicnas.data.image.ImageFolder;
import org.magicnas.data.image.ImageFolderDataSource;
import org.magicnas.data.image.ImageStream;
import org.magicnas.data.image.ImageTransform;
import org.magicnas.data.tribuo.Split;
import org.magicnas.image.BatchNormPolicy;
import org.magicnas.image.ImageData;
import org.magicnas.image.ImageNasSettings;
import org.magicnas.image.ImageObjective;
import org.magicnas.image.ImageScore;
import org.magicnas.image.ImageSource;
import org.magicnas.image.StreamedImages;
import org.magicnas.run.RunDirectory;
import org.magicnas.sampling.SplitMix64;
import org.magicnas.search.EvolutionarySearch;
import org.magicnas.space.Architecture;
import org.magicnas.space.ChildCost;
import org.magicnas.space.Preset;
import org.magicnas.space.SearchSpace;
import org.magicnas.train.AdamSettings;
import org.magicnas.train.Method;
import org.magicnas.train.TrainingConfig;
import org.magicnas.tribuo.ImageExamples;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bin/magic image-search}: the image line on Fashion-MNIST. For each method, a super-net of the
 * image space is trained, searched (evolution scored by validation top-1 error after BatchNorm
 * recalibration, within the FLOPs of the fixed child unless told otherwise) and its best child is
 * retrained alone; a fixed MobileNetV2-like child gets the same retraining budget. One table compares
 * them on the test set, next to the published figures the data package lists. With {@code
 * --image-folder} the images come from a folder in the ImageNet layout instead (RGB, at the space's
 * resolution; its {@code val/} split is the test set).
 */
@Command(name = "image-search", mixinStandardHelpOptions = true,
        description = "Search the MobileNetV2-like image space on Fashion-MNIST with the given methods, retrain and compare with a fixed child.")
final class ImageSearchCommand implements Callable<Integer>, CommandRuns.Resumable, UnitCommand {
    @Option(names = "--method", defaultValue = "magic-at,spos", split = ",", description = "Methods, comma-separated (default: ${DEFAULT-VALUE}).")
    List<String> methods;

    @Option(names = "--space", defaultValue = "mobilenet-cpu", description = "An image space preset (default: ${DEFAULT-VALUE}).")
    String space;

    @Option(names = "--data", description = "Directory of the four Fashion-MNIST IDX files (default: " + FashionMnist.DEFAULT_DIRECTORY + ").")
    Path data;

    @Option(names = "--image-folder", description = "Instead of Fashion-MNIST, a folder in the ImageNet layout (train/<class>/*, val/<class>/*), read as RGB at the "
            + "space's resolution (resize to 8/7 of it, random crop and flip for training, centre crop for evaluation); use an RGB space such as mobilenet.")
    Path imageFolder;

    @Option(names = "--stream-above", defaultValue = "1024", description = "With --image-folder: decode the images batch by batch from the files (a bounded"
            + " pool of threads, a fresh random crop and flip per epoch) when holding the decoded training and test images would take more than this many MiB;"
            + " 0 always streams (default: ${DEFAULT-VALUE}).")
    long streamAboveMib;

    @Option(names = "--decode-threads", defaultValue = "0", description = "Threads that decode streamed images, 0 for one per core (default: ${DEFAULT-VALUE}).")
    int decodeThreads;

    @Option(names = "--fixed", description = "The fixed comparison child (default: MB3E6 in every layer, MobileNetV2's block).")
    String fixed;

    @Option(names = "--steps", defaultValue = "1000", description = "Super-net training steps per method (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--retrain-steps", defaultValue = "1200", description = "Stand-alone training steps of each child (default: ${DEFAULT-VALUE}).")
    int retrainSteps;

    @Option(names = "--batch-size", defaultValue = "64", description = "Images per step (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--lr", defaultValue = "5e-3", description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--walk-changes", defaultValue = "2", description = "k of MAGIC-T and MAGIC-AT (default: ${DEFAULT-VALUE}).")
    int walkChanges;

    @Option(names = "--valid-size", defaultValue = "2000", description = "Training images held out for search (default: ${DEFAULT-VALUE}).")
    int validSize;

    @Option(names = "--train-size", defaultValue = "0", description = "Training images used, 0 for all the rest (default: ${DEFAULT-VALUE}).")
    int trainSize;

    @Option(names = "--test-size", defaultValue = "10000", description = "Test images scored (default: ${DEFAULT-VALUE}).")
    int testSize;

    @Option(names = "--bn-batches", defaultValue = "4", description = "Training batches of BatchNorm recalibration before a super-net child is scored, 0 for none (default: ${DEFAULT-VALUE}).")
    int bnBatches;

    @Option(names = "--population", defaultValue = "12", description = "Evolutionary search population (default: ${DEFAULT-VALUE}).")
    int population;

    @Option(names = "--generations", defaultValue = "3", description = "Evolutionary search generations (default: ${DEFAULT-VALUE}).")
    int generations;

    @Option(names = "--max-params", defaultValue = "0", description = "Parameter limit of the search, 0 for none (default: ${DEFAULT-VALUE}).")
    long maxParams;

    @Option(names = "--max-flops", defaultValue = "-1", description = "FLOP limit per image of the search, 0 for none (default: the fixed child's FLOPs).")
    long maxFlops;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the split, initialisation, sampling and batches (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--runs-dir", defaultValue = "runs", description = "Where run directories go (default: ${DEFAULT-VALUE}).")
    Path runsDir;

    @Option(names = "--resume", description = "A run directory of an interrupted image-search, continued with the options it was started with (its "
            + FILE + "): finished searches and retrainings are kept, an interrupted super-net resumes from its checkpoint.")
    Path resume;

    /** Where the units run: not saved with the run's options. */
    @Mixin
    transient SparkOptions spark;

    @CommandLine.Spec
    transient CommandLine.Model.CommandSpec spec;

    /** The file a run keeps the command's options in. */
    static final String FILE = "image-search-options.json";

    @Override
    public Integer call() throws Exception {
        return CommandRuns.call(resume, this, FILE);
    }

    @Override
    public void keepInvocation(CommandRuns.Resumable given) {
        spark = ((ImageSearchCommand) given).spark;
        spec = ((ImageSearchCommand) given).spec;
    }

    /** Searches in a new run directory, or continues {@code resumed}: the units run here or as Spark tasks, then the table. */
    @Override
    public int execute(RunDirectory resumed) throws Exception {
        spark.validate();
        try (ImageSearchUnits units = units(); TaskCluster cluster = spark.connect("image-search")) {
            RunDirectory run = resumed != null ? resumed : CommandRuns.create(runsDir, "image-search", this, FILE, this);
            SearchSpace s = units.space();
            Splits splits = units.splits();
            BatchNormPolicy policy = new BatchNormPolicy(bnBatches, batchSize);
            System.out.printf(Locale.ROOT, "image-search: %s, %s, %d training / %d validation / %d test images, methods %s, %d super-net and %d stand-alone"
                    + " steps of %d; BatchNorm: %s; run %s%n", s.describe(), imageFolder != null ? imageFolder : "Fashion-MNIST", splits.train().size(),
                    splits.valid().size(), splits.test().size(), methods, steps, retrainSteps, batchSize, policy.describe(), run);
            if (imageFolder != null) {
                System.out.println("  images: " + splits.loading());
            }
            if (cluster != null) {
                System.out.println("image-search: " + spark.describe());
                UnitRunner.runOnCluster(cluster, spec, this, units, run);
            } else {
                UnitRunner.runHere(units.units(), run);
            }
            List<Row> rows = units.rows(run);
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("space", s.describe());
            if (imageFolder != null) {
                summary.put("imageLoading", splits.loading());
            }
            summary.put("batchNormPolicy", policy.describe());
            summary.put("flopLimit", units.flopLimit());
            String table = table(rows, s, splits.train().classes());
            String context = imageFolder == null ? context() : "";
            System.out.print(table);
            System.out.print(context);
            run.writeString("results.txt", table + context);
            List<Map<String, Object>> json = new ArrayList<>();
            for (Row r : rows) {
                ChildCost c = s.image().cost(r.child(), splits.train().classes());
                Map<String, Object> row = new LinkedHashMap<>(); // a fixed key order: Map.of's differs from JVM to JVM
                row.put("row", r.name());
                row.put("architecture", r.child().toString());
                row.put("parameters", c.parameters());
                row.put("flops", c.forwardFlops());
                row.put("superNetValidationTop1Error", r.superNetError());
                row.put("testTop1Error", r.test().top1Error());
                row.put("testTop5Error", r.test().top5Error());
                row.put("minutes", r.minutes());
                json.add(row);
            }
            summary.put("rows", json);
            run.writeString("image-search.json", SuperNetRun.GSON.toJson(summary));
            System.out.println("run directory: " + run);
        }
        return 0;
    }

    @Override
    public UnitCommand.Units openUnits(String options, Path workingDir) throws IOException {
        ImageSearchCommand c = SuperNetRun.GSON.fromJson(options, ImageSearchCommand.class);
        c.data = c.data == null ? null : workingDir.resolve(c.data);
        c.imageFolder = c.imageFolder == null ? null : workingDir.resolve(c.imageFolder);
        return c.units();
    }

    /** Checks the options and reads the images (bad input fails here, before a run directory exists). */
    private ImageSearchUnits units() {
        SearchSpace s = Preset.of(space).space();
        if (!s.isImage()) {
            throw new IllegalArgumentException("--space " + space + " is not an image space: use mobilenet-cpu (28x28 grey) or mobilenet (224x224 RGB)");
        }
        if (steps < 1 || retrainSteps < 1 || batchSize < 1 || lr <= 0 || validSize < 1 || testSize < 1) {
            throw new IllegalArgumentException("--steps, --retrain-steps, --batch-size, --valid-size and --test-size must be >= 1 and --lr positive");
        }
        if (streamAboveMib < 0) {
            throw new IllegalArgumentException("--stream-above " + streamAboveMib + ": expected a size in MiB >= 0 (0 always streams)");
        }
        if (decodeThreads < 0) {
            throw new IllegalArgumentException("--decode-threads " + decodeThreads + ": expected >= 0 (0 for one per core)");
        }
        List<Method> methodList = new ArrayList<>();
        for (String m : methods) {
            methodList.add(Method.of(m.trim()));
        }
        Architecture fixedChild = Architecture.parse(s, fixed != null ? fixed : String.join(",", Collections.nCopies(s.layers(), "MB3E6")));
        Splits splits = imageFolder != null ? folderSplits(s) : fashionSplits(s);
        long flopLimit = maxFlops < 0 ? s.image().cost(fixedChild, splits.train().classes()).forwardFlops() : maxFlops;
        return new ImageSearchUnits(this, s, methodList, fixedChild, splits, flopLimit);
    }

    /**
     * The budgets and policies of a method's super-net, search and retraining.
     *
     * @param method the method
     * @param flopLimit the search's FLOP limit per image
     * @return the settings
     */
    ImageNasSettings settings(Method method, long flopLimit) {
        TrainingConfig superNet = new TrainingConfig(method, steps, lr, steps / 10, AdamSettings.paper(), seed, walkChanges,
                AlignmentConfig.defaults(steps / 5, 100, 4), Math.max(1, steps / 4), 1);
        TrainingConfig alone = TrainingConfig.standAlone(retrainSteps, lr, SplitMix64.mix(seed, 60));
        return new ImageNasSettings(superNet, alone, batchSize, new BatchNormPolicy(bnBatches, batchSize),
                new EvolutionarySearch(population, generations, Math.max(2, population / 3), 0.25), maxParams, flopLimit, 0.1f);
    }

    /**
     * Training, validation (held out from training) and test images, and how they are read; closing
     * stops the decoding threads of streamed images.
     */
    record Splits(ImageSource train, ImageData valid, ImageSource test, String loading) implements AutoCloseable {
        @Override
        public void close() {
            for (ImageSource source : new ImageSource[] {train, test}) {
                if (source instanceof StreamedImages streamed) {
                    streamed.close();
                }
            }
        }
    }

    private Splits fashionSplits(SearchSpace s) {
        if (s.image().inputChannels() != 1 || s.image().resolution() != FashionMnist.SIDE) {
            throw new IllegalArgumentException("--space " + space + ": Fashion-MNIST needs an image space of 1x28x28 inputs, e.g. mobilenet-cpu");
        }
        FashionMnist trainSet = FashionMnist.load(data, Split.TRAIN);
        FashionMnist testSet = FashionMnist.load(data, Split.TEST);
        ImageData test = toImageData(testSet);
        return split(toImageData(trainSet), test.range(0, Math.min(testSize, test.size())), "in memory");
    }

    private Splits folderSplits(SearchSpace s) {
        int side = s.image().resolution();
        if (s.image().inputChannels() != ImageTransform.CHANNELS) {
            throw new IllegalArgumentException("--space " + space + " takes " + s.image().inputChannels() + "-channel images; --image-folder gives RGB:"
                    + " use an RGB space such as mobilenet");
        }
        int resize = Math.round(side * 8f / 7f);
        ImageFolder trainFolder = ImageFolder.scan(imageFolder, Split.TRAIN);
        if (trainFolder.classes().size() < 2) {
            throw new IllegalArgumentException("--image-folder " + imageFolder + ": train/ has " + trainFolder.classes().size() + " class "
                    + trainFolder.classes() + ", classification needs at least 2");
        }
        ImageFolder testFolder = ImageFolder.scan(imageFolder, Split.TEST);
        int testCount = Math.min(testSize, testFolder.size());
        double decodedMib = (trainFolder.size() + (double) testCount) * ImageTransform.CHANNELS * side * side * Float.BYTES / (1024.0 * 1024.0);
        if (decodedMib > streamAboveMib) {
            return streamedSplits(trainFolder, testFolder, testCount, resize, side, decodedMib);
        }
        ImageFolderDataSource trainSource = new ImageFolderDataSource(imageFolder, Split.TRAIN, ImageTransform.training(resize, side), seed, 0, 0);
        List<String> classes = trainSource.classes();
        ImageData trainImages = folderImages(trainSource, classes, side);
        ImageFolderDataSource testSource = new ImageFolderDataSource(imageFolder, Split.TEST, ImageTransform.evaluation(resize, side), seed, 0, 0);
        ImageData test = folderImages(testSource, classes, side);
        return split(trainImages, test.range(0, Math.min(testSize, test.size())),
                String.format(Locale.ROOT, "in memory (%.1f MiB decoded, --stream-above %d)", decodedMib, streamAboveMib));
    }

    /**
     * The folder read batch by batch: the held-out images (centre crops) are decoded into memory now,
     * training images (a fresh random crop and flip per epoch) and test images (centre crops) on
     * demand, on a pool of decoding threads. Decoding the held-out images and the normalisation sample
     * here checks part of the files before the run starts; a file that fails later stops the run with
     * its name.
     */
    private Splits streamedSplits(ImageFolder trainFolder, ImageFolder testFolder, int testCount, int resize, int side, double decodedMib) {
        int n = trainFolder.size();
        if (validSize >= n - batchSize) {
            throw new IllegalArgumentException("--valid-size " + validSize + " leaves fewer than one batch of the " + n + " training images");
        }
        int trainCount = trainSize > 0 ? Math.min(trainSize, n - validSize) : n - validSize;
        int[] perm = new SplitMix64(SplitMix64.mix(seed, 50)).permutation(n);
        List<ImageEntry> entries = trainFolder.entries();
        List<ImageEntry> validEntries = new ArrayList<>(validSize);
        List<ImageEntry> trainEntries = new ArrayList<>(trainCount);
        for (int i = 0; i < validSize + trainCount; i++) {
            (i < validSize ? validEntries : trainEntries).add(entries.get(perm[i]));
        }
        int classes = trainFolder.classes().size();
        int threads = decodeThreads > 0 ? decodeThreads : Runtime.getRuntime().availableProcessors();
        ImageData valid;
        try (StreamedImages held = new StreamedImages(new ImageStream(validEntries, ImageTransform.evaluation(resize, side), seed, threads, 0), classes,
                seed)) {
            valid = held.load();
        }
        StreamedImages train = new StreamedImages(new ImageStream(trainEntries, ImageTransform.training(resize, side), seed, threads,
                ImageObjective.PREFETCH_STEPS), classes, seed);
        StreamedImages test = new StreamedImages(new ImageStream(testFolder.entries().subList(0, testCount), ImageTransform.evaluation(resize, side), seed,
                threads, 1), classes, seed);
        try {
            train.statistics();
        } catch (RuntimeException e) {
            train.close();
            test.close();
            throw e;
        }
        return new Splits(train, valid, test, String.format(Locale.ROOT, "streamed from the files by %d decoding threads (%.1f MiB decoded > --stream-above %d)",
                threads, decodedMib, streamAboveMib));
    }

    private static ImageData folderImages(ImageFolderDataSource source, List<String> classes, int side) {
        List<Example<Label>> examples = new ArrayList<>(source.size());
        source.forEach(examples::add);
        int[] labels = examples.stream().mapToInt(e -> classes.indexOf(e.getOutput().getLabel())).toArray();
        return ImageExamples.of(examples, ImageTransform.CHANNELS, side, classes.size(), labels);
    }

    /** Holds out the validation images from the training images by a seeded permutation. */
    private Splits split(ImageData all, ImageData test, String loading) {
        if (validSize >= all.size() - batchSize) {
            throw new IllegalArgumentException("--valid-size " + validSize + " leaves fewer than one batch of the " + all.size() + " training images");
        }
        int trainCount = trainSize > 0 ? Math.min(trainSize, all.size() - validSize) : all.size() - validSize;
        ImageData.HeldOut parts = all.holdOut(validSize, trainCount, SplitMix64.mix(seed, 50));
        return new Splits(parts.train(), parts.valid(), test, loading);
    }

    /** A finished row: the child, its super-net score (searched rows) and its stand-alone test score. */
    record Row(String name, Architecture child, double superNetError, ImageScore test, double minutes) {}

    /** Fashion-MNIST images as floats in [0, 1] with their labels. */
    static ImageData toImageData(FashionMnist set) {
        GreyImages images = set.images();
        int n = images.pixelsPerImage();
        float[] px = new float[set.size() * n];
        for (int i = 0; i < set.size(); i++) {
            System.arraycopy(images.unitFloats(i), 0, px, i * n, n);
        }
        return new ImageData(1, FashionMnist.SIDE, FashionMnist.CLASS_NAMES.size(), px, set.labels());
    }

    private static String table(List<Row> rows, SearchSpace s, int classes) {
        StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "%n%-9s %-48s %9s %11s %12s %11s %11s %9s%n", "row", "architecture", "params",
                "MFLOPs/img", "SN val err", "test top-1", "test top-5", "test acc"));
        for (Row r : rows) {
            ChildCost c = s.image().cost(r.child(), classes);
            t.append(String.format(Locale.ROOT, "%-9s %-48s %9d %11.2f %12s %11.4f %11.4f %9.4f%n", r.name(), r.child(), c.parameters(), c.forwardFlops() / 1e6,
                    Double.isNaN(r.superNetError()) ? "-" : String.format(Locale.ROOT, "%.4f", r.superNetError()), r.test().top1Error(), r.test().top5Error(),
                    r.test().accuracy()));
        }
        return t.toString();
    }

    private static String context() throws IOException {
        List<FashionBenchmarks.Entry> published = FashionBenchmarks.read(FashionBenchmarks.DOC_DIRECTORY);
        StringBuilder t = new StringBuilder("\nFor context, from the dataset-fashion-mnist package: benchmark/baselines.json lists only the"
                + " hyper-parameter grids of its scikit-learn benchmark (no accuracy);\nits README's table of submitted (untested) results gives:\n");
        if (published.isEmpty()) {
            return t.append("  (README.md.gz not found under ").append(FashionBenchmarks.DOC_DIRECTORY).append(")\n").toString();
        }
        for (FashionBenchmarks.Entry e : published) {
            String c = e.classifier();
            if (c.startsWith("MobileNet") || c.startsWith("MLP") || c.startsWith("Google AutoML") || c.startsWith("HOG+SVM")
                    || (c.equals("2 Conv+pooling") && e.accuracy() > 0.9)) {
                t.append(String.format(Locale.ROOT, "  %-28s %.3f  (%s)%n", c, e.accuracy(), e.preprocessing()));
            }
        }
        double best = published.stream().mapToDouble(FashionBenchmarks.Entry::accuracy).max().orElse(Double.NaN);
        t.append(String.format(Locale.ROOT, "  %d results in all, best %.3f; most train for many epochs, often with augmentation.%n", published.size(), best));
        return t.toString();
    }
}
