package org.magicnas.data.glue;

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
 * Provenance of a {@link GlueDataSource}: its configuration plus, as instance values, the file's
 * SHA-256 and modification time, the creation time, and the numbers of examples and of skipped
 * malformed rows.
 */
public final class GlueDataSourceProvenance extends InstanceValuesProvenance {

    private static final long serialVersionUID = 1L;

    /** The key of the number of examples read. */
    public static final String EXAMPLES = "examples";

    /** The key of the number of malformed rows skipped. */
    public static final String SKIPPED_ROWS = "skipped-rows";

    private static final Map<String, Class<? extends PrimitiveProvenance<?>>> SCHEMA = Map.of(FILE_MODIFIED_TIME, DateTimeProvenance.class,
            DATASOURCE_CREATION_TIME, DateTimeProvenance.class, RESOURCE_HASH, HashProvenance.class, EXAMPLES, IntProvenance.class,
            SKIPPED_ROWS, IntProvenance.class);

    /**
     * Records a data source after it read its file.
     *
     * @param host the data source
     * @param file the file it read
     * @param examples the number of examples
     * @param skippedRows the number of skipped rows
     */
    GlueDataSourceProvenance(GlueDataSource<?> host, Path file, int examples, int skippedRows) {
        super(host, Map.of(FILE_MODIFIED_TIME, modifiedTime(FILE_MODIFIED_TIME, file), DATASOURCE_CREATION_TIME, createdNow(),
                RESOURCE_HASH, sha256(RESOURCE_HASH, file), EXAMPLES, new IntProvenance(EXAMPLES, examples),
                SKIPPED_ROWS, new IntProvenance(SKIPPED_ROWS, skippedRows)));
    }

    /**
     * Deserialization constructor, used by {@link ProvenanceUtil#unmarshalProvenance}.
     *
     * @param map the provenance values
     */
    public GlueDataSourceProvenance(Map<String, Provenance> map) {
        super(map, SCHEMA, GlueDataSourceProvenance.class);
    }

    /**
     * Returns the number of malformed rows that were skipped.
     *
     * @return the skipped count
     */
    public int skippedRows() {
        return value(SKIPPED_ROWS, IntProvenance.class).getValue();
    }

    /**
     * Returns the number of examples read.
     *
     * @return the example count
     */
    public int examples() {
        return value(EXAMPLES, IntProvenance.class).getValue();
    }

    /**
     * Returns the SHA-256 of the file that was read.
     *
     * @return 64 lower-case hex digits
     */
    public String fileSha256() {
        return value(RESOURCE_HASH, HashProvenance.class).getValue();
    }
}
