package org.magicnas.tribuo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.magicnas.train.Method;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.test.Helpers;

/** A text and an image model predicting from 8 threads at once give exactly the predictions of one thread. */
class ConcurrentPredictionTest {
    private static final int THREADS = 8;

    /** Each thread predicts the whole set in a batch and every example alone, twice, all threads at once. */
    private static void assertThreadSafe(Model<Label> model, MutableDataset<Label> test) throws Exception {
        List<Prediction<Label>> batched = model.predict(test);
        List<Prediction<Label>> alone = new ArrayList<>();
        for (Example<Label> e : test) {
            alone.add(model.predict(e));
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<List<Prediction<Label>>>>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(() -> {
                    List<List<Prediction<Label>>> runs = new ArrayList<>();
                    for (int r = 0; r < 2; r++) {
                        runs.add(model.predict(test));
                        List<Prediction<Label>> single = new ArrayList<>();
                        for (Example<Label> e : test) {
                            single.add(model.predict(e));
                        }
                        runs.add(single);
                    }
                    return runs;
                }));
            }
            for (Future<List<List<Prediction<Label>>>> f : futures) {
                List<List<Prediction<Label>>> runs = f.get();
                for (int r = 0; r < runs.size(); r++) {
                    // Even runs are batches, odd ones example by example (padded to another length, so compared with their own kind).
                    assertTrue(Helpers.predictionListDistributionEquals(r % 2 == 0 ? batched : alone, runs.get(r), 0.0),
                            "a thread's predictions differ (run " + r + ")");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void textModelPredictsTheSameFromEightThreads() throws Exception {
        MagicFineTuneTrainer<Label> trainer = new MagicFineTuneTrainer<Label>(TopicFixture.dir(), EncoderStart.PRETRAINED, 2, 2e-3, 7)
                .withShape(24, 16, 0.2, 3);
        try (MagicModel<Label> model = trainer.train(TopicFixture.topics(80, 1))) {
            assertThreadSafe(model, TopicFixture.topics(24, 2));
        }
    }

    @Tag("slow")
    @Test
    void imageModelPredictsTheSameFromEightThreads() throws Exception {
        MagicImageSearchTrainer trainer = new MagicImageSearchTrainer(Method.SPOS, "mobilenet-cpu", 10, 20, 3).withSearch(2, 1, 0, 0)
                .withTraining(32, 1e-2, 2);
        try (MagicImageModel model = trainer.train(MagicImageSearchTrainerTest.bars(128, 1))) {
            assertThreadSafe(model, MagicImageSearchTrainerTest.bars(24, 2));
        }
    }
}
