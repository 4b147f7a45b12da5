package org.magicnas.data.image;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.config.Configurable;
import com.oracle.labs.mlrg.olcut.config.ConfigurationData;
import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import java.util.List;
import java.util.Optional;

/** Provenance assertions shared by the data source tests. */
final class ProvenanceChecks {

    private ProvenanceChecks() {}

    /**
     * What {@code Helpers.testConfigurableRoundtrip} does, for a data source's provenance: the
     * configuration OLCUT reads from the object equals the one extracted from its provenance.
     */
    static void assertConfigurationMatchesProvenance(
            Configurable source, ConfiguredObjectProvenance provenance) {
        ConfigurationManager cm = new ConfigurationManager();
        String name = cm.importConfigurable(source, "item");
        List<ConfigurationData> configured = cm.getComponentNames().stream()
                .map(cm::getConfigurationData).flatMap(Optional::stream).toList();
        List<ConfigurationData> recorded = ProvenanceUtil.extractConfiguration(provenance);
        assertTrue(ConfigurationData.structuralEquals(configured, recorded, name,
                recorded.get(0).getName()), configured + " vs " + recorded);
    }
}
