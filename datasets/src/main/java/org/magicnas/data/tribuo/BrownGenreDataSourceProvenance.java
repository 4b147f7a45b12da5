package org.magicnas.data.tribuo;

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
 * Provenance of a {@link BrownGenreDataSource}: its configuration plus, as instance values, the
 * corpus fingerprint ({@link org.magicnas.data.Corpus#fingerprint()}), the creation time and the
 * numbers of documents and passages.
 */
public final class BrownGenreDataSourceProvenance extends SkeletalConfiguredObjectProvenance
        implements ConfiguredDataSourceProvenance {

    private static final long serialVersionUID = 1L;

    /** The key of the number of documents in the split part. */
    public static final String DOCUMENTS = "documents";

    /** The key of the number of passages (examples). */
    public static final String EXAMPLES = "examples";

    /** The corpus fingerprint. */
    private final HashProvenance corpusHash;
    /** When the data source was created. */
    private final DateTimeProvenance creationTime;
    /** The number of documents. */
    private final IntProvenance documents;
    /** The number of passages. */
    private final IntProvenance examples;

    /**
     * Records a data source after it built its passages.
     *
     * @param host the data source
     * @param corpusFingerprint the corpus fingerprint (hex SHA-256)
     * @param documents the number of documents read
     * @param examples the number of passages
     */
    BrownGenreDataSourceProvenance(BrownGenreDataSource host, String corpusFingerprint,
            int documents, int examples) {
        super(host, "DataSource");
        this.corpusHash = new HashProvenance(
                ProvenanceUtil.HashType.SHA256, RESOURCE_HASH, corpusFingerprint);
        this.creationTime = new DateTimeProvenance(DATASOURCE_CREATION_TIME, OffsetDateTime.now());
        this.documents = new IntProvenance(DOCUMENTS, documents);
        this.examples = new IntProvenance(EXAMPLES, examples);
    }

    /**
     * Deserialization constructor, used by {@link ProvenanceUtil#unmarshalProvenance}.
     *
     * @param map the provenance values
     */
    public BrownGenreDataSourceProvenance(Map<String, Provenance> map) {
        this(extract(map));
    }

    private BrownGenreDataSourceProvenance(ExtractedInfo info) {
        super(info);
        this.corpusHash = (HashProvenance) info.instanceValues.get(RESOURCE_HASH);
        this.creationTime = (DateTimeProvenance) info.instanceValues.get(DATASOURCE_CREATION_TIME);
        this.documents = (IntProvenance) info.instanceValues.get(DOCUMENTS);
        this.examples = (IntProvenance) info.instanceValues.get(EXAMPLES);
    }

    private static ExtractedInfo extract(Map<String, Provenance> map) {
        Map<String, Provenance> configured = new HashMap<>(map);
        String owner = BrownGenreDataSourceProvenance.class.getSimpleName();
        String className = ObjectProvenance.checkAndExtractProvenance(
                configured, CLASS_NAME, StringProvenance.class, owner).getValue();
        String hostName = ObjectProvenance.checkAndExtractProvenance(
                configured, HOST_SHORT_NAME, StringProvenance.class, owner).getValue();
        Map<String, PrimitiveProvenance<?>> instance = new HashMap<>();
        instance.put(RESOURCE_HASH, ObjectProvenance.checkAndExtractProvenance(
                configured, RESOURCE_HASH, HashProvenance.class, owner));
        instance.put(DATASOURCE_CREATION_TIME, ObjectProvenance.checkAndExtractProvenance(
                configured, DATASOURCE_CREATION_TIME, DateTimeProvenance.class, owner));
        instance.put(DOCUMENTS, ObjectProvenance.checkAndExtractProvenance(
                configured, DOCUMENTS, IntProvenance.class, owner));
        instance.put(EXAMPLES, ObjectProvenance.checkAndExtractProvenance(
                configured, EXAMPLES, IntProvenance.class, owner));
        return new ExtractedInfo(className, hostName, configured, instance);
    }

    /**
     * Returns the fingerprint of the corpus that was read.
     *
     * @return the hex SHA-256 fingerprint
     */
    public String corpusFingerprint() {
        return corpusHash.getValue();
    }

    /**
     * Returns the number of documents in the split part.
     *
     * @return the document count
     */
    public int documents() {
        return documents.getValue();
    }

    /**
     * Returns the number of passages.
     *
     * @return the example count
     */
    public int examples() {
        return examples.getValue();
    }

    /** {@inheritDoc} */
    @Override
    public Map<String, PrimitiveProvenance<?>> getInstanceValues() {
        Map<String, PrimitiveProvenance<?>> map = super.getInstanceValues();
        map.put(RESOURCE_HASH, corpusHash);
        map.put(DATASOURCE_CREATION_TIME, creationTime);
        map.put(DOCUMENTS, documents);
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
        BrownGenreDataSourceProvenance that = (BrownGenreDataSourceProvenance) o;
        return corpusHash.equals(that.corpusHash) && creationTime.equals(that.creationTime)
                && documents.equals(that.documents) && examples.equals(that.examples);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), corpusHash, creationTime, documents, examples);
    }
}
