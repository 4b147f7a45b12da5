package org.magicnas.space;

import java.util.Arrays;
import java.util.StringJoiner;

/**
 * A child model of a search space: one candidate index per layer. Its text form lists the candidate
 * names separated by commas ({@code MHA12,FFN,CONV3,...}) and parses back exactly.
 */
public final class Architecture {
    private final SearchSpace space;
    private final int[] choices;

    /**
     * Creates an architecture.
     *
     * @param space the space
     * @param choices one candidate index per layer
     * @throws IllegalArgumentException if the length or an index is out of range
     */
    public Architecture(SearchSpace space, int[] choices) {
        this.space = space;
        if (choices.length != space.layers()) {
            throw new IllegalArgumentException("architecture has " + choices.length + " layers, space " + space.name() + " has " + space.layers());
        }
        for (int i = 0; i < choices.length; i++) {
            if (choices[i] < 0 || choices[i] >= space.choices()) {
                throw new IllegalArgumentException("layer " + (i + 1) + ": candidate index " + choices[i] + " outside [0, " + space.choices() + ")");
            }
            String refusal = space.refusal(i, choices[i]);
            if (refusal != null) {
                throw new IllegalArgumentException("layer " + (i + 1) + ": " + refusal);
            }
        }
        this.choices = choices.clone();
    }

    /**
     * Parses the text form.
     *
     * @param space the space
     * @param text comma-separated candidate names, one per layer
     * @return the architecture
     * @throws IllegalArgumentException naming the position of a wrong token and the allowed names
     */
    public static Architecture parse(SearchSpace space, String text) {
        String[] tokens = text.trim().split("\\s*,\\s*", -1);
        if (tokens.length != space.layers()) {
            throw new IllegalArgumentException("architecture '" + text + "' has " + tokens.length + " operators, the space " + space.name() + " needs " + space.layers());
        }
        int[] choices = new int[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            int idx = space.indexOf(tokens[i]);
            if (idx < 0) {
                throw new IllegalArgumentException("architecture position " + (i + 1) + ": unknown operator '" + tokens[i] + "', allowed: " + space.candidateNames());
            }
            choices[i] = idx;
        }
        return new Architecture(space, choices);
    }

    /**
     * The BERT-like child of a space: attention (the first MHA candidate) and feed-forward (the first
     * FFN candidate) layers alternating, starting with attention.
     *
     * @param space the space
     * @return the child
     * @throws IllegalArgumentException if the space lacks an MHA or an FFN candidate
     */
    public static Architecture bertLike(SearchSpace space) {
        int mha = -1;
        int ffn = -1;
        for (int i = space.choices() - 1; i >= 0; i--) {
            mha = space.candidate(i).kind() == OperatorKind.MHA ? i : mha;
            ffn = space.candidate(i).kind() == OperatorKind.FFN ? i : ffn;
        }
        if (mha < 0 || ffn < 0) {
            throw new IllegalArgumentException("space " + space.name() + " has no MHA and FFN candidates for a BERT-like child");
        }
        int[] c = new int[space.layers()];
        for (int i = 0; i < c.length; i++) {
            c[i] = i % 2 == 0 ? mha : ffn;
        }
        return new Architecture(space, c);
    }

    /**
     * The space this architecture belongs to.
     *
     * @return the space
     */
    public SearchSpace space() {
        return space;
    }

    /**
     * The candidate index chosen in a layer.
     *
     * @param layer the layer, from 0
     * @return the candidate index
     */
    public int choice(int layer) {
        return choices[layer];
    }

    /**
     * A copy of the candidate indices.
     *
     * @return one index per layer
     */
    public int[] choices() {
        return choices.clone();
    }

    /**
     * The candidate chosen in a layer.
     *
     * @param layer the layer, from 0
     * @return the candidate
     */
    public OperatorSpec operator(int layer) {
        return space.candidate(choices[layer]);
    }

    /**
     * The number of layers in which this architecture and another differ.
     *
     * @param other an architecture of the same space
     * @return the Hamming distance
     */
    public int distance(Architecture other) {
        int d = 0;
        for (int i = 0; i < choices.length; i++) {
            if (choices[i] != other.choices[i]) {
                d++;
            }
        }
        return d;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Architecture a && a.space.equals(space) && Arrays.equals(a.choices, choices);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(choices);
    }

    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(",");
        for (int c : choices) {
            j.add(space.candidate(c).name());
        }
        return j.toString();
    }
}
