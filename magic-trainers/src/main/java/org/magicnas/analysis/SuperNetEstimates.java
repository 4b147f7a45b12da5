package org.magicnas.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.io.file.PathUtils;
import org.magicnas.alignment.AnchorStatistics;
import org.magicnas.space.Architecture;
import org.magicnas.train.CheckpointStore;
import org.magicnas.train.TrainingConfig;
import org.magicnas.train.TrainingListener;

/**
 * A method's estimate for a panel: a super-net trained with the given configuration, then each panel
 * child's validation loss on it (for masked-LM, shared prefixes computed once; for images, after
 * BatchNorm recalibration). Each estimate is a cached job keyed
 * by the training configuration, the data and the children; its super-net checkpoints while it trains,
 * so an interrupted job resumes, and the checkpoints are removed once the estimate is stored.
 */
public final class SuperNetEstimates {
    private final ResultCache cache;
    private final StudyTask task;

    /**
     * One method's estimate.
     *
     * @param training the training configuration, as text
     * @param children the panel children, in panel order
     * @param losses each child's validation loss on the super-net
     * @param seconds training and evaluation time (of the last attempt)
     * @param anchor how the anchor comparisons went (times of the last attempt), or null
     */
    public record Estimate(String training, List<String> children, double[] losses, double seconds, AnchorStatistics anchor) {}

    /**
     * Creates the estimator.
     *
     * @param cache where finished estimates are kept (checkpoints go to its {@code checkpoints/})
     * @param task the space, data and objective (part of every key)
     */
    public SuperNetEstimates(ResultCache cache, StudyTask task) {
        this.cache = cache;
        this.task = task;
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
     * Claims a job for this worker (see {@link ResultCache#claim}).
     *
     * @param training the super-net's training configuration
     * @param children the panel
     * @return true if this worker should run it
     */
    public boolean claim(TrainingConfig training, List<Architecture> children) {
        return cache.claim(key(training, children));
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
        StudyTask.NetScores scores = task.superNetLosses(training, children, progress, new CheckpointStore(checkpoints, 1));
        Estimate e = new Estimate(training.toString(), children.stream().map(Architecture::toString).toList(), scores.losses(),
                (System.nanoTime() - start) / 1e9, scores.anchor());
        cache.write(key, e);
        deleteTree(checkpoints);
        return e;
    }

    private String key(TrainingConfig training, List<Architecture> children) {
        return ResultCache.key(String.join("|", "supernet-v3", task.key(), training.toString(), children.toString()));
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            PathUtils.deleteDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove finished checkpoints " + dir, e);
        }
    }
}
