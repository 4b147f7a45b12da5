package org.magicnas.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.magicnas.sampling.PathSampler;
import org.magicnas.sampling.SplitMix64;
import org.magicnas.space.Architecture;
import org.magicnas.space.SearchSpace;
import org.magicnas.train.TrainingConfig;

/**
 * The ground truth of a rank-correlation study: children trained stand-alone from scratch on the same
 * budget, scored by validation loss (masked-LM or classification, as the {@link StudyTask} says). Each (child, replicate) is an independent job cached by
 * the content hash of everything that determines it (space, architecture, data, budget, seed,
 * replicate), so a panel can be resumed, extended and shared between studies. Replicate 0 is the
 * ground truth; replicate r > 0 retrains the same child with another initialisation seed and another
 * data order, which measures seed noise.
 */
public final class GroundTruthPanel {
    private final ResultCache cache;
    private final StudyTask task;
    private final long steps;
    private final double learningRate;
    private final long seed;

    /**
     * A trained child.
     *
     * @param architecture the child
     * @param replicate the replicate (0 is the ground truth)
     * @param loss validation loss (per masked token, or per image)
     * @param accuracy validation accuracy
     * @param seconds training time
     */
    public record Member(String architecture, int replicate, double loss, double accuracy, double seconds) {}

    /**
     * Creates a panel.
     *
     * @param cache where finished jobs are kept
     * @param task the space, data and objective (part of every job's key)
     * @param steps training steps per child
     * @param learningRate peak learning rate
     * @param seed the seed of replicate 0
     */
    public GroundTruthPanel(ResultCache cache, StudyTask task, long steps, double learningRate, long seed) {
        this.cache = cache;
        this.task = task;
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
     * Claims a job for this worker (see {@link ResultCache#claim}).
     *
     * @param arch the child
     * @param replicate the replicate
     * @return true if this worker should run it
     */
    public boolean claim(Architecture arch, int replicate) {
        return cache.claim(key(arch, replicate));
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
        StudyTask.Score score = task.trainAlone(arch, TrainingConfig.standAlone(steps, learningRate, runSeed), replicate);
        Member m = new Member(arch.toString(), replicate, score.loss(), score.accuracy(), (System.nanoTime() - start) / 1e9);
        cache.write(key(arch, replicate), m);
        return m;
    }

    private String key(Architecture arch, int replicate) {
        return ResultCache.key(String.join("|", "panel-v2", task.key(), arch.toString(), Long.toString(steps), Double.toString(learningRate),
                Long.toString(seed), Integer.toString(replicate)));
    }
}
