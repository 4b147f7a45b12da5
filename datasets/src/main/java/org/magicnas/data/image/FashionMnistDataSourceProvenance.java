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
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.magicnas.data.Fingerprints;
import org.tribuo.provenance.ConfiguredDataSourceProvenance;

/**
 * Provenance of a {@link FashionMnistDataSource}: its configuration plus, as instance values,
 * the SHA-256 and modification time of the images and labels files, the creation time and the
 * number of examples.
 */
public final class FashionMnistDataSourceProvenance extends SkeletalConfiguredObjectProvenance
        implements ConfiguredDataSourceProvenance {

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

    /** When the images file was last modified. */
    private final DateTimeProvenance imagesModified;
    /** When the labels file was last modified. */
    private final DateTimeProvenance labelsModified;
    /** When the data source was created. */
    private final DateTimeProvenance creationTime;
    /** The SHA-256 of the images file. */
    private final HashProvenance imagesHash;
    /** The SHA-256 of the labels file. */
    private final HashProvenance labelsHash;
    /** The number of examples. */
    private final IntProvenance examples;

    /**
     * Records a data source after it read its files.
     *
     * @param host the data source
     * @param imagesFile the images file read
     * @param labelsFile the labels file read
     * @param examples the number of examples
     */
    FashionMnistDataSourceProvenance(FashionMnistDataSource host, Path imagesFile, Path labelsFile,
            int examples) {
        super(host, "DataSource");
        this.imagesModified = new DateTimeProvenance(IMAGES_FILE_MODIFIED_TIME,
                ProvenanceTimes.modified(imagesFile));
        this.labelsModified = new DateTimeProvenance(LABELS_FILE_MODIFIED_TIME,
                ProvenanceTimes.modified(labelsFile));
        this.creationTime = new DateTimeProvenance(DATASOURCE_CREATION_TIME, OffsetDateTime.now());
        this.imagesHash = new HashProvenance(ProvenanceUtil.HashType.SHA256, IMAGES_RESOURCE_HASH,
                Fingerprints.sha256Hex(imagesFile));
        this.labelsHash = new HashProvenance(ProvenanceUtil.HashType.SHA256, LABELS_RESOURCE_HASH,
                Fingerprints.sha256Hex(labelsFile));
        this.examples = new IntProvenance(EXAMPLES, examples);
    }

    /**
     * Deserialization constructor, used by {@link ProvenanceUtil#unmarshalProvenance}.
     *
     * @param map the provenance values
     */
    public FashionMnistDataSourceProvenance(Map<String, Provenance> map) {
        this(extract(map));
    }

    private FashionMnistDataSourceProvenance(ExtractedInfo info) {
        super(info);
        this.imagesModified =
                (DateTimeProvenance) info.instanceValues.get(IMAGES_FILE_MODIFIED_TIME);
        this.labelsModified =
                (DateTimeProvenance) info.instanceValues.get(LABELS_FILE_MODIFIED_TIME);
        this.creationTime = (DateTimeProvenance) info.instanceValues.get(DATASOURCE_CREATION_TIME);
        this.imagesHash = (HashProvenance) info.instanceValues.get(IMAGES_RESOURCE_HASH);
        this.labelsHash = (HashProvenance) info.instanceValues.get(LABELS_RESOURCE_HASH);
        this.examples = (IntProvenance) info.instanceValues.get(EXAMPLES);
    }

    private static ExtractedInfo extract(Map<String, Provenance> map) {
        Map<String, Provenance> configured = new HashMap<>(map);
        String owner = FashionMnistDataSourceProvenance.class.getSimpleName();
        String className = ObjectProvenance.checkAndExtractProvenance(
                configured, CLASS_NAME, StringProvenance.class, owner).getValue();
        String hostName = ObjectProvenance.checkAndExtractProvenance(
                configured, HOST_SHORT_NAME, StringProvenance.class, owner).getValue();
        Map<String, PrimitiveProvenance<?>> instance = new HashMap<>();
        instance.put(IMAGES_FILE_MODIFIED_TIME, ObjectProvenance.checkAndExtractProvenance(
                configured, IMAGES_FILE_MODIFIED_TIME, DateTimeProvenance.class, owner));
        instance.put(LABELS_FILE_MODIFIED_TIME, ObjectProvenance.checkAndExtractProvenance(
                configured, LABELS_FILE_MODIFIED_TIME, DateTimeProvenance.class, owner));
        instance.put(DATASOURCE_CREATION_TIME, ObjectProvenance.checkAndExtractProvenance(
                configured, DATASOURCE_CREATION_TIME, DateTimeProvenance.class, owner));
        instance.put(IMAGES_RESOURCE_HASH, ObjectProvenance.checkAndExtractProvenance(
                configured, IMAGES_RESOURCE_HASH, HashProvenance.class, owner));
        instance.put(LABELS_RESOURCE_HASH, ObjectProvenance.checkAndExtractProvenance(
                configured, LABELS_RESOURCE_HASH, HashProvenance.class, owner));
        instance.put(EXAMPLES, ObjectProvenance.checkAndExtractProvenance(
                configured, EXAMPLES, IntProvenance.class, owner));
        return new ExtractedInfo(className, hostName, configured, instance);
    }

    /**
     * Returns the SHA-256 of the images file.
     *
     * @return 64 lower-case hex digits
     */
    public String imagesSha256() {
        return imagesHash.getValue();
    }

    /**
     * Returns the SHA-256 of the labels file.
     *
     * @return 64 lower-case hex digits
     */
    public String labelsSha256() {
        return labelsHash.getValue();
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
        map.put(IMAGES_FILE_MODIFIED_TIME, imagesModified);
        map.put(LABELS_FILE_MODIFIED_TIME, labelsModified);
        map.put(DATASOURCE_CREATION_TIME, creationTime);
        map.put(IMAGES_RESOURCE_HASH, imagesHash);
        map.put(LABELS_RESOURCE_HASH, labelsHash);
        map.put(EXAMPLES, examples);
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
        FashionMnistDataSourceProvenance that = (FashionMnistDataSourceProvenance) o;
        return imagesModified.equals(that.imagesModified)
                && labelsModified.equals(that.labelsModified)
                && creationTime.equals(that.creationTime)
                && imagesHash.equals(that.imagesHash)
                && labelsHash.equals(that.labelsHash)
                && examples.equals(that.examples);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), imagesModified, labelsModified, creationTime,
                imagesHash, labelsHash, examples);
    }
}
