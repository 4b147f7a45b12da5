package org.magicnas.sampling;

import org.magicnas.space.Architecture;

/** Always the same child: for stand-alone comparisons and benchmarks of one path. */
public final class FixedSampler implements PathSampler {
    private final Architecture child;

    /**
     * Creates the sampler.
     *
     * @param child the child returned at every step
     */
    public FixedSampler(Architecture child) {
        this.child = child;
    }

    @Override
    public Architecture next() {
        return child;
    }

    @Override
    public SamplerState state() {
        return new SamplerState(0, child.toString());
    }

    @Override
    public void restore(SamplerState state) {
        // nothing changes
    }
}
