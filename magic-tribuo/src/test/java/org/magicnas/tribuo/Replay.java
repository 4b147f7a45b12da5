package org.magicnas.tribuo;

import com.oracle.labs.mlrg.olcut.config.ConfigurationData;
import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import java.util.List;
import org.tribuo.Model;
import org.tribuo.Trainer;

/** Tribuo's replay of a model: the trainer re-created from the model's provenance, at the invocation that made it. */
final class Replay {
    private Replay() {}

    /**
     * Re-creates the trainer of a model from its provenance alone and sets its invocation count to the
     * one recorded for the model, so that its next {@code train} call repeats the one that made it.
     *
     * @param model the model
     * @param type the trainer's class
     * @param <T> the trainer's type
     * @return the re-created trainer
     */
    static <T extends Trainer<?>> T trainerOf(Model<?> model, Class<T> type) {
        List<ConfigurationData> config = ProvenanceUtil.extractConfiguration(model.getProvenance());
        ConfigurationManager cm = new ConfigurationManager();
        cm.addConfiguration(config);
        String name = config.stream().filter(c -> c.getClassName().equals(type.getName())).findFirst().orElseThrow().getName();
        T trainer = type.cast(cm.lookup(name));
        int count = Integer.parseInt(model.getProvenance().getTrainerProvenance().getInstanceValues().get("train-invocation-count").toString()
                .replaceAll("[^0-9]", ""));
        trainer.setInvocationCount(count);
        return trainer;
    }
}
