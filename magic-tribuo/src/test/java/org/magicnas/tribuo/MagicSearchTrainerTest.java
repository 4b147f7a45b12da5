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
import org.tribuo.test.Helpers;

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
    void aTrainerRecreatedFromTheModelsProvenanceSearchesAndTrainsTheSameModel() throws Exception {
        MagicSearchTrainer<Label> trainer = new MagicSearchTrainer<Label>(TopicFixture.tokenizer(), Method.MAGIC_AT, "custom", 30, 4, 5)
                .withCustomSpace("MHA2:32,FFN:64,CONV3", 32, 2).withTraining(24, 16, 8, 2e-3);
        trainer.train(TopicFixture.topics(60, 3)).close();
        try (MagicModel<Label> model = trainer.train(TopicFixture.topics(120, 4))) {
            @SuppressWarnings("unchecked")
            MagicSearchTrainer<Label> replay = Replay.trainerOf(model, MagicSearchTrainer.class);
            assertEquals(1, replay.getInvocationCount());
            try (MagicModel<Label> again = replay.train(TopicFixture.topics(120, 4))) {
                assertEquals(model.encoderSpec().architecture(), again.encoderSpec().architecture());
                var test = TopicFixture.topics(40, 5);
                assertTrue(Helpers.predictionListDistributionEquals(model.predict(test), again.predict(test), 0.0));
                assertEquals(model.getProvenance().getInstanceProvenance(), again.getProvenance().getInstanceProvenance());
            }
        }
    }

    @Test
    void aSpaceWithOneCandidateIsRejectedForTheWalk() {
        PropertyException e = assertThrows(PropertyException.class, () -> new MagicSearchTrainer<Label>(Path.of("t.json"), Method.MAGIC_T, "custom", 10, 2, 1)
                .withCustomSpace("FFN:64", 32, 2));
        assertTrue(e.getMessage().contains("two candidates"), e.getMessage());
    }
}
