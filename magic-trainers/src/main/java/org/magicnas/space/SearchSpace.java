package org.magicnas.space;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A chain-style search space: N layers, each of which holds every candidate operator, at hidden size
 * E. A child model (an {@link Architecture}) picks one candidate per layer, so there are C^N children.
 *
 * @param name the name of the space (a preset name or {@code custom})
 * @param hidden the hidden size E
 * @param layers the number of layers N
 * @param embeddingDim the token embedding width e; when smaller than E the embedding is factorised (a
 *     V x e table and an e to E projection), as in the paper's BERT setting
 * @param candidates the candidate operators, in the order of their indices
 */
public record SearchSpace(String name, int hidden, int layers, int embeddingDim, List<OperatorSpec> candidates) {

    /** Validates the space. */
    public SearchSpace {
        Objects.requireNonNull(name, "name");
        candidates = List.copyOf(candidates);
        if (hidden < 1) {
            throw new IllegalArgumentException("hidden size must be positive, got " + hidden);
        }
        if (layers < 1) {
            throw new IllegalArgumentException("layer count must be positive, got " + layers);
        }
        if (embeddingDim < 1 || embeddingDim > hidden) {
            throw new IllegalArgumentException("embedding width must be in [1, " + hidden + "], got " + embeddingDim);
        }
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("a search space needs at least one candidate operator");
        }
        Set<String> names = new HashSet<>();
        for (OperatorSpec c : candidates) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("duplicate candidate name '" + c.name() + "' in space " + name);
            }
        }
    }

    /**
     * A space named by a preset, or {@code custom} with candidates written as in {@link
     * OperatorSpec#parse}.
     *
     * @param name a preset name or {@code custom}
     * @param candidates comma-separated candidates (custom only)
     * @param hidden the hidden size E (custom only)
     * @param layers the layer count N (custom only)
     * @return the space
     * @throws IllegalArgumentException for an unknown preset, missing or bad candidates
     */
    public static SearchSpace named(String name, String candidates, int hidden, int layers) {
        boolean none = candidates == null || candidates.isBlank();
        if (!"custom".equals(name)) {
            if (!none) {
                throw new IllegalArgumentException("candidates need the custom space, got space " + name);
            }
            return Preset.of(name).space();
        }
        if (none) {
            throw new IllegalArgumentException("the custom space needs candidates, e.g. MHA4:256,FFN:1024,CONV3,CONV5");
        }
        List<OperatorSpec> ops = new java.util.ArrayList<>();
        for (String c : candidates.split(",")) {
            ops.add(OperatorSpec.parse(c, hidden));
        }
        return new SearchSpace("custom", hidden, layers, hidden, ops);
    }

    /**
     * Candidates per layer, C.
     *
     * @return the candidate count
     */
    public int choices() {
        return candidates.size();
    }

    /**
     * The number of children, C^N.
     *
     * @return the size of the space
     */
    public BigInteger size() {
        return BigInteger.valueOf(choices()).pow(layers);
    }

    /**
     * The candidate with the given index.
     *
     * @param index the index
     * @return the candidate
     */
    public OperatorSpec candidate(int index) {
        return candidates.get(index);
    }

    /**
     * The index of the candidate with the given name.
     *
     * @param candidateName the name
     * @return its index, or -1 if the space has no such candidate
     */
    public int indexOf(String candidateName) {
        for (int i = 0; i < candidates.size(); i++) {
            if (candidates.get(i).name().equals(candidateName)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The candidate names joined by commas, for messages.
     *
     * @return the names
     */
    public String candidateNames() {
        return candidates.stream().map(OperatorSpec::name).collect(Collectors.joining(", "));
    }

    /**
     * A one-line description.
     *
     * @return name, sizes and candidates
     */
    public String describe() {
        return name + " (E=" + hidden + ", N=" + layers + ", e=" + embeddingDim + ", {" + candidateNames() + "}, " + size() + " children)";
    }
}
