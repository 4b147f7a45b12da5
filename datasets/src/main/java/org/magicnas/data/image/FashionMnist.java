package org.magicnas.data.image;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.logging.Logger;
import org.magicnas.data.tribuo.Split;

/**
 * One split of Fashion-MNIST (Zalando article images: 60,000 training and 10,000 test images,
 * 28x28 grey, 10 classes), loaded from its four IDX files.
 *
 * <p>Files, each either raw or gzipped ({@code .gz} appended; the content decides, see {@link
 * IdxFile}): {@value #TRAIN_IMAGES}, {@value #TRAIN_LABELS}, {@value #TEST_IMAGES}, {@value
 * #TEST_LABELS}. They are looked for in the directory the caller gives, else in {@value
 * #DEFAULT_DIRECTORY}, where the Debian package {@value #DEBIAN_PACKAGE} installs the gzipped
 * files ({@code bin/install-fashion-mnist} installs it).
 *
 * <p>Fashion-MNIST publishes a training and a test set only: {@link Split#TRAIN} reads the
 * {@code train-*} files, {@link Split#TEST} the {@code t10k-*} files, and {@link Split#DEV} is
 * rejected (hold out part of TRAIN for model selection).
 */
public final class FashionMnist {

    /** Where the Debian package {@value #DEBIAN_PACKAGE} installs the files. */
    public static final String DEFAULT_DIRECTORY = "/usr/share/datasets/fashion-mnist";

    /** The Debian package that holds Fashion-MNIST. */
    public static final String DEBIAN_PACKAGE = "dataset-fashion-mnist";

    /** Training images, without the optional {@code .gz}. */
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    /** Training labels, without the optional {@code .gz}. */
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    /** Test images, without the optional {@code .gz}. */
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    /** Test labels, without the optional {@code .gz}. */
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

    /** Image height and width. */
    public static final int SIDE = 28;

    /** The class names, indexed by the label value in the files. */
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover",
            "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private static final Logger LOG = Logger.getLogger(FashionMnist.class.getName());

    private final Split split;
    private final Path imagesFile;
    private final Path labelsFile;
    private final GreyImages images;
    private final int[] labels;

    private FashionMnist(Split split, Path imagesFile, Path labelsFile, GreyImages images,
            int[] labels) {
        this.split = split;
        this.imagesFile = imagesFile;
        this.labelsFile = labelsFile;
        this.images = images;
        this.labels = labels;
    }

    /**
     * Returns the directory to read: the given one if not null, else {@value #DEFAULT_DIRECTORY}.
     *
     * @param directoryOrNull a directory given by the user, or null to use the default
     * @return an existing directory
     * @throws ImageDataException if the given directory does not exist, or none was given and
     *     the default does not exist
     */
    public static Path locate(Path directoryOrNull) {
        if (directoryOrNull != null) {
            if (!Files.isDirectory(directoryOrNull)) {
                throw new ImageDataException("Fashion-MNIST directory "
                        + directoryOrNull.toAbsolutePath() + (Files.exists(directoryOrNull) ? " is not a directory" : " does not exist")
                        + ": expected a directory"
                        + " holding " + TRAIN_IMAGES + "(.gz) and the other IDX files");
            }
            return directoryOrNull;
        }
        Path standard = Paths.get(DEFAULT_DIRECTORY);
        if (!Files.isDirectory(standard)) {
            throw new ImageDataException("Fashion-MNIST not found: " + DEFAULT_DIRECTORY
                    + " does not exist; run bin/install-fashion-mnist (installs the Debian package "
                    + DEBIAN_PACKAGE + ") or pass the directory holding the IDX files");
        }
        return standard;
    }

    /**
     * Resolves one of the four files in a directory, preferring the raw name to the {@code .gz}
     * name when both exist.
     *
     * @param directory the directory
     * @param baseName one of {@link #TRAIN_IMAGES}, {@link #TRAIN_LABELS}, {@link #TEST_IMAGES},
     *     {@link #TEST_LABELS}
     * @return the existing file
     * @throws ImageDataException naming the directory and both names if neither exists
     */
    public static Path file(Path directory, String baseName) {
        Path raw = directory.resolve(baseName);
        if (Files.isRegularFile(raw)) {
            return raw;
        }
        Path gz = directory.resolve(baseName + ".gz");
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        throw new ImageDataException("Fashion-MNIST directory " + directory.toAbsolutePath()
                + " has neither " + baseName + " nor " + baseName + ".gz");
    }

    /**
     * Returns the images file of a split.
     *
     * @param directory the Fashion-MNIST directory
     * @param split TRAIN or TEST
     * @return the existing file
     * @throws ImageDataException if the split is DEV or the file is missing
     */
    public static Path imagesFile(Path directory, Split split) {
        return file(directory, checkSplit(split) == Split.TRAIN ? TRAIN_IMAGES : TEST_IMAGES);
    }

    /**
     * Returns the labels file of a split.
     *
     * @param directory the Fashion-MNIST directory
     * @param split TRAIN or TEST
     * @return the existing file
     * @throws ImageDataException if the split is DEV or the file is missing
     */
    public static Path labelsFile(Path directory, Split split) {
        return file(directory, checkSplit(split) == Split.TRAIN ? TRAIN_LABELS : TEST_LABELS);
    }

    private static Split checkSplit(Split split) {
        if (split == Split.DEV) {
            throw new ImageDataException("Fashion-MNIST has no DEV split: expected TRAIN or TEST"
                    + " (hold out part of TRAIN for model selection)");
        }
        return split;
    }

    /**
     * Locates and loads one split, checking that the images are 28x28, that there are as many
     * labels as images and that every label is a class index (0..9).
     *
     * @param directoryOrNull the directory holding the files, or null for {@value
     *     #DEFAULT_DIRECTORY}
     * @param split TRAIN or TEST
     * @return the loaded split
     * @throws ImageDataException with a one-line message naming the file(s) on any problem
     */
    public static FashionMnist load(Path directoryOrNull, Split split) {
        Path directory = locate(directoryOrNull);
        Path imagesPath = imagesFile(directory, split);
        Path labelsPath = labelsFile(directory, split);
        GreyImages images = IdxFile.read(imagesPath).images();
        if (images.rows() != SIDE || images.cols() != SIDE) {
            throw new ImageDataException("Fashion-MNIST images file " + imagesPath.toAbsolutePath()
                    + " holds " + images.rows() + "x" + images.cols() + " images, expected "
                    + SIDE + "x" + SIDE);
        }
        int[] labels = IdxFile.read(labelsPath).labels();
        if (labels.length != images.count()) {
            throw new ImageDataException("Fashion-MNIST images file " + imagesPath.toAbsolutePath()
                    + " holds " + images.count() + " images but labels file "
                    + labelsPath.toAbsolutePath() + " holds " + labels.length
                    + " labels: expected equal counts");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= CLASS_NAMES.size()) {
                throw new ImageDataException("Fashion-MNIST labels file "
                        + labelsPath.toAbsolutePath() + " has label " + labels[i] + " at index " + i
                        + ", expected 0.." + (CLASS_NAMES.size() - 1));
            }
        }
        LOG.fine(() -> "Loaded Fashion-MNIST " + split + ": " + images.count() + " images from "
                + imagesPath);
        return new FashionMnist(split, imagesPath, labelsPath, images, labels);
    }

    /**
     * Returns the split.
     *
     * @return TRAIN or TEST
     */
    public Split split() {
        return split;
    }

    /**
     * Returns the images file that was read.
     *
     * @return the path
     */
    public Path imagesFile() {
        return imagesFile;
    }

    /**
     * Returns the labels file that was read.
     *
     * @return the path
     */
    public Path labelsFile() {
        return labelsFile;
    }

    /**
     * Returns the number of images.
     *
     * @return the count
     */
    public int size() {
        return labels.length;
    }

    /**
     * Returns the images.
     *
     * @return the 28x28 images
     */
    public GreyImages images() {
        return images;
    }

    /**
     * Returns one label.
     *
     * @param index the image index
     * @return the class index, 0..9
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public int label(int index) {
        return labels[index];
    }

    /**
     * Returns the class name of one image.
     *
     * @param index the image index
     * @return one of {@link #CLASS_NAMES}
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public String className(int index) {
        return CLASS_NAMES.get(labels[index]);
    }

    /**
     * Returns all labels.
     *
     * @return a copy of the class indices, in file order
     */
    public int[] labels() {
        return labels.clone();
    }

    @Override
    public String toString() {
        return "FashionMnist(" + split + ", " + size() + " images from " + imagesFile + ")";
    }
}
