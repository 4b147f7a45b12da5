package org.magicnas.data.tribuo;

import com.oracle.labs.mlrg.olcut.config.Configurable;
import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.PrimitiveProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.impl.SkeletalConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DateTimeProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.HashProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.magicnas.data.Fingerprints;
import org.tribuo.provenance.ConfiguredDataSourceProvenance;

/**
 * The provenance of a configured data source: its configuration (the host's {@code @Config} fields)
 * plus a fixed set of instance values (hashes, times, counts) named by a schema. Subclasses declare
 * the schema, build the values from their host, and read them back through typed getters; the
 * extraction, equality and hashing are written once here.
 */
public abstract class InstanceValuesProvenance extends SkeletalConfiguredObjectProvenance implements ConfiguredDataSourceProvenance {
    private static final long serialVersionUID = 1L;

    /** The instance values, in schema order. */
    private final Map<String, PrimitiveProvenance<?>> values;

    /**
     * Records a host.
     *
     * @param host the data source
     * @param values its instance values
     */
    protected InstanceValuesProvenance(Configurable host, Map<String, PrimitiveProvenance<?>> values) {
        super(host, "DataSource");
        this.values = new LinkedHashMap<>(values);
    }

    /**
     * Restores a marshalled provenance.
     *
     * @param map the provenance values
     * @param schema the instance values' keys and types, in order
     * @param owner the subclass, named in errors
     */
    protected InstanceValuesProvenance(Map<String, Provenance> map, Map<String, Class<? extends PrimitiveProvenance<?>>> schema, Class<?> owner) {
        this(extract(map, schema, owner.getSimpleName()));
    }

    private InstanceValuesProvenance(ExtractedInfo info) {
        super(info);
        this.values = new LinkedHashMap<>(info.instanceValues);
    }

    private static ExtractedInfo extract(Map<String, Provenance> map, Map<String, Class<? extends PrimitiveProvenance<?>>> schema, String owner) {
        Map<String, Provenance> configured = new HashMap<>(map);
        String className = ObjectProvenance.checkAndExtractProvenance(configured, CLASS_NAME, StringProvenance.class, owner).getValue();
        String hostName = ObjectProvenance.checkAndExtractProvenance(configured, HOST_SHORT_NAME, StringProvenance.class, owner).getValue();
        Map<String, PrimitiveProvenance<?>> instance = new LinkedHashMap<>();
        for (Map.Entry<String, Class<? extends PrimitiveProvenance<?>>> e : schema.entrySet()) {
            instance.put(e.getKey(), ObjectProvenance.checkAndExtractProvenance(configured, e.getKey(), e.getValue(), owner));
        }
        return new ExtractedInfo(className, hostName, configured, instance);
    }

    /**
     * A file's last modification time in the system time zone, as Tribuo's own data sources record it.
     *
     * @param key the value's key
     * @param file the file
     * @return the value (the epoch if the time cannot be read)
     */
    protected static DateTimeProvenance modifiedTime(String key, Path file) {
        return new DateTimeProvenance(key, OffsetDateTime.ofInstant(Instant.ofEpochMilli(file.toFile().lastModified()), ZoneId.systemDefault()));
    }

    /**
     * The creation time of a data source: now.
     *
     * @return the value under {@code DATASOURCE_CREATION_TIME}
     */
    protected static DateTimeProvenance createdNow() {
        return new DateTimeProvenance(DATASOURCE_CREATION_TIME, OffsetDateTime.now());
    }

    /**
     * A file's SHA-256.
     *
     * @param key the value's key
     * @param file the file
     * @return the value
     */
    protected static HashProvenance sha256(String key, Path file) {
        return new HashProvenance(ProvenanceUtil.HashType.SHA256, key, Fingerprints.sha256Hex(file));
    }

    /**
     * An instance value.
     *
     * @param key its key
     * @param type its type
     * @param <P> the type
     * @return the value
     */
    protected final <P extends PrimitiveProvenance<?>> P value(String key, Class<P> type) {
        return type.cast(values.get(key));
    }

    /** {@inheritDoc} */
    @Override
    public Map<String, PrimitiveProvenance<?>> getInstanceValues() {
        Map<String, PrimitiveProvenance<?>> map = super.getInstanceValues();
        map.putAll(values);
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
        return values.equals(((InstanceValuesProvenance) o).values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), values);
    }
}
