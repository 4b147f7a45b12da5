package org.magicnas.data.tribuo;

import com.oracle.labs.mlrg.olcut.provenance.PrimitiveProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DateTimeProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.HashProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import java.util.Map;

/**
 * Provenance of a {@link BrownGenreDataSource}: its configuration plus, as instance values, the
 * corpus fingerprint ({@link org.magicnas.data.Corpus#fingerprint()}), the creation time and the
 * numbers of documents and passages.
 */
public final class BrownGenreDataSourceProvenance extends InstanceValuesProvenance {

    private static final long serialVersionUID = 1L;

    /** The key of the number of documents in the split part. */
    public static final String DOCUMENTS = "documents";

    /** The key of the number of passages (examples). */
    public static final String EXAMPLES = "examples";

    private static final Map<String, Class<? extends PrimitiveProvenance<?>>> SCHEMA = Map.of(RESOURCE_HASH, HashProvenance.class,
            DATASOURCE_CREATION_TIME, DateTimeProvenance.class, DOCUMENTS, IntProvenance.class, EXAMPLES, IntProvenance.class);

    /**
     * Records a data source after it built its passages.
     *
     * @param host the data source
     * @param corpusFingerprint the corpus fingerprint (hex SHA-256)
     * @param documents the number of documents read
     * @param examples the number of passages
     */
    BrownGenreDataSourceProvenance(BrownGenreDataSource host, String corpusFingerprint, int documents, int examples) {
        super(host, Map.of(RESOURCE_HASH, new HashProvenance(ProvenanceUtil.HashType.SHA256, RESOURCE_HASH, corpusFingerprint),
                DATASOURCE_CREATION_TIME, createdNow(),
                DOCUMENTS, new IntProvenance(DOCUMENTS, documents), EXAMPLES, new IntProvenance(EXAMPLES, examples)));
    }

    /**
     * Deserialization constructor, used by {@link ProvenanceUtil#unmarshalProvenance}.
     *
     * @param map the provenance values
     */
    public BrownGenreDataSourceProvenance(Map<String, Provenance> map) {
        super(map, SCHEMA, BrownGenreDataSourceProvenance.class);
    }

    /**
     * Returns the fingerprint of the corpus that was read.
     *
     * @return the hex SHA-256 fingerprint
     */
    public String corpusFingerprint() {
        return value(RESOURCE_HASH, HashProvenance.class).getValue();
    }

    /**
     * Returns the number of documents in the split part.
     *
     * @return the document count
     */
    public int documents() {
        return value(DOCUMENTS, IntProvenance.class).getValue();
    }

    /**
     * Returns the number of passages.
     *
     * @return the example count
     */
    public int examples() {
        return value(EXAMPLES, IntProvenance.class).getValue();
    }
}
