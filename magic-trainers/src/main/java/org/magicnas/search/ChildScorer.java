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
}
