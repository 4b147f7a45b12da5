package org.magicnas.data.image;

import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.PrimitiveProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import com.oracle.labs.mlrg.olcut.provenance.impl.SkeletalConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DateTimeProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.HashProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.tribuo.provenance.ConfiguredDataSourceProvenance;

/**
 * Provenance of an {@link ImageFolderDataSource}: its configuration plus, as instance values,
 * the SHA-256 of the folder listing ({@link ImageFolder#listingSha256()}), the numbers of classes
 * and examples, and the creation time.
 */
public final class ImageFolderDataSourceProvenance extends SkeletalConfiguredObjectProvenance
        implements ConfiguredDataSourceProvenance {

    private static final long serialVersionUID = 1L;

    /** The key of the listing hash. */
    public static final String LISTING_HASH = "listing-hash";
    /** The key of the number of classes. */
    public static final String CLASSES = "classes";
    /** The key of the number of examples. */
    public static final String EXAMPLES = "examples";

    /** The SHA-256 of the folder listing. */
    private final HashProvenance listingHash;
    /** The number of classes. */
    private final IntProvenance classes;
    /** The number of examples. */
    private final IntProvenance examples;
    /** When the data source was created. */
    private final DateTimeProvenance creationTime;

    /**
     * Records a data source after it listed its folder.
     *
     * @param host the data source
     * @param listingSha256 the listing hash
     * @param classes the number of classes
     * @param examples the number of examples
     */
    ImageFolderDataSourceProvenance(ImageFolderDataSource host, String listingSha256, int classes,
            int examples) {
        super(host, "DataSource");
        this.listingHash = new HashProvenance(ProvenanceUtil.HashType.SHA256, LISTING_HASH,
                listingSha256);
        this.classes = new IntProvenance(CLASSES, classes);
        this.examples = new IntProvenance(EXAMPLES, examples);
        this.creationTime = new DateTimeProvenance(DATASOURCE_CREATION_TIME, OffsetDateTime.now());
    }

    /**
     * Deserialization constructor, used by {@link ProvenanceUtil#unmarshalProvenance}.
     *
     * @param map the provenance values
     */
    public ImageFolderDataSourceProvenance(Map<String, Provenance> map) {
        this(extract(map));
    }

    private ImageFolderDataSourceProvenance(ExtractedInfo info) {
        super(info);
        this.listingHash = (HashProvenance) info.instanceValues.get(LISTING_HASH);
        this.classes = (IntProvenance) info.instanceValues.get(CLASSES);
        this.examples = (IntProvenance) info.instanceValues.get(EXAMPLES);
        this.creationTime =
                (DateTimeProvenance) info.instanceValues.get(DATASOURCE_CREATION_TIME);
    }

    private static ExtractedInfo extract(Map<String, Provenance> map) {
        Map<String, Provenance> configured = new HashMap<>(map);
        String owner = ImageFolderDataSourceProvenance.class.getSimpleName();
        String className = ObjectProvenance.checkAndExtractProvenance(
                configured, CLASS_NAME, StringProvenance.class, owner).getValue();
        String hostName = ObjectProvenance.checkAndExtractProvenance(
                configured, HOST_SHORT_NAME, StringProvenance.class, owner).getValue();
        Map<String, PrimitiveProvenance<?>> instance = new HashMap<>();
        instance.put(LISTING_HASH, ObjectProvenance.checkAndExtractProvenance(
                configured, LISTING_HASH, HashProvenance.class, owner));
        instance.put(CLASSES, ObjectProvenance.checkAndExtractProvenance(
                configured, CLASSES, IntProvenance.class, owner));
        instance.put(EXAMPLES, ObjectProvenance.checkAndExtractProvenance(
                configured, EXAMPLES, IntProvenance.class, owner));
        instance.put(DATASOURCE_CREATION_TIME, ObjectProvenance.checkAndExtractProvenance(
                configured, DATASOURCE_CREATION_TIME, DateTimeProvenance.class, owner));
        return new ExtractedInfo(className, hostName, configured, instance);
    }

    /**
     * Returns the SHA-256 of the folder listing.
     *
     * @return 64 lower-case hex digits
     */
    public String listingSha256() {
        return listingHash.getValue();
    }

    /**
     * Returns the number of classes.
     *
     * @return the class count
     */
    public int classes() {
        return classes.getValue();
    }

    /**
     * Returns the number of examples.
     *
     * @return the example count after the limit
     */
    public int examples() {
        return examples.getValue();
    }

    /** {@inheritDoc} */
    @Override
    public Map<String, PrimitiveProvenance<?>> getInstanceValues() {
        Map<String, PrimitiveProvenance<?>> map = super.getInstanceValues();
        map.put(LISTING_HASH, listingHash);
        map.put(CLASSES, classes);
        map.put(EXAMPLES, examples);
        map.put(DATASOURCE_CREATION_TIME, creationTime);
        return map;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass() || !super.equals(o)) {
            return false;
        }
        ImageFolderDataSourceProvenance that = (ImageFolderDataSourceProvenance) o;
        return listingHash.equals(that.listingHash)
                && classes.equals(that.classes)
                && examples.equals(that.examples)
                && creationTime.equals(that.creationTime);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), listingHash, classes, examples, creationTime);
    }
}
