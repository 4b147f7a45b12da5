package org.magicnas.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.magicnas.sampling.PathSampler;
import org.magicnas.sampling.SplitMix64;
import org.magicnas.space.Architecture;
import org.magicnas.space.CandidateMask;

/**
 * Evolutionary search over a trained super-net as in SPOS: a population of children meeting the
 * constraints, the top k kept each generation, new children by mutation (each layer resampled with a
 * probability) and by crossover (each layer from one of two parents), and only children within the
 * constraints ever scored. Scores are cached, so each child is scored once.
 *
 * @param population children per generation
 * @param generations generations after the first
 * @param topK parents kept per generation
 * @param mutationProbability the chance that a layer is resampled in a mutation
 */
public record EvolutionarySearch(int population, int generations, int topK, double mutationProbability) {
    private static final int MAX_TRIES = 10_000;

    /** Validates the values. */
    public EvolutionarySearch {
        if (population < 2 || generations < 0 || topK < 1 || topK > population || !(mutationProbability > 0 && mutationProbability <= 1)) {
            throw new IllegalArgumentException("evolution needs population >= 2, generations >= 0, 1 <= topK <= population and a mutation"
                    + " probability in (0, 1]; got " + population + ", " + generations + ", " + topK + ", " + mutationProbability);
        }
    }

    /** The outcome: the best child, its loss, and how many children were scored. */
    public record Result(Architecture best, double loss, int scored) {}

    /**
     * Runs the search.
     *
     * @param mask the space to search
     * @param scorer the children's losses
     * @param constraints the size limits (checked up front)
     * @param rng the generator
     * @return the best child found
     */
    public Result run(CandidateMask mask, ChildScorer scorer, Constraints constraints, SplitMix64 rng) {
        constraints.checkSatisfiable(mask);
        Map<Architecture, Double> scores = new HashMap<>();
        List<Architecture> pool = new ArrayList<>();
        for (int tries = 0; pool.size() < population && tries < MAX_TRIES; tries++) {
            Architecture a = PathSampler.uniform(mask, rng);
            if (constraints.allows(a) && !pool.contains(a)) {
                pool.add(a);
            }
        }
        if (pool.isEmpty()) {
            throw new IllegalStateException("no child within the constraints was found in " + MAX_TRIES + " draws");
        }
        for (int g = 0; g <= generations; g++) {
            for (Architecture a : pool) {
                scores.computeIfAbsent(a, scorer::loss);
            }
            pool.sort(Comparator.comparingDouble((Architecture a) -> scores.get(a)).thenComparing(Architecture::toString));
            if (g == generations) {
                break;
            }
            List<Architecture> parents = new ArrayList<>(pool.subList(0, Math.min(topK, pool.size())));
            List<Architecture> next = new ArrayList<>(parents);
            for (int tries = 0; next.size() < population && tries < MAX_TRIES; tries++) {
                Architecture child = tries % 2 == 0 ? mutate(parents.get(rng.nextInt(parents.size())), mask, rng)
                        : crossover(parents.get(rng.nextInt(parents.size())), parents.get(rng.nextInt(parents.size())), rng);
                if (constraints.allows(child) && !next.contains(child)) {
                    next.add(child);
                }
            }
            pool = next;
        }
        Architecture best = pool.get(0);
        return new Result(best, scores.get(best), scores.size());
    }

    private Architecture mutate(Architecture parent, CandidateMask mask, SplitMix64 rng) {
        int[] c = parent.choices();
        for (int i = 0; i < c.length; i++) {
            if (rng.nextDouble() < mutationProbability) {
                int[] r = mask.remaining(i);
                c[i] = r[rng.nextInt(r.length)];
            }
        }
        return new Architecture(parent.space(), c);
    }

    private static Architecture crossover(Architecture a, Architecture b, SplitMix64 rng) {
        int[] c = a.choices();
        for (int i = 0; i < c.length; i++) {
            if (rng.nextInt(2) == 1) {
                c[i] = b.choice(i);
            }
        }
        return new Architecture(a.space(), c);
    }
}
