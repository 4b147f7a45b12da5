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
