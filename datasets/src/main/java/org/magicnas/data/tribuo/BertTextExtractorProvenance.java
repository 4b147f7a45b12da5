package org.magicnas.data.tribuo;

import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.PrimitiveProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import com.oracle.labs.mlrg.olcut.provenance.impl.SkeletalConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.HashProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Provenance of a {@link BertTextExtractor}: its configuration (tokenizer path, maximum length)
 * and, as an instance value, the SHA-256 of the tokenizer file it loaded.
 */
public final class BertTextExtractorProvenance extends SkeletalConfiguredObjectProvenance {

    private static final long serialVersionUID = 1L;

    /** The key of the tokenizer file's SHA-256. */
    public static final String TOKENIZER_HASH = "tokenizer-sha256";

    /** The SHA-256 of the tokenizer file. */
    private final HashProvenance tokenizerHash;

    /**
     * Records a configured extractor.
     *
     * @param host the extractor
     * @param sha256 the hex SHA-256 of its tokenizer file
     */
    BertTextExtractorProvenance(BertTextExtractor<?> host, String sha256) {
        super(host, "TextFeatureExtractor");
        this.tokenizerHash =
                new HashProvenance(ProvenanceUtil.HashType.SHA256, TOKENIZER_HASH, sha256);
    }

    /**
     * Deserialization constructor, used by {@link ProvenanceUtil#unmarshalProvenance}.
     *
     * @param map the provenance values
     */
    public BertTextExtractorProvenance(Map<String, Provenance> map) {
        this(extract(map));
    }

    private BertTextExtractorProvenance(ExtractedInfo info) {
        super(info);
        this.tokenizerHash = (HashProvenance) info.instanceValues.get(TOKENIZER_HASH);
    }

    private static ExtractedInfo extract(Map<String, Provenance> map) {
        Map<String, Provenance> configured = new HashMap<>(map);
        String owner = BertTextExtractorProvenance.class.getSimpleName();
        String className = ObjectProvenance.checkAndExtractProvenance(
                configured, CLASS_NAME, StringProvenance.class, owner).getValue();
        String hostName = ObjectProvenance.checkAndExtractProvenance(
                configured, HOST_SHORT_NAME, StringProvenance.class, owner).getValue();
        Map<String, PrimitiveProvenance<?>> instance = new HashMap<>();
        instance.put(TOKENIZER_HASH, ObjectProvenance.checkAndExtractProvenance(
                configured, TOKENIZER_HASH, HashProvenance.class, owner));
        return new ExtractedInfo(className, hostName, configured, instance);
    }

    /**
     * Returns the SHA-256 of the tokenizer file.
     *
     * @return 64 lower-case hex digits
     */
    public String tokenizerSha256() {
        return tokenizerHash.getValue();
    }

    /** {@inheritDoc} */
    @Override
    public Map<String, PrimitiveProvenance<?>> getInstanceValues() {
        Map<String, PrimitiveProvenance<?>> map = super.getInstanceValues();
        map.put(TOKENIZER_HASH, tokenizerHash);
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
        return tokenizerHash.equals(((BertTextExtractorProvenance) o).tokenizerHash);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), tokenizerHash);
    }
}
