package org.magicnas.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.magicnas.tribuo.MagicFineTuneTrainer;
import org.magicnas.tribuo.MagicSearchTrainer;

/** The OLCUT configurations shipped in examples/ load and configure the trainers they name. */
class ExampleConfigurationTest {
    private static final Path CONFIGS = Path.of("..", "examples", "src", "main", "resources", "configs");

    @Test
    void fineTuneConfigurationConfiguresTheTrainer() {
        ConfigurationManager cm = new ConfigurationManager(CONFIGS.resolve("finetune-brown-genre.xml").toString());
        Object trainer = cm.lookup("trainer");
        assertTrue(trainer instanceof MagicFineTuneTrainer, String.valueOf(trainer));
        String s = trainer.toString();
        assertTrue(s.contains("encoder=runs/encoder") && s.contains("epochs=3") && s.contains("lr=0.001") && s.contains("seed=42"), s);
        assertEquals(MagicFineTuneTrainer.class.getName(), ((MagicFineTuneTrainer<?>) trainer).getProvenance().getClassName());
    }

    @Test
    void searchConfigurationConfiguresTheTrainer() {
        ConfigurationManager cm = new ConfigurationManager(CONFIGS.resolve("search-trainer.xml").toString());
        Object trainer = cm.lookup("search-trainer");
        assertTrue(trainer instanceof MagicSearchTrainer, String.valueOf(trainer));
        String s = trainer.toString();
        assertTrue(s.contains("method=magic-at") && s.contains("space=tiny") && s.contains("superNetSteps=300") && s.contains("children=16"), s);
    }
}
