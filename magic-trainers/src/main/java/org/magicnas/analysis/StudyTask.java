package org.magicnas.analysis;

import java.io.IOException;
import java.util.List;
import org.magicnas.alignment.AnchorStatistics;
import org.magicnas.space.Architecture;
import org.magicnas.space.SearchSpace;
import org.magicnas.train.CheckpointStore;
import org.magicnas.train.TrainingConfig;
import org.magicnas.train.TrainingListener;

/**
 * What a rank-correlation study trains on: a space, its data and objective (masked-LM pre-training,
 * or image classification). The panel and the super-net estimates are the same for every task.
 */
public interface StudyTask {

    /**
     * The space of the children.
     *
     * @return the space
     */
    SearchSpace space();

    /**
     * Everything the results depend on besides the training configuration and the children (space,
     * model sizes, data fingerprint), for cache keys.
     *
     * @return the key text
     */
    String key();

    /**
     * A child's validation score after stand-alone training.
     *
     * @param loss the validation loss
     * @param accuracy the validation accuracy
     */
    record Score(double loss, double accuracy) {}

    /**
     * Trains a child alone from scratch and scores it.
     *
     * @param child the child
     * @param config the stand-alone training (its seed is the replicate's)
     * @param replicate 0 for the ground truth; r > 0 also changes the data order
     * @return the validation score
     */
    Score trainAlone(Architecture child, TrainingConfig config, int replicate);

    /**
     * A super-net's scores of the panel children.
     *
     * @param losses each child's validation loss on the shared weights, in order
     * @param anchor how the anchor comparisons went, or null (no anchor, or not measured)
     */
    record NetScores(double[] losses, AnchorStatistics anchor) {}

    /**
     * Trains a super-net (resuming from the store's checkpoint if there is one) and scores children
     * with its shared weights.
     *
     * @param config the super-net training
     * @param children the children to score
     * @param progress progress
     * @param store checkpoints
     * @return each child's validation loss, in order, and the anchor's statistics
     * @throws IOException if a checkpoint cannot be read or written
     */
    NetScores superNetLosses(TrainingConfig config, List<Architecture> children, TrainingListener progress, CheckpointStore store) throws IOException;
}
