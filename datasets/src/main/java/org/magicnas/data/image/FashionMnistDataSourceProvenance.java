package org.magicnas.data.image;

import com.oracle.labs.mlrg.olcut.provenance.PrimitiveProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DateTimeProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.HashProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import java.nio.file.Path;
import java.util.Map;
import org.magicnas.data.tribuo.InstanceValuesProvenance;

/**
 * Provenance of a {@link FashionMnistDataSource}: its configuration plus, as instance values,
 * the SHA-256 and modification time of the images and labels files, the creation time and the
 * number of examples.
 */
public final class FashionMnistDataSourceProvenance extends InstanceValuesProvenance {

    private static final long serialVersionUID = 1L;

    /** The key of the images file's modification time. */
    public static final String IMAGES_FILE_MODIFIED_TIME = "images-file-modified-time";
    /** The key of the labels file's modification time. */
    public static final String LABELS_FILE_MODIFIED_TIME = "labels-file-modified-time";
    /** The key of the images file's SHA-256. */
    public static final String IMAGES_RESOURCE_HASH = "images-resource-hash";
    /** The key of the labels file's SHA-256. */
    public static final String LABELS_RESOURCE_HASH = "labels-resource-hash";
    /** The key of the number of examples. */
    public static final String EXAMPLES = "examples";

    private static final Map<String, Class<? extends PrimitiveProvenance<?>>> SCHEMA = Map.of(
            IMAGES_FILE_MODIFIED_TIME, DateTimeProvenance.class, LABELS_FILE_MODIFIED_TIME, DateTimeProvenance.class,
            DATASOURCE_CREATION_TIME, DateTimeProvenance.class, IMAGES_RESOURCE_HASH, HashProvenance.class,
            LABELS_RESOURCE_HASH, HashProvenance.class, EXAMPLES, IntProvenance.class);

    /**
     * Records a data source after it read its files.
     *
     * @param host the data source
     * @param imagesFile the images file read
     * @param labelsFile the labels file read
     * @param examples the number of examples
     */
    FashionMnistDataSourceProvenance(FashionMnistDataSource host, Path imagesFile, Path labelsFile, int examples) {
        super(host, Map.of(IMAGES_FILE_MODIFIED_TIME, modifiedTime(IMAGES_FILE_MODIFIED_TIME, imagesFile),
                LABELS_FILE_MODIFIED_TIME, modifiedTime(LABELS_FILE_MODIFIED_TIME, labelsFile), DATASOURCE_CREATION_TIME, createdNow(),
                IMAGES_RESOURCE_HASH, sha256(IMAGES_RESOURCE_HASH, imagesFile), LABELS_RESOURCE_HASH, sha256(LABELS_RESOURCE_HASH, labelsFile),
                EXAMPLES, new IntProvenance(EXAMPLES, examples)));
    }

    /**
     * Deserialization constructor, used by {@link ProvenanceUtil#unmarshalProvenance}.
     *
     * @param map the provenance values
     */
    public FashionMnistDataSourceProvenance(Map<String, Provenance> map) {
        super(map, SCHEMA, FashionMnistDataSourceProvenance.class);
    }

    /**
     * Returns the SHA-256 of the images file.
     *
     * @return 64 lower-case hex digits
     */
    public String imagesSha256() {
        return value(IMAGES_RESOURCE_HASH, HashProvenance.class).getValue();
    }

    /**
     * Returns the SHA-256 of the labels file.
     *
     * @return 64 lower-case hex digits
     */
    public String labelsSha256() {
        return value(LABELS_RESOURCE_HASH, HashProvenance.class).getValue();
    }

    /**
     * Returns the number of examples.
     *
     * @return the example count after the limit
     */
    public int examples() {
        return value(EXAMPLES, IntProvenance.class).getValue();
    }
}
