package org.magicnas.sampling;

/**
 * The examples of a training step when a data set is read in a fresh random order every epoch: step
 * s takes positions {@code [s * size, (s + 1) * size)} of the concatenated per-epoch permutations,
 * each drawn from (seed, epoch). A pure function of its arguments, so runs resume exactly.
 */
public final class EpochShuffle {
    private EpochShuffle() {}

    /**
     * The example indices of a step.
     *
     * @param seed the seed of the permutations
     * @param examples the data set size
     * @param step the step
     * @param size examples per step
     * @return the indices, in batch order
     */
    public static int[] batch(long seed, int examples, long step, int size) {
        int[] out = new int[size];
        long start = step * size;
        int[] perm = null;
        long permEpoch = -1;
        for (int i = 0; i < size; i++) {
            long global = start + i;
            long epoch = global / examples;
            if (epoch != permEpoch) {
                perm = new SplitMix64(SplitMix64.mix(seed, 13, epoch)).permutation(examples);
                permEpoch = epoch;
            }
            out[i] = perm[(int) (global % examples)];
        }
        return out;
    }
}
