package org.magicnas.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.magicnas.space.Architecture;
import org.magicnas.space.OperatorSpec;
import org.magicnas.space.SearchSpace;
import org.magicnas.train.Method;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelEvaluator;

class MagicSearchTrainerTest {

    @Test
    void searchesRetrainsAndRecordsTheSearch() throws Exception {
        Path tokenizer = TopicFixture.tokenizer();
        MagicSearchTrainer<Label> trainer = new MagicSearchTrainer<Label>(tokenizer, Method.MAGIC_AT, "custom", 80, 6, 3)
                .withCustomSpace("MHA2:32,FFN:64,CONV3", 32, 2).withTraining(24, 16, 8, 2e-3);
        try (MagicModel<Label> model = trainer.train(TopicFixture.topics(200, 1))) {
            var eval = new LabelEvaluator().evaluate(model, TopicFixture.topics(100, 2));
            assertTrue(eval.accuracy() > 0.85, "accuracy " + eval.accuracy());
            var map = model.getProvenance().getInstanceProvenance().getMap();
            String arch = ((StringProvenance) map.get("architecture")).getValue();
            SearchSpace space = new SearchSpace("custom", 32, 2, 32, List.of(OperatorSpec.parse("MHA2:32", 32), OperatorSpec.parse("FFN:64", 32),
                    OperatorSpec.parse("CONV3", 32)));
            assertEquals(arch, Architecture.parse(space, arch).toString());
            assertEquals(arch, model.encoderSpec().architecture().toString());
            assertEquals(7, ((IntProvenance) map.get("children-scored")).getValue());
            assertEquals("magic-at", ((StringProvenance) map.get("search-method")).getValue());
            assertTrue(map.containsKey("anchor-history") && map.containsKey("search-validation-loss") && map.containsKey("tokenizer-sha256"));
        }
    }

    @Test
    void aSpaceWithOneCandidateIsRejectedForTheWalk() {
        PropertyException e = assertThrows(PropertyException.class, () -> new MagicSearchTrainer<Label>(Path.of("t.json"), Method.MAGIC_T, "custom", 10, 2, 1)
                .withCustomSpace("FFN:64", 32, 2));
        assertTrue(e.getMessage().contains("two candidates"), e.getMessage());
    }
}
