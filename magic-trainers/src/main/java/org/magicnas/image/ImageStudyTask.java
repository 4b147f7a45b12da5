package org.magicnas.image;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.util.List;
import org.magicnas.analysis.StudyTask;
import org.magicnas.space.Architecture;
import org.magicnas.space.SearchSpace;
import org.magicnas.supernet.SuperNet;
import org.magicnas.train.CheckpointStore;
import org.magicnas.train.TrainingConfig;
import org.magicnas.train.TrainingListener;

/**
 * The rank study on image classification: a child alone is scored by validation cross entropy with
 * its own running BatchNorm statistics; a super-net child after recalibration by the policy. The
 * data order follows the training seed, so a replicate (another seed) also sees another order.
 *
 * @param space the image space
 * @param train training images
 * @param valid validation images
 * @param dataKey a fingerprint of the images and split
 * @param batchSize images per step
 * @param batchNorm the recalibration policy of super-net children
 * @param device where the arrays live, or null for the engine's default device (not part of {@link #key()})
 */
public record ImageStudyTask(SearchSpace space, ImageData train, ImageData valid, String dataKey, int batchSize, BatchNormPolicy batchNorm,
        Device device) implements StudyTask {

    /**
     * A task on the engine's default device.
     *
     * @param space the image space
     * @param train training images
     * @param valid validation images
     * @param dataKey a fingerprint of the images and split
     * @param batchSize images per step
     * @param batchNorm the recalibration policy of super-net children
     */
    public ImageStudyTask(SearchSpace space, ImageData train, ImageData valid, String dataKey, int batchSize, BatchNormPolicy batchNorm) {
        this(space, train, valid, dataKey, batchSize, batchNorm, null);
    }

    private static final float DROPOUT = 0.1f;

    @Override
    public String key() {
        return String.join("|", "image", space.describe(), space.candidates().toString(), dataKey, Integer.toString(train.size()),
                Integer.toString(valid.size()), Integer.toString(batchSize), batchNorm.describe(), Float.toString(DROPOUT));
    }

    private ImageNas nas(TrainingConfig config, NDManager manager) {
        // The study trains and scores children; it never searches, so the settings carry no search.
        return new ImageNas(space, train, valid, new ImageNasSettings(config, config, batchSize, batchNorm, null, 0, 0, DROPOUT), manager);
    }

    @Override
    public Score trainAlone(Architecture child, TrainingConfig config, int replicate) {
        try (NDManager manager = NDManager.newBaseManager(device)) {
            ImageNas nas = nas(config, manager);
            SuperNet net = nas.retrain(child, new TrainingListener() {});
            ImageScore score = nas.evaluate(net, child, valid);
            return new Score(score.loss(), score.accuracy());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public NetScores superNetLosses(TrainingConfig config, List<Architecture> children, TrainingListener progress, CheckpointStore store)
            throws IOException {
        try (NDManager manager = NDManager.newBaseManager(device)) {
            ImageNas nas = nas(config, manager);
            SuperNet net = nas.trainSuperNet(progress, store);
            ImageObjective objective = nas.objective(config.seed());
            double[] losses = new double[children.size()];
            for (int i = 0; i < losses.length; i++) {
                losses[i] = objective.score(net, children.get(i), valid, manager).loss();
            }
            return new NetScores(losses, null);
        }
    }
}
