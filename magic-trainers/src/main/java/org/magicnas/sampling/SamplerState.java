package org.magicnas.sampling;

/**
 * A sampler's state.
 *
 * @param rngState the generator's state
 * @param previous the text form of the previously sampled child, or null before the first step
 */
public record SamplerState(long rngState, String previous) {}
