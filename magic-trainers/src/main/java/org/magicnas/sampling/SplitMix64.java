package org.magicnas.sampling;

/**
 * A small, fast random generator (SplitMix64) whose whole state is one {@code long}, so that
 * checkpoints can save and restore it exactly. Not for cryptography.
 */
public final class SplitMix64 {
    private long state;

    /**
     * Creates a generator.
     *
     * @param seed the seed (also the initial state)
     */
    public SplitMix64(long seed) {
        this.state = seed;
    }

    /**
     * Mixes values into one well-spread seed, for deriving independent streams from a run seed.
     *
     * @param values the values
     * @return a seed
     */
    public static long mix(long... values) {
        long h = 0x9E3779B97F4A7C15L;
        for (long v : values) {
            h = scramble(h ^ scramble(v + 0x632BE59BD9B4E019L));
        }
        return h;
    }

    private static long scramble(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * The next 64 random bits.
     *
     * @return a long
     */
    public long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        return scramble(state);
    }

    /**
     * A uniform integer in {@code [0, bound)}, without modulo bias.
     *
     * @param bound the exclusive bound, positive
     * @return the integer
     */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        while (true) {
            long bits = nextLong() >>> 1;
            long value = bits % bound;
            if (bits - value + (bound - 1) >= 0) {
                return (int) value;
            }
        }
    }

    /**
     * A uniformly random permutation of {@code 0..n-1} (Fisher-Yates).
     *
     * @param n the size
     * @return the permutation
     */
    public int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /**
     * A uniform double in {@code [0, 1)}.
     *
     * @return the double
     */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /**
     * The whole state.
     *
     * @return the state
     */
    public long state() {
        return state;
    }

    /**
     * Restores a state returned by {@link #state()}.
     *
     * @param saved the state
     */
    public void restore(long saved) {
        this.state = saved;
    }
}
