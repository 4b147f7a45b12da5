package org.magicnas.sampling;

import org.magicnas.space.Architecture;
import org.magicnas.space.CandidateMask;
import org.magicnas.space.SearchSpace;

/** Chooses the child trained at each super-net step. */
public interface PathSampler {

    /**
     * The next child to train.
     *
     * @return the child
     */
    Architecture next();

    /**
     * The sampler's whole state, for checkpoints.
     *
     * @return the state
     */
    SamplerState state();

    /**
     * Restores a state returned by {@link #state()}.
     *
     * @param state the state
     */
    void restore(SamplerState state);

    /**
     * Draws a child uniformly from the space.
     *
     * @param space the space
     * @param rng the generator
     * @return the child
     */
    static Architecture uniform(SearchSpace space, SplitMix64 rng) {
        return uniform(new CandidateMask(space), rng);
    }

    /**
     * Draws a child uniformly from what remains of a space.
     *
     * @param mask the remaining choices
     * @param rng the generator
     * @return the child
     */
    static Architecture uniform(CandidateMask mask, SplitMix64 rng) {
        int[] choices = new int[mask.space().layers()];
        for (int i = 0; i < choices.length; i++) {
            int[] r = mask.remaining(i);
            choices[i] = r[rng.nextInt(r.length)];
        }
        return new Architecture(mask.space(), choices);
    }
}
