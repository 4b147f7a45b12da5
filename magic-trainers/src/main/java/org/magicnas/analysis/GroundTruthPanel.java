package org.magicnas.analysis;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import org.magicnas.data.MlmBatch;
import org.magicnas.sampling.PathSampler;
import org.magicnas.sampling.SplitMix64;
import org.magicnas.space.Architecture;
import org.magicnas.space.SearchSpace;
import org.magicnas.supernet.SuperNetConfig;
import org.magicnas.train.ChildScore;
import org.magicnas.train.ChildTrainer;
import org.magicnas.train.TrainingConfig;

/**
 * The ground truth of a rank-correlation study: children trained stand-alone from scratch on the same
 * budget, scored by validation masked-LM loss. Each (child, replicate) is an independent job cached by
 * the content hash of everything that determines it (space, architecture, data, budget, seed,
 * replicate), so a panel can be resumed, extended and shared between studies. Replicate 0 is the
 * ground truth; replicate r > 0 retrains the same child with another initialisation seed and another
 * data order (batches taken from step r x stride on), which measures seed noise.
 */
public final class GroundTruthPanel {
    private final ResultCache cache;
    private final SuperNetConfig config;
    private final String dataKey;
    private final LongFunction<MlmBatch> train;
    private final long replicateStride;
    private final List<MlmBatch> validation;
    private final long steps;
    private final double learningRate;
    private final long seed;

    /**
     * A trained child.
     *
     * @param architecture the child
     * @param replicate the replicate (0 is the ground truth)
     * @param loss validation loss per masked token
     * @param accuracy masked-token accuracy
     * @param seconds training time
     */
    public record Member(String architecture, int replicate, double loss, double accuracy, double seconds) {}

    /**
     * Creates a panel.
     *
     * @param cache where finished jobs are kept
     * @param config the children's configuration (space, vocabulary, positions, dropout)
     * @param dataKey a description of the data that determines the batches (corpus, tokenizer, split,
     *     masking), part of every job's key
     * @param train the training batch of each step
     * @param replicateStride how far apart in steps the replicates' batch streams start (for a
     *     shuffled dataset, a whole number of epochs far beyond any budget)
     * @param validation the fixed validation batches
     * @param steps training steps per child
     * @param learningRate peak learning rate
     * @param seed the seed of replicate 0
     */
    public GroundTruthPanel(ResultCache cache, SuperNetConfig config, String dataKey, LongFunction<MlmBatch> train, long replicateStride,
            List<MlmBatch> validation, long steps, double learningRate, long seed) {
        this.cache = cache;
        this.config = config;
        this.dataKey = dataKey;
        this.train = train;
        this.replicateStride = replicateStride;
        this.validation = validation;
        this.steps = steps;
        this.learningRate = learningRate;
        this.seed = seed;
    }

    /**
     * K distinct children drawn uniformly from a space.
     *
     * @param space the space
     * @param k how many
     * @param seed the seed of the draw
     * @return the children, in draw order
     * @throws IllegalArgumentException if the space has fewer than k children
     */
    public static List<Architecture> sample(SearchSpace space, int k, long seed) {
        if (k < 2 || space.size().compareTo(java.math.BigInteger.valueOf(k)) < 0) {
            throw new IllegalArgumentException("a panel needs between 2 and " + space.size() + " children (space " + space.name() + "), got " + k);
        }
        SplitMix64 rng = new SplitMix64(seed);
        Set<Architecture> out = new LinkedHashSet<>();
        while (out.size() < k) {
            out.add(PathSampler.uniform(space, rng));
        }
        return new ArrayList<>(out);
    }

    /**
     * The cached result of a job, if it has run.
     *
     * @param arch the child
     * @param replicate the replicate
     * @return the result or empty
     */
    public Optional<Member> cached(Architecture arch, int replicate) {
        return cache.read(key(arch, replicate), Member.class);
    }

    /**
     * The result of a job: cached, or trained now and cached.
     *
     * @param arch the child
     * @param replicate the replicate
     * @return the result
     */
    public Member member(Architecture arch, int replicate) {
        Optional<Member> hit = cached(arch, replicate);
        if (hit.isPresent()) {
            return hit.get();
        }
        long start = System.nanoTime();
        long runSeed = replicate == 0 ? seed : SplitMix64.mix(seed, 90, replicate);
        long offset = replicate * replicateStride;
        ChildScore score;
        try (NDManager manager = NDManager.newBaseManager()) {
            score = ChildTrainer.fromScratch(config, arch, manager, TrainingConfig.standAlone(steps, learningRate, runSeed), s -> train.apply(s + offset),
                    validation, r -> { }).score();
        }
        Member m = new Member(arch.toString(), replicate, score.loss(), score.accuracy(), (System.nanoTime() - start) / 1e9);
        cache.write(key(arch, replicate), m);
        return m;
    }

    private String key(Architecture arch, int replicate) {
        SearchSpace s = config.space();
        return ResultCache.key(String.join("|", "panel-v1", Long.toString(replicateStride), s.describe(), s.candidates().toString(), arch.toString(),
                Integer.toString(config.vocabSize()), Integer.toString(config.maxPositions()), Float.toString(config.dropout()), dataKey,
                Long.toString(steps), Double.toString(learningRate), Long.toString(seed), Integer.toString(replicate)));
    }
}
