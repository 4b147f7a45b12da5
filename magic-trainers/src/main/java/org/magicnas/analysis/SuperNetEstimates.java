package org.magicnas.analysis;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.magicnas.data.MlmBatch;
import org.magicnas.sampling.SplitMix64;
import org.magicnas.space.Architecture;
import org.magicnas.supernet.SuperNet;
import org.magicnas.supernet.SuperNetConfig;
import org.magicnas.train.CheckpointStore;
import org.magicnas.train.ChildScore;
import org.magicnas.train.SuperNetTrainer;
import org.magicnas.train.TrainingConfig;
import org.magicnas.train.TrainingListener;

/**
 * A method's estimate for a panel: a super-net trained with the given configuration, then each panel
 * child's validation loss on it (shared prefixes computed once). Each estimate is a cached job keyed
 * by the training configuration, the data and the children; its super-net checkpoints while it trains,
 * so an interrupted job resumes, and the checkpoints are removed once the estimate is stored.
 */
public final class SuperNetEstimates {
    private final ResultCache cache;
    private final SuperNetConfig config;
    private final String dataKey;
    private final LongFunction<MlmBatch> train;
    private final List<MlmBatch> validation;

    /**
     * One method's estimate.
     *
     * @param training the training configuration, as text
     * @param children the panel children, in panel order
     * @param losses each child's validation loss on the super-net
     * @param seconds training and evaluation time (of the last attempt)
     */
    public record Estimate(String training, List<String> children, double[] losses, double seconds) {}

    /**
     * Creates the estimator.
     *
     * @param cache where finished estimates are kept (checkpoints go to its {@code checkpoints/})
     * @param config the super-net configuration
     * @param dataKey a description of the data, part of every key
     * @param train the training batches
     * @param validation the validation batches the children are scored on
     */
    public SuperNetEstimates(ResultCache cache, SuperNetConfig config, String dataKey, LongFunction<MlmBatch> train, List<MlmBatch> validation) {
        this.cache = cache;
        this.config = config;
        this.dataKey = dataKey;
        this.train = train;
        this.validation = validation;
    }

    /**
     * The cached estimate, if the job has finished.
     *
     * @param training the super-net's training configuration
     * @param children the panel
     * @return the estimate or empty
     */
    public java.util.Optional<Estimate> cached(TrainingConfig training, List<Architecture> children) {
        return cache.read(key(training, children), Estimate.class);
    }

    /**
     * The estimate: cached, or trained (resuming from its checkpoint) and cached.
     *
     * @param training the super-net's training configuration
     * @param children the panel
     * @param progress receives the training steps
     * @return the estimate
     * @throws IOException if checkpoints cannot be written or read
     */
    public Estimate estimate(TrainingConfig training, List<Architecture> children, TrainingListener progress) throws IOException {
        String key = key(training, children);
        var hit = cache.read(key, Estimate.class);
        if (hit.isPresent()) {
            return hit.get();
        }
        long start = System.nanoTime();
        Path checkpoints = cache.dir().resolve("checkpoints").resolve(key);
        double[] losses = new double[children.size()];
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed((int) SplitMix64.mix(training.seed(), 0));
            SuperNet net = new SuperNet(config);
            net.initialize(manager);
            try (SuperNetTrainer trainer = new SuperNetTrainer(net, manager, training, train, validation)) {
                CheckpointStore store = new CheckpointStore(checkpoints, 1);
                var latest = store.latest();
                if (latest.isPresent()) {
                    trainer.restore(latest.get());
                }
                trainer.train(Long.MAX_VALUE, progress, store);
                Map<Architecture, ChildScore> scores = trainer.prefixSharingEvaluator().evaluate(children, validation);
                for (int i = 0; i < children.size(); i++) {
                    losses[i] = scores.get(children.get(i)).loss();
                }
            }
        }
        Estimate e = new Estimate(training.toString(), children.stream().map(Architecture::toString).toList(), losses,
                (System.nanoTime() - start) / 1e9);
        cache.write(key, e);
        deleteTree(checkpoints);
        return e;
    }

    private String key(TrainingConfig training, List<Architecture> children) {
        return ResultCache.key(String.join("|", "supernet-v1", config.space().describe(), config.space().candidates().toString(),
                Integer.toString(config.vocabSize()), Integer.toString(config.maxPositions()), Float.toString(config.dropout()), dataKey,
                training.toString(), Integer.toString(validation.size()), children.toString()));
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove finished checkpoints " + dir, e);
        }
    }
}
