package org.magicnas.sampling;

import org.magicnas.space.Architecture;
import org.magicnas.space.SearchSpace;

/** SPOS: a fresh child drawn uniformly at every step. */
public final class UniformSampler implements PathSampler {
    private final SearchSpace space;
    private final SplitMix64 rng;

    /**
     * Creates the sampler.
     *
     * @param space the space
     * @param seed the seed
     */
    public UniformSampler(SearchSpace space, long seed) {
        this.space = space;
        this.rng = new SplitMix64(seed);
    }

    @Override
    public Architecture next() {
        return PathSampler.uniform(space, rng);
    }

    @Override
    public SamplerState state() {
        return new SamplerState(rng.state(), null);
    }

    @Override
    public void restore(SamplerState state) {
        rng.restore(state.rngState());
    }
}
