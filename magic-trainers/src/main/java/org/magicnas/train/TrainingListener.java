package org.magicnas.train;

import java.nio.file.Path;
import org.magicnas.alignment.AnchorReplacement;

/** Receives progress from a super-net trainer. Every method does nothing by default. */
public interface TrainingListener {

    /**
     * Called after each step.
     *
     * @param record the step
     */
    default void onStep(StepRecord record) {}

    /**
     * Called after each step (and its anchor comparison), before the step's checkpoint is written:
     * the place for search to shrink the space, so that checkpoints hold the shrunk space.
     *
     * @param stepsDone the number of steps done
     */
    default void afterStep(long stepsDone) {}

    /**
     * Called when the anchor is replaced.
     *
     * @param replacement the replacement
     */
    default void onAnchorReplaced(AnchorReplacement replacement) {}

    /**
     * Called after a checkpoint is written.
     *
     * @param step the number of steps done
     * @param dir the checkpoint directory
     */
    default void onCheckpoint(long step, Path dir) {}
}
