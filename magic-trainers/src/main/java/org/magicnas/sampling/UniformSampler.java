package org.magicnas.sampling;

import org.magicnas.space.Architecture;
import org.magicnas.space.CandidateMask;
import org.magicnas.space.SearchSpace;

/** SPOS: a fresh child drawn uniformly at every step. */
public final class UniformSampler implements PathSampler {
    private final CandidateMask mask;
    private final SplitMix64 rng;

    /**
     * Creates the sampler over a whole space.
     *
     * @param space the space
     * @param seed the seed
     */
    public UniformSampler(SearchSpace space, long seed) {
        this(new CandidateMask(space), seed);
    }

    /**
     * Creates the sampler over what remains of a space; later changes to the mask apply at once.
     *
     * @param mask the remaining choices
     * @param seed the seed
     */
    public UniformSampler(CandidateMask mask, long seed) {
        this.mask = mask;
        this.rng = new SplitMix64(seed);
    }

    @Override
    public Architecture next() {
        return PathSampler.uniform(mask, rng);
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
