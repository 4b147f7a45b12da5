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
 * <p>An image space adds an {@link ImageLayout} (stem, stages, head): its layers change width and
 * resolution at stage starts, and a zero-out candidate is allowed only where a layer keeps its
 * shape, so such a space has fewer than C^N children.
 *
 * @param name the name of the space (a preset name or {@code custom})
 * @param hidden the hidden size E
 * @param layers the number of layers N
 * @param embeddingDim the token embedding width e; when smaller than E the embedding is factorised (a
 *     V x e table and an e to E projection), as in the paper's BERT setting
 * @param candidates the candidate operators, in the order of their indices
 * @param image the frame of an image space, or null for a text space
 */
public record SearchSpace(String name, int hidden, int layers, int embeddingDim, List<OperatorSpec> candidates, ImageLayout image) {

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
            if (c.kind().image() != (image != null)) {
                throw new IllegalArgumentException("space " + name + ": candidate " + c.name() + " is "
                        + (image != null ? "a text operator in an image space" : "an image operator in a text space"));
            }
        }
        if (image != null && image.layers() != layers) {
            throw new IllegalArgumentException("space " + name + ": " + layers + " layers but its stages hold " + image.layers());
        }
    }

    /**
     * A text space.
     *
     * @param name the name of the space
     * @param hidden the hidden size E
     * @param layers the number of layers N
     * @param embeddingDim the token embedding width e
     * @param candidates the candidate operators
     */
    public SearchSpace(String name, int hidden, int layers, int embeddingDim, List<OperatorSpec> candidates) {
        this(name, hidden, layers, embeddingDim, candidates, null);
    }

    /**
     * An image space: its layers are the layout's, and its width E is the head's.
     *
     * @param name the name of the space
     * @param layout the stem, stages and head
     * @param candidates the candidate operators (MB and ZERO)
     * @return the space
     */
    public static SearchSpace image(String name, ImageLayout layout, List<OperatorSpec> candidates) {
        return new SearchSpace(name, layout.headChannels(), layout.layers(), layout.headChannels(), candidates, layout);
    }

    /**
     * Whether this is an image space.
     *
     * @return true if it has an image layout
     */
    public boolean isImage() {
        return image != null;
    }

    /**
     * Why a candidate may not stand at a layer, or null if it may (text spaces allow everything).
     *
     * @param layer from 0
     * @param candidate the candidate's index
     * @return the reason, or null
     */
    public String refusal(int layer, int candidate) {
        return image == null ? null : image.refusal(layer, candidates.get(candidate));
    }

    /**
     * The block boundaries of the space, where MAGIC-A aligns: every {@code blockSize} layers in a
     * text space, the stage ends in an image space.
     *
     * @param blockSize layers per block of a text space
     * @return ascending layer indices
     * @throws IllegalArgumentException if a text space of two or more layers would be aligned at its
     *     final layer alone
     */
    public int[] boundaries(int blockSize) {
        if (image != null) {
            return image.stageEnds();
        }
        if (blockSize < 1) {
            throw new IllegalArgumentException("alignment block size must be >= 1, got " + blockSize);
        }
        int count = layers / blockSize;
        if (layers == 1) {
            return new int[] {0};
        }
        if (count < 2) {
            throw new IllegalArgumentException("alignment every " + blockSize + " layers in space " + name + " (N=" + layers
                    + ") aligns at most the final layer, which is distillation, not MAGIC-A: use a block size <= " + layers / 2 + " (1 aligns every layer)");
        }
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = (i + 1) * blockSize - 1;
        }
        return out;
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
     * The number of children: C^N for a text space, the product of the allowed candidates per layer
     * for an image space.
     *
     * @return the size of the space
     */
    public BigInteger size() {
        BigInteger n = BigInteger.ONE;
        for (int layer = 0; layer < layers; layer++) {
            int allowed = 0;
            for (int c = 0; c < choices(); c++) {
                allowed += refusal(layer, c) == null ? 1 : 0;
            }
            n = n.multiply(BigInteger.valueOf(allowed));
        }
        return n;
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
        if (image != null) {
            return name + " (" + image.describe() + ", N=" + layers + ", {" + candidateNames() + "}, " + size() + " children)";
        }
        return name + " (E=" + hidden + ", N=" + layers + ", e=" + embeddingDim + ", {" + candidateNames() + "}, " + size() + " children)";
    }
}
