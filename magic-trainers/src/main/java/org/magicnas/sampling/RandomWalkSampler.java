package org.magicnas.sampling;

import org.magicnas.space.Architecture;
import org.magicnas.space.SearchSpace;

/**
 * MAGIC-T: a random walk on the architecture graph. The first child is uniform; each later child
 * differs from the previous one in exactly k layers, chosen uniformly without replacement, each of
 * which takes a uniformly chosen different candidate. The walk is symmetric on a regular graph, so
 * its stationary distribution is uniform over the C^N children.
 */
public final class RandomWalkSampler implements PathSampler {
    private final SearchSpace space;
    private final int k;
    private final SplitMix64 rng;
    private Architecture previous;

    /**
     * Creates the sampler.
     *
     * @param space the space, with at least two candidates
     * @param k operators changed per step, in {@code [1, N]}
     * @param seed the seed
     * @throws IllegalArgumentException if k or the space does not allow a walk
     */
    public RandomWalkSampler(SearchSpace space, int k, long seed) {
        if (k < 1 || k > space.layers()) {
            throw new IllegalArgumentException("k (operators changed per step) must be in [1, " + space.layers() + "], got " + k);
        }
        if (space.choices() < 2) {
            throw new IllegalArgumentException("a random walk needs at least two candidates per layer, space " + space.name() + " has " + space.choices());
        }
        this.space = space;
        this.k = k;
        this.rng = new SplitMix64(seed);
    }

    @Override
    public Architecture next() {
        if (previous == null) {
            previous = PathSampler.uniform(space, rng);
            return previous;
        }
        int n = space.layers();
        int[] layers = new int[n];
        for (int i = 0; i < n; i++) {
            layers[i] = i;
        }
        int[] choices = previous.choices();
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(n - i);
            int layer = layers[j];
            layers[j] = layers[i];
            layers[i] = layer;
            int other = rng.nextInt(space.choices() - 1);
            choices[layer] = other >= choices[layer] ? other + 1 : other;
        }
        previous = new Architecture(space, choices);
        return previous;
    }

    @Override
    public SamplerState state() {
        return new SamplerState(rng.state(), previous == null ? null : previous.toString());
    }

    @Override
    public void restore(SamplerState state) {
        rng.restore(state.rngState());
        previous = state.previous() == null ? null : Architecture.parse(space, state.previous());
    }
}
