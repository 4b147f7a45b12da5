package org.magicnas.data.image;

import com.oracle.labs.mlrg.olcut.provenance.PrimitiveProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DateTimeProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.HashProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import java.util.Map;
import org.magicnas.data.tribuo.InstanceValuesProvenance;

/**
 * Provenance of an {@link ImageFolderDataSource}: its configuration plus, as instance values,
 * the SHA-256 of the folder listing ({@link ImageFolder#listingSha256()}), the numbers of classes
 * and examples, and the creation time.
 */
public final class ImageFolderDataSourceProvenance extends InstanceValuesProvenance {

    private static final long serialVersionUID = 1L;

    /** The key of the listing hash. */
    public static final String LISTING_HASH = "listing-hash";
    /** The key of the number of classes. */
    public static final String CLASSES = "classes";
    /** The key of the number of examples. */
    public static final String EXAMPLES = "examples";

    private static final Map<String, Class<? extends PrimitiveProvenance<?>>> SCHEMA = Map.of(LISTING_HASH, HashProvenance.class,
            CLASSES, IntProvenance.class, EXAMPLES, IntProvenance.class, DATASOURCE_CREATION_TIME, DateTimeProvenance.class);

    /**
     * Records a data source after it listed its folder.
     *
     * @param host the data source
     * @param listingSha256 the listing hash
     * @param classes the number of classes
     * @param examples the number of examples
     */
    ImageFolderDataSourceProvenance(ImageFolderDataSource host, String listingSha256, int classes, int examples) {
        super(host, Map.of(LISTING_HASH, new HashProvenance(ProvenanceUtil.HashType.SHA256, LISTING_HASH, listingSha256),
                CLASSES, new IntProvenance(CLASSES, classes), EXAMPLES, new IntProvenance(EXAMPLES, examples),
                DATASOURCE_CREATION_TIME, createdNow()));
    }

    /**
     * Deserialization constructor, used by {@link ProvenanceUtil#unmarshalProvenance}.
     *
     * @param map the provenance values
     */
    public ImageFolderDataSourceProvenance(Map<String, Provenance> map) {
        super(map, SCHEMA, ImageFolderDataSourceProvenance.class);
    }

    /**
     * Returns the SHA-256 of the folder listing.
     *
     * @return 64 lower-case hex digits
     */
    public String listingSha256() {
        return value(LISTING_HASH, HashProvenance.class).getValue();
    }

    /**
     * Returns the number of classes.
     *
     * @return the class count
     */
    public int classes() {
        return value(CLASSES, IntProvenance.class).getValue();
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
