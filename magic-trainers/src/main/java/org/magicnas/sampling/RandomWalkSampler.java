package org.magicnas.sampling;

import org.magicnas.space.Architecture;
import org.magicnas.space.CandidateMask;
import org.magicnas.space.SearchSpace;

/**
 * MAGIC-T: a random walk on the architecture graph. The first child is uniform; each later child
 * differs from the previous one in exactly k layers, chosen uniformly without replacement, each of
 * which takes a uniformly chosen different candidate. The walk is symmetric on a regular graph, so
 * its stationary distribution is uniform over the C^N children.
 *
 * <p>Over a shrinking space (a {@link CandidateMask}) the walk moves only among the remaining
 * choices: a previous choice that was removed is first replaced by a remaining one, and only layers
 * with two or more remaining candidates change (all of them, if fewer than k).
 */
public final class RandomWalkSampler implements PathSampler {
    private final SearchSpace space;
    private final CandidateMask mask;
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
        this(new CandidateMask(space), k, seed);
    }

    /**
     * Creates the sampler over what remains of a space; later changes to the mask apply at once.
     *
     * @param mask the remaining choices
     * @param k operators changed per step, in {@code [1, N]}
     * @param seed the seed
     * @throws IllegalArgumentException if k or the space does not allow a walk
     */
    public RandomWalkSampler(CandidateMask mask, int k, long seed) {
        SearchSpace space = mask.space();
        if (k < 1 || k > space.layers()) {
            throw new IllegalArgumentException("k (operators changed per step) must be in [1, " + space.layers() + "], got " + k);
        }
        if (space.choices() < 2) {
            throw new IllegalArgumentException("a random walk needs at least two candidates per layer, space " + space.name() + " has " + space.choices());
        }
        this.space = space;
        this.mask = mask;
        this.k = k;
        this.rng = new SplitMix64(seed);
    }

    @Override
    public Architecture next() {
        if (previous == null) {
            previous = PathSampler.uniform(mask, rng);
            return previous;
        }
        int[] choices = previous.choices();
        int[] layers = new int[choices.length];
        int changeable = 0;
        for (int i = 0; i < choices.length; i++) {
            int[] r = mask.remaining(i);
            if (!mask.allows(i, choices[i])) {
                choices[i] = r[rng.nextInt(r.length)];
            }
            if (r.length > 1) {
                layers[changeable++] = i;
            }
        }
        for (int i = 0; i < Math.min(k, changeable); i++) {
            int j = i + rng.nextInt(changeable - i);
            int layer = layers[j];
            layers[j] = layers[i];
            layers[i] = layer;
            int[] r = mask.remaining(layer);
            int current = java.util.Arrays.binarySearch(r, choices[layer]);
            int other = rng.nextInt(r.length - 1);
            choices[layer] = r[other >= current ? other + 1 : other];
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
