package org.magicnas.data.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.magicnas.data.tribuo.Split;

/**
 * The images of one split of a data set in the ImageNet folder layout: {@code
 * <root>/train/<class>/<image>} and {@code <root>/val/<class>/<image>}.
 *
 * <p>The classes are the sorted names of the subdirectories of {@code train/}, whichever split is
 * read, so class indices agree between splits; {@code val/} may lack classes but must not have
 * classes that {@code train/} lacks. Images are the files ending in {@code .JPEG}, {@code .jpg},
 * {@code .jpeg} or {@code .png} (any case) directly inside a class directory; other files and
 * names starting with a dot are ignored. Entries are ordered by class, then by file name.
 *
 * <p>{@link Split#TRAIN} reads {@value #TRAIN_DIRECTORY}/, {@link Split#TEST} reads {@value
 * #VAL_DIRECTORY}/ (ImageNet's labelled held-out set, whose score is reported as the test score),
 * and {@link Split#DEV} is rejected (hold out part of TRAIN for model selection).
 *
 * <p>Images are decoded with {@link ImageIO}. The run-time dependency {@code
 * com.twelvemonkeys.imageio:imageio-jpeg} registers a JPEG reader in ImageIO's service registry
 * ahead of the JDK's, so Adobe CMYK and YCCK JPEGs (ImageNet's training set has a few), lossless
 * JPEGs (SOF3, which the JDK rejects) and JPEGs with damaged ICC profiles are read as well; no
 * code refers to the plugin, so a class path without it falls back to the JDK's reader.
 */
public final class ImageFolder {

    /** The training subdirectory. */
    public static final String TRAIN_DIRECTORY = "train";

    /** The held-out subdirectory, read for {@link Split#TEST}. */
    public static final String VAL_DIRECTORY = "val";

    /** The accepted file extensions, lower case. */
    public static final Set<String> EXTENSIONS = Set.of("jpeg", "jpg", "png");

    private static final Logger LOG = Logger.getLogger(ImageFolder.class.getName());

    private final Path root;
    private final Split split;
    private final List<String> classes;
    private final List<ImageEntry> entries;

    private ImageFolder(Path root, Split split, List<String> classes, List<ImageEntry> entries) {
        this.root = root;
        this.split = split;
        this.classes = classes;
        this.entries = entries;
    }

    /**
     * Returns the subdirectory a split reads.
     *
     * @param split TRAIN or TEST
     * @return {@value #TRAIN_DIRECTORY} or {@value #VAL_DIRECTORY}
     * @throws ImageDataException if the split is DEV
     */
    public static String directoryName(Split split) {
        return switch (split) {
            case TRAIN -> TRAIN_DIRECTORY;
            case TEST -> VAL_DIRECTORY;
            case DEV -> throw new ImageDataException("an image folder has no DEV split: expected"
                    + " TRAIN (train/) or TEST (val/); hold out part of TRAIN for model selection");
        };
    }

    /**
     * Lists the classes and images of one split.
     *
     * @param root the data set root, holding {@code train/} and {@code val/}
     * @param split TRAIN or TEST
     * @return the scanned split
     * @throws ImageDataException naming the directory if {@code train/} or the split's directory
     *     is missing, {@code train/} has no class directories, {@code val/} has a class that
     *     {@code train/} lacks, or the split holds no images
     */
    public static ImageFolder scan(Path root, Split split) {
        String name = directoryName(split);
        Path trainDir = root.resolve(TRAIN_DIRECTORY);
        requireDirectory(trainDir, root);
        List<String> classes = subdirectories(trainDir);
        if (classes.isEmpty()) {
            throw new ImageDataException("image folder " + trainDir.toAbsolutePath()
                    + " has no class subdirectories: expected train/<class>/<image files>");
        }
        Path splitDir = root.resolve(name);
        requireDirectory(splitDir, root);
        if (split != Split.TRAIN) {
            for (String cls : subdirectories(splitDir)) {
                if (Collections.binarySearch(classes, cls) < 0) {
                    throw new ImageDataException("image folder class directory "
                            + splitDir.resolve(cls).toAbsolutePath() + " is absent from "
                            + trainDir.toAbsolutePath() + ": expected " + name
                            + "/ classes to be among train/'s " + classes.size() + " classes");
                }
            }
        }
        List<ImageEntry> entries = new ArrayList<>();
        int ignored = 0;
        for (int c = 0; c < classes.size(); c++) {
            Path classDir = splitDir.resolve(classes.get(c));
            if (!Files.isDirectory(classDir)) {
                continue;
            }
            for (Path file : list(classDir)) {
                if (isImageName(file) && Files.isRegularFile(file)) {
                    entries.add(new ImageEntry(file, c));
                } else {
                    ignored++;
                }
            }
        }
        if (entries.isEmpty()) {
            throw new ImageDataException("image folder " + splitDir.toAbsolutePath()
                    + " holds no images: expected " + name + "/<class>/<file> ending in .JPEG,"
                    + " .jpg, .jpeg or .png");
        }
        if (ignored > 0) {
            int count = ignored;
            LOG.info(() -> "Ignored " + count + " non-image entries under " + splitDir);
        }
        return new ImageFolder(root, split, List.copyOf(classes), List.copyOf(entries));
    }

    private static void requireDirectory(Path dir, Path root) {
        if (!Files.isDirectory(dir)) {
            throw new ImageDataException("image folder " + dir.toAbsolutePath()
                    + " does not exist: expected " + root.toAbsolutePath()
                    + "/{train,val}/<class>/<image files>");
        }
    }

    private static List<String> subdirectories(Path dir) {
        List<String> names = new ArrayList<>();
        for (Path child : list(dir)) {
            if (Files.isDirectory(child)) {
                names.add(child.getFileName().toString());
            }
        }
        Collections.sort(names);
        return names;
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> stream = Files.list(dir)) {
            return stream.filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted((a, b) -> a.getFileName().toString()
                            .compareTo(b.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new ImageDataException("cannot list directory " + dir.toAbsolutePath() + ": " + e,
                    e);
        }
    }

    private static boolean isImageName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /**
     * Decodes one image.
     *
     * @param index the entry index
     * @return the decoded image
     * @throws ImageDataException naming the file if ImageIO cannot decode it
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public BufferedImage read(int index) {
        return decode(entries.get(index).file());
    }

    /**
     * Decodes an image file with {@link ImageIO}.
     *
     * @param file the file
     * @return the decoded image
     * @throws ImageDataException naming the file if it cannot be read or decoded
     */
    public static BufferedImage decode(Path file) {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new ImageDataException("cannot decode image " + file.toAbsolutePath()
                    + ": expected a readable JPEG or PNG (RGB or grey), got " + e, e);
        }
        if (image == null) {
            throw new ImageDataException("cannot decode image " + file.toAbsolutePath()
                    + ": no ImageIO reader recognises its content, expected JPEG or PNG");
        }
        return image;
    }

    /**
     * Hashes the listing: for each entry in order, its path relative to the root and its size in
     * bytes. Cheap to compute for large data sets (file contents are not read) and changes when a
     * file is added, removed, renamed or resized.
     *
     * @return hex SHA-256
     * @throws ImageDataException if a file's size cannot be read
     */
    public String listingSha256() {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
        for (ImageEntry entry : entries) {
            long size;
            try {
                size = Files.size(entry.file());
            } catch (IOException e) {
                throw new ImageDataException("cannot read the size of image "
                        + entry.file().toAbsolutePath() + ": " + e, e);
            }
            String relative = root.relativize(entry.file()).toString().replace('\\', '/');
            digest.update((relative + '\t' + size + '\n').getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Returns the root directory.
     *
     * @return the root given to {@link #scan}
     */
    public Path root() {
        return root;
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
     * Returns the class names.
     *
     * @return the sorted subdirectory names of {@code train/} (unmodifiable)
     */
    public List<String> classes() {
        return classes;
    }

    /**
     * Returns the images.
     *
     * @return the entries ordered by class, then file name (unmodifiable)
     */
    public List<ImageEntry> entries() {
        return entries;
    }

    /**
     * Returns the number of images.
     *
     * @return the entry count
     */
    public int size() {
        return entries.size();
    }

    @Override
    public String toString() {
        return "ImageFolder(" + root + ", " + split + ", " + classes.size() + " classes, "
                + entries.size() + " images)";
    }
}
