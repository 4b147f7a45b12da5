package org.magicnas.space;

/**
 * Parameter and FLOP counts of a child model: with its embeddings and masked-LM head in a text space,
 * with its stem and classifier in an image space.
 *
 * @param parameters all parameters of the child (embeddings, chosen operators, head; the decoder is
 *     tied to the token embedding)
 * @param encoderParameters the parameters of the chosen operators alone
 * @param forwardFlops forward FLOPs for one sequence of the given length with the given number of
 *     masked positions through the head
 */
public record ChildCost(long parameters, long encoderParameters, long forwardFlops) {
    /** Segment (token type) embeddings: a sentence or a pair. */
    public static final int SEGMENTS = 2;

    /**
     * Counts a child.
     *
     * @param arch the child
     * @param vocabSize the vocabulary size V (the number of classes in an image space)
     * @param maxPositions the number of position embeddings (unused in an image space)
     * @param seqLen the sequence length T for the FLOP count (unused in an image space, whose FLOPs
     *     are per image at the layout's resolution)
     * @param maskedPerSequence masked positions per sequence that go through the head
     * @return the counts
     */
    public static ChildCost of(Architecture arch, int vocabSize, int maxPositions, int seqLen, double maskedPerSequence) {
        SearchSpace s = arch.space();
        if (s.isImage()) {
            return s.image().cost(arch, vocabSize);
        }
        long e = s.hidden();
        long emb = s.embeddingDim();
        boolean factorised = emb < e;
        long embeddings = vocabSize * emb + maxPositions * e + SEGMENTS * e + (factorised ? emb * e + e : 0) + 2 * e;
        long head = e * emb + emb + 2 * emb + vocabSize;
        long encoder = 0;
        long flops = factorised ? (long) seqLen * 2 * emb * e : 0;
        for (int layer = 0; layer < s.layers(); layer++) {
            OperatorSpec op = arch.operator(layer);
            encoder += op.parameters(s.hidden());
            flops += op.forwardFlops(s.hidden(), seqLen);
        }
        flops += Math.round(maskedPerSequence * (2 * e * emb + 2 * emb * vocabSize));
        return new ChildCost(embeddings + encoder + head, encoder, flops);
    }

    /**
     * Training FLOPs (forward and backward, taken as three times the forward pass).
     *
     * @return the FLOP count per sequence
     */
    public long trainingFlops() {
        return 3 * forwardFlops;
    }
}
