package org.magicnas.data.image;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import java.nio.file.Path;
import java.util.Iterator;
import org.magicnas.data.tribuo.Split;
import org.tribuo.ConfigurableDataSource;
import org.tribuo.Example;
import org.tribuo.OutputFactory;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.ConfiguredDataSourceProvenance;

/**
 * A Tribuo data source over one split of {@link FashionMnist}.
 *
 * <p>Each image becomes an example with 784 dense features named by {@link PixelFeatures}
 * ({@code px000000} .. {@code px000783}, position {@code y * 28 + x}), values {@code byte / 255}
 * in [0, 1], every pixel present even when it is 0 (unlike Tribuo's {@code IDXDataSource}, which
 * leaves out zero pixels, so a pixel that is 0 in every image gets no feature id). The label is
 * the class name ({@link FashionMnist#CLASS_NAMES}, e.g. {@code Ankle boot}).
 *
 * <p>The files are read and checked when the source is created; examples are built lazily while
 * iterating, so the source itself holds only the pixel bytes (a {@code MutableDataset} of all
 * 60,000 training images, stored densely as doubles, needs roughly 600 MB). {@code limit} keeps
 * the first N images for quick runs. The provenance records the configuration (with the
 * directory actually read), both files' SHA-256 and modification times, and the example count.
 */
public final class FashionMnistDataSource implements ConfigurableDataSource<Label> {

    @Config(description = "Directory holding the four IDX files (raw or .gz); unset reads "
            + FashionMnist.DEFAULT_DIRECTORY + ".")
    private Path dataDirectory;

    @Config(mandatory = true, description = "The split to read: TRAIN or TEST.")
    private Split split;

    @Config(description = "Read only the first N images; 0 reads all.")
    private int limit = 0;

    private final LabelFactory factory = new LabelFactory();
    private FashionMnist data;
    private String[] names;
    private int size;
    private FashionMnistDataSourceProvenance provenance;

    /** For OLCUT. */
    private FashionMnistDataSource() {}

    /**
     * Reads a split.
     *
     * @param dataDirectoryOrNull the directory holding the IDX files, or null for {@value
     *     FashionMnist#DEFAULT_DIRECTORY}
     * @param split TRAIN or TEST
     * @param limit the number of images to keep from the start, 0 for all
     * @throws PropertyException if the split is DEV or the limit is negative
     * @throws ImageDataException if the files are missing or malformed
     */
    public FashionMnistDataSource(Path dataDirectoryOrNull, Split split, int limit) {
        this.dataDirectory = dataDirectoryOrNull;
        this.split = split;
        this.limit = limit;
        postConfig();
    }

    /**
     * Validates the configuration, then locates, reads and checks the files. Used by OLCUT.
     *
     * @throws PropertyException if the split is missing or DEV, or the limit is negative
     * @throws ImageDataException if the files are missing or malformed
     */
    @Override
    public void postConfig() {
        if (split == null || split == Split.DEV) {
            throw new PropertyException("", "split",
                    "split is " + split + ": expected TRAIN or TEST (Fashion-MNIST has no DEV)");
        }
        if (limit < 0) {
            throw new PropertyException("", "limit", "limit is " + limit
                    + ": expected 0 (all images) or a positive count");
        }
        dataDirectory = FashionMnist.locate(dataDirectory);
        data = FashionMnist.load(dataDirectory, split);
        size = limit == 0 ? data.size() : Math.min(limit, data.size());
        names = PixelFeatures.names(data.images().pixelsPerImage());
        provenance = new FashionMnistDataSourceProvenance(this, data.imagesFile(),
                data.labelsFile(), size);
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
     * @return 784
     */
    public int featureCount() {
        return names.length;
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
     * Returns the loaded split.
     *
     * @return the images and labels (all of them, regardless of the limit)
     */
    public FashionMnist data() {
        return data;
    }

    /**
     * Builds one example.
     *
     * @param index the image index, below {@link #size()}
     * @return the example
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public Example<Label> example(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("example " + index + " outside 0.." + (size - 1));
        }
        return PixelFeatures.encode(new Label(data.className(index)), names,
                data.images().unitFloats(index));
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
     * @return the provenance, with file hashes and the example count
     */
    @Override
    public ConfiguredDataSourceProvenance getProvenance() {
        return provenance;
    }

    /**
     * Iterates over the examples in file order, building each on demand.
     *
     * @return a new iterator
     */
    @Override
    public Iterator<Example<Label>> iterator() {
        return IndexedIterator.over(size, this::example);
    }

    @Override
    public String toString() {
        return "FashionMnistDataSource(split=" + split + ",dir=" + dataDirectory + ",examples="
                + size + ")";
    }
}
