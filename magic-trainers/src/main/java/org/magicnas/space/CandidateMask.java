package org.magicnas.space;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of a search space still open to sampling: for each layer, which candidates remain.
 * Progressive shrinking removes (layer, candidate) choices until one child is left.
 */
public final class CandidateMask {
    private final SearchSpace space;
    private final boolean[][] allowed;

    /**
     * The whole space (every candidate the space allows at each layer).
     *
     * @param space the space
     */
    public CandidateMask(SearchSpace space) {
        this.space = space;
        this.allowed = new boolean[space.layers()][space.choices()];
        for (int layer = 0; layer < allowed.length; layer++) {
            for (int c = 0; c < allowed[layer].length; c++) {
                allowed[layer][c] = space.refusal(layer, c) == null;
            }
        }
    }

    /**
     * The space.
     *
     * @return the space
     */
    public SearchSpace space() {
        return space;
    }

    /**
     * Whether a candidate remains in a layer.
     *
     * @param layer from 0
     * @param candidate the candidate index
     * @return true if it can still be sampled
     */
    public boolean allows(int layer, int candidate) {
        return allowed[layer][candidate];
    }

    /**
     * Whether every choice of a child remains.
     *
     * @param arch the child
     * @return true if the child is in the remaining space
     */
    public boolean allows(Architecture arch) {
        for (int i = 0; i < allowed.length; i++) {
            if (!allowed[i][arch.choice(i)]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The remaining candidates of a layer.
     *
     * @param layer from 0
     * @return their indices, ascending
     */
    public int[] remaining(int layer) {
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c < allowed[layer].length; c++) {
            if (allowed[layer][c]) {
                out.add(c);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Removes a choice.
     *
     * @param layer from 0
     * @param candidate the candidate index
     * @throws IllegalStateException if it is the layer's last candidate or already removed
     */
    public void remove(int layer, int candidate) {
        if (!allowed[layer][candidate]) {
            throw new IllegalStateException("layer " + (layer + 1) + " has no " + space.candidate(candidate).name() + " left to remove");
        }
        if (remaining(layer).length == 1) {
            throw new IllegalStateException("cannot remove the last candidate of layer " + (layer + 1));
        }
        allowed[layer][candidate] = false;
    }

    /**
     * The number of children left.
     *
     * @return the product of the remaining counts
     */
    public BigInteger size() {
        BigInteger n = BigInteger.ONE;
        for (int i = 0; i < allowed.length; i++) {
            n = n.multiply(BigInteger.valueOf(remaining(i).length));
        }
        return n;
    }

    /**
     * The only child left, once the mask has shrunk to one.
     *
     * @return the child
     * @throws IllegalStateException if more than one child remains
     */
    public Architecture single() {
        int[] choices = new int[allowed.length];
        for (int i = 0; i < allowed.length; i++) {
            int[] r = remaining(i);
            if (r.length != 1) {
                throw new IllegalStateException("layer " + (i + 1) + " still has " + r.length + " candidates");
            }
            choices[i] = r[0];
        }
        return new Architecture(space, choices);
    }

    /**
     * A copy.
     *
     * @return an independent mask with the same choices
     */
    public CandidateMask copy() {
        CandidateMask m = new CandidateMask(space);
        for (int i = 0; i < allowed.length; i++) {
            m.allowed[i] = allowed[i].clone();
        }
        return m;
    }
}
