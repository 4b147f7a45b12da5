package org.magicnas.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.magicnas.space.Architecture;
import org.magicnas.supernet.SuperNetConfig;

/**
 * Stand-alone trainings in two threads of one JVM at once (as the rank study's Spark tasks run) give
 * the losses and scores of the same trainings one after another: weights are drawn under
 * {@link SeededInit}'s lock and gradients collected per thread ({@link Gradients}); with DJL's own
 * PyTorch collector the second thread fails ("Only one can be collecting at a time").
 */
class ConcurrentTrainingTest {
    private static final SuperNetConfig CONFIG = new SuperNetConfig(TrainerFixture.SPACE, TrainerFixture.VOCAB, TrainerFixture.SEQ, 0.1f);
    private static final String[] CHILDREN = {"MHA2,CONV3,FFN,MHA2", "FFN,FFN,CONV3,MHA2"};

    private record Run(List<Double> losses, ChildScore score) {}

    private static Run train(int i) throws Exception {
        Architecture arch = Architecture.parse(TrainerFixture.SPACE, CHILDREN[i]);
        List<Double> losses = new ArrayList<>();
        try (NDManager m = NDManager.newBaseManager()) {
            ChildScore score = ChildTrainer.fromScratch(CONFIG, arch, m, TrainingConfig.standAlone(10, 1e-3, 11 + i), TrainerFixture::batch,
                    TrainerFixture.validation(), r -> losses.add(r.predictionLoss())).score();
            return new Run(losses, score);
        }
    }

    @Test
    void twoThreadsTrainAsOneAfterTheOther() throws Exception {
        List<Run> alone = List.of(train(0), train(1));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 2; round++) {
                Future<Run> a = pool.submit(() -> train(0));
                Future<Run> b = pool.submit(() -> train(1));
                assertEquals(alone.get(0), a.get(), "child 0, round " + round);
                assertEquals(alone.get(1), b.get(), "child 1, round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
