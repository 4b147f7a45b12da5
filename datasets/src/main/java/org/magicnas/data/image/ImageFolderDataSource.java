package org.magicnas.data.image;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.magicnas.data.tribuo.Split;
import org.tribuo.ConfigurableDataSource;
import org.tribuo.Example;
import org.tribuo.OutputFactory;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.ConfiguredDataSourceProvenance;

/**
 * A Tribuo data source over one split of an {@link ImageFolder} (ImageNet layout), each image
 * turned into a CHW RGB tensor by an {@link ImageTransform}.
 *
 * <p>Each image becomes an example with {@code 3 * crop * crop} dense features named by {@link
 * PixelFeatures} over the CHW layout ({@code px} plus the six-digit index {@code (c * crop + y) *
 * crop + x}), every value present even when it is 0. Values are in [0, 1] unless {@code
 * normalize} is set, in which case channel {@code c} becomes {@code (v - mean[c]) / std[c]};
 * {@code mean} and {@code std} default to the ImageNet statistics ({@code 0.485, 0.456, 0.406}
 * and {@code 0.229, 0.224, 0.225}). The label is the class directory's name.
 *
 * <p>With {@code augmentation = RANDOM_CROP_FLIP} the crop position and flip of image {@code i}
 * are drawn from {@link ImageTransform#random}{@code (seed, epoch, i)}: iterating twice gives the
 * same examples, and a source per epoch gives a new draw each epoch.
 *
 * <p>The folder is listed when the source is created; images are decoded while iterating (an
 * unreadable image fails the iteration with an {@link ImageDataException} naming the file).
 * {@code limit} keeps the first N images of the listing (ordered by class, then file name). The
 * provenance records the configuration, a SHA-256 of the listing (relative paths and sizes; file
 * contents are not hashed, which would take hours on ImageNet), the numbers of classes and
 * examples, and the creation time.
 */
public final class ImageFolderDataSource implements ConfigurableDataSource<Label> {

    @Config(mandatory = true, description = "The data set root, holding train/ and val/.")
    private Path root;

    @Config(mandatory = true, description = "The split to read: TRAIN (train/) or TEST (val/).")
    private Split split;

    @Config(description = "The length of the shorter side after resizing.")
    private int resize = 256;

    @Config(description = "The side of the square crop; at most resize.")
    private int crop = 224;

    @Config(description = "NONE (centre crop) or RANDOM_CROP_FLIP (random crop and flip).")
    private Augmentation augmentation = Augmentation.NONE;

    @Config(description = "The base seed of the augmentation.")
    private long seed = 0L;

    @Config(description = "The epoch, mixed into the augmentation seed.")
    private int epoch = 0;

    @Config(description = "Normalise channels with mean and std; otherwise values are in [0,1].")
    private boolean normalize = false;

    @Config(description = "Per-channel (R,G,B) mean used when normalize is set.")
    private float[] mean = ImageTransform.imagenetMean();

    @Config(description = "Per-channel (R,G,B) standard deviation used when normalize is set.")
    private float[] std = ImageTransform.imagenetStd();

    @Config(description = "Read only the first N images of the listing; 0 reads all.")
    private int limit = 0;

    private final LabelFactory factory = new LabelFactory();
    private ImageFolder folder;
    private ImageTransform transform;
    private String[] names;
    private int size;
    private ImageFolderDataSourceProvenance provenance;

    /** For OLCUT. */
    private ImageFolderDataSource() {}

    /**
     * Lists a split with a given transform.
     *
     * @param root the data set root
     * @param split TRAIN or TEST
     * @param transform the image transform; its mean and std are recorded as {@code normalize},
     *     {@code mean} and {@code std} (no normalisation when they are 0 and 1)
     * @param seed the base seed of the augmentation
     * @param epoch the epoch, mixed into the augmentation seed
     * @param limit the number of images to keep from the start of the listing, 0 for all
     * @throws PropertyException if an option is invalid
     * @throws ImageDataException if the folder layout is wrong
     */
    public ImageFolderDataSource(Path root, Split split, ImageTransform transform, long seed,
            int epoch, int limit) {
        this.root = root;
        this.split = split;
        this.resize = transform.resize();
        this.crop = transform.crop();
        this.augmentation = transform.augmentation();
        float[] m = transform.mean();
        float[] s = transform.std();
        this.normalize = !(Arrays.equals(m, new float[] {0f, 0f, 0f})
                && Arrays.equals(s, new float[] {1f, 1f, 1f}));
        if (normalize) {
            this.mean = m;
            this.std = s;
        }
        this.seed = seed;
        this.epoch = epoch;
        this.limit = limit;
        postConfig();
    }

    /**
     * Validates the configuration, then lists the folder. Used by OLCUT.
     *
     * @throws PropertyException if an option is invalid
     * @throws ImageDataException if the folder layout is wrong
     */
    @Override
    public void postConfig() {
        if (root == null) {
            throw new PropertyException("", "root", "root is not set");
        }
        if (split == null || split == Split.DEV) {
            throw new PropertyException("", "split", "split is " + split
                    + ": expected TRAIN (train/) or TEST (val/)");
        }
        if (limit < 0) {
            throw new PropertyException("", "limit", "limit is " + limit
                    + ": expected 0 (all images) or a positive count");
        }
        if (epoch < 0) {
            throw new PropertyException("", "epoch", "epoch is " + epoch + ": expected >= 0");
        }
        try {
            ImageTransform base = new ImageTransform(resize, crop, augmentation,
                    new float[] {0f, 0f, 0f}, new float[] {1f, 1f, 1f});
            transform = normalize ? base.normalized(mean, std) : base;
        } catch (IllegalArgumentException e) {
            throw new PropertyException("", "resize/crop/mean/std", e.getMessage());
        }
        if (transform.outputLength() > PixelFeatures.MAX_COUNT) {
            throw new PropertyException("", "crop", "crop " + crop + " gives "
                    + transform.outputLength() + " features, expected at most "
                    + PixelFeatures.MAX_COUNT);
        }
        folder = ImageFolder.scan(root, split);
        size = limit == 0 ? folder.size() : Math.min(limit, folder.size());
        names = PixelFeatures.names(transform.outputLength());
        provenance = new ImageFolderDataSourceProvenance(this, folder.listingSha256(),
                folder.classes().size(), size);
    }

    /**
     * Returns the number of examples.
     *
     * @return the image count after the limit
     */
    public int size() {
        return size;
    }

    /**
     * Returns the number of features of every example.
     *
     * @return {@code 3 * crop * crop}
     */
    public int featureCount() {
        return names.length;
    }

    /**
     * Returns the class names.
     *
     * @return the sorted class directory names of {@code train/}
     */
    public List<String> classes() {
        return folder.classes();
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
     * Returns the transform.
     *
     * @return the configured image transform
     */
    public ImageTransform transform() {
        return transform;
    }

    /**
     * Returns the listed folder.
     *
     * @return all images of the split (regardless of the limit)
     */
    public ImageFolder folder() {
        return folder;
    }

    /**
     * Decodes, transforms and encodes one image.
     *
     * @param index the entry index, below {@link #size()}
     * @return the example
     * @throws ImageDataException naming the file if it cannot be decoded
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public Example<Label> example(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("example " + index + " outside 0.." + (size - 1));
        }
        ImageEntry entry = folder.entries().get(index);
        float[] values = transform.apply(folder.read(index), seed, epoch, index);
        return PixelFeatures.encode(new Label(folder.classes().get(entry.classIndex())), names,
                values);
    }

    /**
     * Returns the output factory.
     *
     * @return a {@link LabelFactory}
     */
    @Override
    public OutputFactory<Label> getOutputFactory() {
        return factory;
    }

    /**
     * Returns the provenance.
     *
     * @return the provenance, with the listing hash and counts
     */
    @Override
    public ConfiguredDataSourceProvenance getProvenance() {
        return provenance;
    }

    /**
     * Iterates over the examples in listing order, decoding each image on demand.
     *
     * @return a new iterator
     */
    @Override
    public Iterator<Example<Label>> iterator() {
        return IndexedIterator.over(size, this::example);
    }

    @Override
    public String toString() {
        return "ImageFolderDataSource(root=" + root + ",split=" + split + "," + transform
                + ",examples=" + size + ")";
    }
}
