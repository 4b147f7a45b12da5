package org.magicnas.data.glue;

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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.magicnas.data.Fingerprints;
import org.tribuo.provenance.ConfiguredDataSourceProvenance;

/**
 * Provenance of a {@link GlueDataSource}: its configuration plus, as instance values, the file's
 * SHA-256 and modification time, the creation time, and the numbers of examples and of skipped
 * malformed rows.
 */
public final class GlueDataSourceProvenance extends SkeletalConfiguredObjectProvenance
        implements ConfiguredDataSourceProvenance {

    private static final long serialVersionUID = 1L;

    /** The key of the number of examples read. */
    public static final String EXAMPLES = "examples";

    /** The key of the number of malformed rows skipped. */
    public static final String SKIPPED_ROWS = "skipped-rows";

    /** When the file was last modified. */
    private final DateTimeProvenance fileModifiedTime;
    /** When the data source was created. */
    private final DateTimeProvenance creationTime;
    /** The SHA-256 of the file. */
    private final HashProvenance sha256;
    /** The number of examples. */
    private final IntProvenance examples;
    /** The number of skipped malformed rows. */
    private final IntProvenance skippedRows;

    /**
     * Records a data source after it read its file.
     *
     * @param host the data source
     * @param file the file it read
     * @param examples the number of examples
     * @param skippedRows the number of skipped rows
     */
    GlueDataSourceProvenance(GlueDataSource<?> host, Path file, int examples, int skippedRows) {
        super(host, "DataSource");
        this.fileModifiedTime = new DateTimeProvenance(FILE_MODIFIED_TIME, OffsetDateTime.ofInstant(
                Instant.ofEpochMilli(file.toFile().lastModified()), ZoneId.systemDefault()));
        this.creationTime = new DateTimeProvenance(DATASOURCE_CREATION_TIME, OffsetDateTime.now());
        this.sha256 = new HashProvenance(
                ProvenanceUtil.HashType.SHA256, RESOURCE_HASH, Fingerprints.sha256Hex(file));
        this.examples = new IntProvenance(EXAMPLES, examples);
        this.skippedRows = new IntProvenance(SKIPPED_ROWS, skippedRows);
    }

    /**
     * Deserialization constructor, used by {@link ProvenanceUtil#unmarshalProvenance}.
     *
     * @param map the provenance values
     */
    public GlueDataSourceProvenance(Map<String, Provenance> map) {
        this(extract(map));
    }

    private GlueDataSourceProvenance(ExtractedInfo info) {
        super(info);
        this.fileModifiedTime = (DateTimeProvenance) info.instanceValues.get(FILE_MODIFIED_TIME);
        this.creationTime = (DateTimeProvenance) info.instanceValues.get(DATASOURCE_CREATION_TIME);
        this.sha256 = (HashProvenance) info.instanceValues.get(RESOURCE_HASH);
        this.examples = (IntProvenance) info.instanceValues.get(EXAMPLES);
        this.skippedRows = (IntProvenance) info.instanceValues.get(SKIPPED_ROWS);
    }

    private static ExtractedInfo extract(Map<String, Provenance> map) {
        Map<String, Provenance> configured = new HashMap<>(map);
        String owner = GlueDataSourceProvenance.class.getSimpleName();
        String className = ObjectProvenance.checkAndExtractProvenance(
                configured, CLASS_NAME, StringProvenance.class, owner).getValue();
        String hostName = ObjectProvenance.checkAndExtractProvenance(
                configured, HOST_SHORT_NAME, StringProvenance.class, owner).getValue();
        Map<String, PrimitiveProvenance<?>> instance = new HashMap<>();
        instance.put(FILE_MODIFIED_TIME, ObjectProvenance.checkAndExtractProvenance(
                configured, FILE_MODIFIED_TIME, DateTimeProvenance.class, owner));
        instance.put(DATASOURCE_CREATION_TIME, ObjectProvenance.checkAndExtractProvenance(
                configured, DATASOURCE_CREATION_TIME, DateTimeProvenance.class, owner));
        instance.put(RESOURCE_HASH, ObjectProvenance.checkAndExtractProvenance(
                configured, RESOURCE_HASH, HashProvenance.class, owner));
        instance.put(EXAMPLES, ObjectProvenance.checkAndExtractProvenance(
                configured, EXAMPLES, IntProvenance.class, owner));
        instance.put(SKIPPED_ROWS, ObjectProvenance.checkAndExtractProvenance(
                configured, SKIPPED_ROWS, IntProvenance.class, owner));
        return new ExtractedInfo(className, hostName, configured, instance);
    }

    /**
     * Returns the number of malformed rows that were skipped.
     *
     * @return the skipped count
     */
    public int skippedRows() {
        return skippedRows.getValue();
    }

    /**
     * Returns the number of examples read.
     *
     * @return the example count
     */
    public int examples() {
        return examples.getValue();
    }

    /**
     * Returns the SHA-256 of the file that was read.
     *
     * @return 64 lower-case hex digits
     */
    public String fileSha256() {
        return sha256.getValue();
    }

    /** {@inheritDoc} */
    @Override
    public Map<String, PrimitiveProvenance<?>> getInstanceValues() {
        Map<String, PrimitiveProvenance<?>> map = super.getInstanceValues();
        map.put(FILE_MODIFIED_TIME, fileModifiedTime);
        map.put(DATASOURCE_CREATION_TIME, creationTime);
        map.put(RESOURCE_HASH, sha256);
        map.put(EXAMPLES, examples);
        map.put(SKIPPED_ROWS, skippedRows);
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
        GlueDataSourceProvenance that = (GlueDataSourceProvenance) o;
        return fileModifiedTime.equals(that.fileModifiedTime)
                && creationTime.equals(that.creationTime)
                && sha256.equals(that.sha256)
                && examples.equals(that.examples)
                && skippedRows.equals(that.skippedRows);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), fileModifiedTime, creationTime, sha256, examples,
                skippedRows);
    }
}
