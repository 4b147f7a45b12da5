package org.magicnas.search;

import org.magicnas.space.Architecture;
import org.magicnas.space.CandidateMask;
import org.magicnas.space.ChildCost;
import org.magicnas.space.SearchSpace;

/**
 * Limits on a child's size: all parameters (embeddings and head included) and forward FLOPs of one
 * sequence at a given length. A limit of 0 means none.
 *
 * @param maxParameters the most parameters allowed, or 0
 * @param maxFlops the most forward FLOPs per sequence allowed, or 0
 * @param vocabSize the vocabulary size
 * @param seqLen the sequence length of the FLOP count (and the positions)
 */
public record Constraints(long maxParameters, long maxFlops, int vocabSize, int seqLen) {

    /** Validates the values. */
    public Constraints {
        if (maxParameters < 0 || maxFlops < 0) {
            throw new IllegalArgumentException("limits must be >= 0 (0 for none), got " + maxParameters + " parameters and " + maxFlops + " FLOPs");
        }
    }

    /**
     * No limits.
     *
     * @param vocabSize the vocabulary size
     * @param seqLen the sequence length
     * @return the constraints
     */
    public static Constraints none(int vocabSize, int seqLen) {
        return new Constraints(0, 0, vocabSize, seqLen);
    }

    /**
     * The child's size.
     *
     * @param child the child
     * @return parameters and FLOPs
     */
    public ChildCost cost(Architecture child) {
        return ChildCost.of(child, vocabSize, seqLen, seqLen, 0);
    }

    /**
     * Whether a child is within the limits.
     *
     * @param child the child
     * @return true if allowed
     */
    public boolean allows(Architecture child) {
        ChildCost c = cost(child);
        return (maxParameters == 0 || c.parameters() <= maxParameters) && (maxFlops == 0 || c.forwardFlops() <= maxFlops);
    }

    /**
     * Fails up front if no child of the remaining space can meet a limit, naming the smallest value
     * that can be reached. Sizes add up layer by layer, so the smallest child takes the smallest
     * remaining candidate of each layer.
     *
     * @param mask the remaining space
     * @throws IllegalArgumentException naming the limit and the smallest achievable value
     */
    public void checkSatisfiable(CandidateMask mask) {
        SearchSpace s = mask.space();
        int[] base = new int[s.layers()];
        for (int i = 0; i < base.length; i++) {
            base[i] = mask.remaining(i)[0];
        }
        int[] fewestParams = base.clone();
        int[] fewestFlops = base.clone();
        for (int i = 0; i < s.layers(); i++) {
            long bestParams = Long.MAX_VALUE;
            long bestFlops = Long.MAX_VALUE;
            for (int c : mask.remaining(i)) {
                int[] one = base.clone();
                one[i] = c;
                ChildCost cost = cost(new Architecture(s, one));
                if (cost.parameters() < bestParams) {
                    bestParams = cost.parameters();
                    fewestParams[i] = c;
                }
                if (cost.forwardFlops() < bestFlops) {
                    bestFlops = cost.forwardFlops();
                    fewestFlops[i] = c;
                }
            }
        }
        long minParams = cost(new Architecture(s, fewestParams)).parameters();
        long minFlops = cost(new Architecture(s, fewestFlops)).forwardFlops();
        if (maxParameters > 0 && minParams > maxParameters) {
            throw new IllegalArgumentException("no child has at most " + maxParameters + " parameters: the smallest has " + minParams);
        }
        if (maxFlops > 0 && minFlops > maxFlops) {
            throw new IllegalArgumentException("no child has at most " + maxFlops + " FLOPs per "
                    + (s.isImage() ? "image" : "sequence of " + seqLen + " tokens") + ": the smallest has " + minFlops);
        }
    }
}
