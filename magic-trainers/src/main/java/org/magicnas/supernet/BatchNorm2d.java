package org.magicnas.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.initializer.Initializer;

/**
 * BatchNorm over the channels of (B, C, H, W). In training it normalises with the batch's statistics
 * and moves the running statistics towards them (momentum 0.1, unbiased variance, as PyTorch does);
 * in a {@link BatchContext#recalibrate recalibration} batch it normalises with the batch's statistics
 * and makes the running statistics the average over the recalibration batches so far; in a batch
 * that {@link BatchContext#useBatchStatistics uses batch statistics} it normalises with them and
 * leaves the running statistics alone; otherwise it normalises with the running statistics. The running statistics are parameters without gradient,
 * so they are saved with the weights but never optimised.
 */
final class BatchNorm2d extends ParamBlock {
    private static final float EPS = 1e-5f;
    private static final float MOMENTUM = 0.1f;

    private final Parameter gamma;
    private final Parameter beta;
    private final Parameter runningMean;
    private final Parameter runningVar;

    BatchNorm2d(int channels) {
        this.gamma = gain("gamma", channels);
        this.beta = bias("beta", channels);
        this.runningMean = statistic("running_mean", channels, Initializer.ZEROS);
        this.runningVar = statistic("running_var", channels, Initializer.ONES);
    }

    NDArray apply(NDArray x, BatchContext ctx, boolean training) {
        int calibration = ctx.recalibrationBatch();
        boolean batchStatistics = training || calibration >= 0 || ctx.batchStatistics();
        // PyTorch's fused kernel: with batch statistics it normalises by them and moves the running
        // statistics by its momentum (DJL passes 1 - momentum); a recalibration batch n moves them by
        // 1 / (n + 1), which makes them the average over the batches; batch statistics without an
        // update go through copies of the running statistics (evaluation only reads them).
        float torchMomentum = calibration >= 0 && !training ? 1f / (calibration + 1) : MOMENTUM;
        boolean update = training || calibration >= 0;
        boolean shield = batchStatistics && !update;
        NDArray mean = shield ? runningMean.getArray().duplicate() : runningMean.getArray();
        NDArray var = shield ? runningVar.getArray().duplicate() : runningVar.getArray();
        return BatchNorm.batchNorm(x, mean, var, gamma.getArray(), beta.getArray(), -1, 1f - torchMomentum, EPS, batchStatistics)
                .singletonOrThrow();
    }
}
