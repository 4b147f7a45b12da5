package org.magicnas.data;

/** Derives independent, well-mixed seeds from a base seed and counters (SplitMix64 finalizer). */
final class Seeds {

    /** Salt for the per-epoch row permutation. */
    static final long PERMUTATION = 0x5045524D5554L;
    /** Salt for the masking of training batches. */
    static final long TRAIN_MASK = 0x545241494EL;
    /** Salt for the masking of fixed (validation) batches. */
    static final long FIXED_MASK = 0x4649584544L;

    private Seeds() {}

    /**
     * Mixes a base seed, a salt and a counter into a new seed.
     *
     * @param seed the base seed
     * @param salt a constant naming the purpose
     * @param counter e.g. an epoch or step number
     * @return the derived seed
     */
    static long mix(long seed, long salt, long counter) {
        long h = mix64(seed + 0x9E3779B97F4A7C15L);
        h = mix64(h ^ salt);
        return mix64(h ^ (counter * 0xD1B54A32D192ED03L + 0x632BE59BD9B4E019L));
    }

    /**
     * The SplitMix64 finalizer, a bijection on 64-bit values.
     *
     * @param z the input
     * @return the mixed value
     */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
