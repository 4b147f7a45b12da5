package org.magicnas.supernet;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;
import org.magicnas.space.OperatorSpec;
import org.magicnas.space.SearchSpace;

/** One layer of the super-net: every candidate operator, of which a child runs exactly one. */
public final class ChoiceLayer extends ParamBlock {
    private final List<Candidate> candidates = new ArrayList<>();

    /**
     * Creates the candidates of one layer.
     *
     * @param space the space
     * @param layer the layer, from 0
     * @param dropout the residual dropout rate
     */
    public ChoiceLayer(SearchSpace space, int layer, float dropout) {
        for (OperatorSpec spec : space.candidates()) {
            candidates.add(addChildBlock(spec.name(), Candidate.create(space, layer, spec, dropout)));
        }
    }

    /**
     * The candidate with the given index.
     *
     * @param index the candidate index
     * @return the operator
     */
    public Candidate candidate(int index) {
        return candidates.get(index);
    }

    /**
     * Runs the selected candidate.
     *
     * @param choice the candidate index
     * @param x the input, (B, T, E) or (B, C, H, W)
     * @param ctx the batch tensors
     * @param training whether dropout is active
     * @return the output, (B, T, E) or (B, C, H, W)
     */
    public NDArray apply(int choice, NDArray x, BatchContext ctx, boolean training) {
        return candidates.get(choice).apply(x, ctx, training);
    }
}
