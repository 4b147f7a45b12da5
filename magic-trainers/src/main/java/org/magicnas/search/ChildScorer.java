package org.magicnas.search;

import org.magicnas.space.Architecture;

/** Scores a child with the super-net's shared weights: lower is better (a validation loss). */
@FunctionalInterface
public interface ChildScorer {

    /**
     * The child's loss.
     *
     * @param child the child
     * @return its validation loss
     */
    double loss(Architecture child);

    /**
     * The losses of many children; a scorer may share work between them (such as common prefixes).
     *
     * @param children the children
     * @return their losses, in the same order
     */
    default double[] losses(java.util.List<Architecture> children) {
        double[] out = new double[children.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = loss(children.get(i));
        }
        return out;
    }
}
