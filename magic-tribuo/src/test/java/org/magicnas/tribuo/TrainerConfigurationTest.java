package org.magicnas.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.oracle.labs.mlrg.olcut.config.ConfigurationData;
import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.config.property.SimpleProperty;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tribuo.Trainer;

/**
 * The trainers' OLCUT configuration without training: field names and defaults (as saved in every
 * model's provenance), the round trip through provenance, and the validation messages.
 */
class TrainerConfigurationTest {

    private static final Class<?>[] TRAINERS = {
        MagicFineTuneTrainer.class, MagicSearchTrainer.class, MagicImageSearchTrainer.class};

    /** The properties each trainer needs besides its defaults. */
    private static Map<String, String> required(Class<?> type) {
        if (type == MagicFineTuneTrainer.class) {
            return Map.of("encoderPath", "/nowhere/encoder");
        }
        return type == MagicSearchTrainer.class ? Map.of("tokenizerPath", "/nowhere/tokenizer.json") : Map.of();
    }

    private static Trainer<?> configure(Class<?> type, Map<String, String> properties) {
        ConfigurationData data = new ConfigurationData("trainer", type.getName());
        properties.forEach((name, value) -> data.add(name, new SimpleProperty(value)));
        ConfigurationManager cm = new ConfigurationManager();
        cm.addConfiguration(List.of(data));
        return (Trainer<?>) cm.lookup("trainer");
    }

    private static String parameters(Trainer<?> trainer) {
        return new TreeMap<>(trainer.getProvenance().getConfiguredParameters()).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    @Test
    void fieldNamesAndDefaultsAsSavedInProvenance() {
        assertEquals("batchSize=32, clipNorm=1.0, device=, encoderPath=/nowhere/encoder, epochs=3, headDropout=0.1, learningRate=1.0E-4, maxLength=0,"
                + " patience=2, seed=42, start=PRETRAINED, validationFraction=0.1, warmupFraction=0.1, weightDecay=0.01",
                parameters(configure(MagicFineTuneTrainer.class, required(MagicFineTuneTrainer.class))));
        assertEquals("alignBlock=0, anchorEvalEvery=25, batchSize=32, candidates=, childrenToScore=16, device=, dropout=0.1, epochs=3, hidden=128, k=1,"
                + " lambda=0.5, layers=4, learningRate=0.001, maxLength=128, method=MAGIC_AT, patience=2, seed=42, space=tiny,"
                + " superNetLearningRate=0.001, superNetSteps=300, tokenizerPath=/nowhere/tokenizer.json, validationFraction=0.1",
                parameters(configure(MagicSearchTrainer.class, required(MagicSearchTrainer.class))));
        assertEquals("batchNormBatches=4, batchSize=64, device=, dropout=0.1, generations=3, k=2, learningRate=0.005, maxFlops=0, maxParameters=0,"
                + " method=MAGIC_AT, population=12, retrainSteps=1200, seed=42, space=mobilenet-cpu, superNetSteps=1000,"
                + " validationFraction=0.05",
                parameters(configure(MagicImageSearchTrainer.class, required(MagicImageSearchTrainer.class))));
    }

    @Test
    void aTrainerRecreatedFromItsProvenanceHasTheSameConfiguration() {
        Map<Class<?>, Map<String, String>> changed = Map.of(
                MagicFineTuneTrainer.class, Map.of("batchSize", "8", "learningRate", "0.02", "validationFraction", "0.3", "seed", "5",
                        "epochs", "4", "patience", "1", "maxLength", "16"),
                MagicSearchTrainer.class, Map.of("batchSize", "8", "learningRate", "0.02", "validationFraction", "0.3", "seed", "5",
                        "epochs", "4", "patience", "1", "maxLength", "16"),
                MagicImageSearchTrainer.class, Map.of("batchSize", "8", "learningRate", "0.02", "validationFraction", "0.3", "seed", "5"));
        for (Class<?> type : TRAINERS) {
            Map<String, String> properties = new TreeMap<>(required(type));
            properties.putAll(changed.get(type));
            Trainer<?> trainer = configure(type, properties);
            List<ConfigurationData> config = ProvenanceUtil.extractConfiguration(trainer.getProvenance());
            ConfigurationManager cm = new ConfigurationManager();
            cm.addConfiguration(config);
            String name = config.stream().filter(c -> c.getClassName().equals(type.getName())).findFirst().orElseThrow().getName();
            Trainer<?> replay = (Trainer<?>) cm.lookup(name);
            assertEquals(trainer.getProvenance(), replay.getProvenance(), type.getSimpleName());
            for (Map.Entry<String, String> e : changed.get(type).entrySet()) {
                String saved = trainer.getProvenance().getConfiguredParameters().get(e.getKey()).toString();
                assertEquals(Double.parseDouble(e.getValue()), Double.parseDouble(saved), type.getSimpleName() + " " + e.getKey());
            }
        }
    }

    @Test
    void theDeviceIsRecordedAndRoundTripsThroughProvenance() {
        for (Class<?> type : TRAINERS) {
            Map<String, String> properties = new TreeMap<>(required(type));
            properties.put("device", "gpu:1");
            Trainer<?> trainer = configure(type, properties);
            assertEquals("gpu:1", trainer.getProvenance().getConfiguredParameters().get("device").toString(), type.getSimpleName());
            List<ConfigurationData> config = ProvenanceUtil.extractConfiguration(trainer.getProvenance());
            ConfigurationManager cm = new ConfigurationManager();
            cm.addConfiguration(config);
            String name = config.stream().filter(c -> c.getClassName().equals(type.getName())).findFirst().orElseThrow().getName();
            Trainer<?> replay = (Trainer<?>) cm.lookup(name);
            assertEquals(trainer.getProvenance(), replay.getProvenance(), type.getSimpleName());
            ((AbstractMagicTrainer<?, ?>) replay).setDevice("cpu");
            assertEquals("cpu", replay.getProvenance().getConfiguredParameters().get("device").toString(), "a replay may run elsewhere");
            PropertyException e = assertThrows(PropertyException.class, () -> ((AbstractMagicTrainer<?, ?>) replay).setDevice("tpu"));
            assertEquals("Property: device, device must be cpu, gpu or gpu:N, got 'tpu'", e.getMessage());
        }
    }

    @Test
    void validationMessagesOfTheSharedFields() {
        String[][] cases = {
            {"MagicFineTuneTrainer", "batchSize", "Property: batchSize, batchSize must be >= 1, got -1"},
            {"MagicFineTuneTrainer", "learningRate", "Property: learningRate, learningRate must be positive, got -1.0"},
            {"MagicFineTuneTrainer", "validationFraction", "Property: validationFraction, validationFraction must be in [0, 1), got -1.0"},
            {"MagicFineTuneTrainer", "epochs", "Property: epochs, epochs must be >= 1, got -1"},
            {"MagicFineTuneTrainer", "patience", "Property: patience, patience must be >= 1, got -1"},
            {"MagicFineTuneTrainer", "maxLength", "Property: maxLength, maxLength must be 0 (the encoder's positions) or >= 5, got -1"},
            {"MagicSearchTrainer", "batchSize", "Property: batchSize, batchSize must be >= 1, got -1"},
            {"MagicSearchTrainer", "learningRate", "Property: learningRate, learningRate must be positive, got -1.0"},
            {"MagicSearchTrainer", "validationFraction", "Property: validationFraction, validationFraction must be in (0, 1), got -1.0"},
            {"MagicSearchTrainer", "epochs", "Property: epochs, epochs must be >= 1, got -1"},
            {"MagicSearchTrainer", "patience", "Property: patience, patience must be >= 1, got -1"},
            {"MagicSearchTrainer", "maxLength", "Property: maxLength, maxLength must be >= 5, got -1"},
            {"MagicImageSearchTrainer", "batchSize", "Property: batchSize, batchSize must be >= 1, got -1"},
            {"MagicImageSearchTrainer", "learningRate", "Property: learningRate, learningRate must be positive, got -1.0"},
            {"MagicImageSearchTrainer", "validationFraction", "Property: validationFraction, validationFraction must be in (0, 1), got -1.0"},
            {"MagicImageSearchTrainer", "epochs", "Component: trainer, Property: epochs, Unknown property in configuration file."},
            {"MagicFineTuneTrainer", "device", "Property: device, device must be cpu, gpu or gpu:N, got '-1'"},
            {"MagicSearchTrainer", "device", "Property: device, device must be cpu, gpu or gpu:N, got '-1'"},
            {"MagicImageSearchTrainer", "device", "Property: device, device must be cpu, gpu or gpu:N, got '-1'"},
        };
        for (String[] c : cases) {
            Class<?> type = List.of(TRAINERS).stream().filter(t -> t.getSimpleName().equals(c[0])).findFirst().orElseThrow();
            Map<String, String> bad = new TreeMap<>(required(type));
            bad.put(c[1], "-1");
            PropertyException e = assertThrows(PropertyException.class, () -> configure(type, bad), c[0] + " " + c[1]);
            assertEquals(c[2], e.getMessage(), c[0] + " " + c[1]);
        }
    }
}
