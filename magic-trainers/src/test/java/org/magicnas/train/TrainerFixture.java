package org.magicnas.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.magicnas.alignment.AlignmentConfig;
import org.magicnas.alignment.AlignmentTargetKind;
import org.magicnas.data.MlmBatch;
import org.magicnas.space.OperatorSpec;
import org.magicnas.space.SearchSpace;
import org.magicnas.supernet.SuperNet;
import org.magicnas.supernet.SuperNetConfig;

/** A small super-net and trainer configuration that train in milliseconds per step. */
public final class TrainerFixture {
    public static final int VOCAB = 200;
    public static final int BATCH = 4;
    public static final int SEQ = 16;
    public static final SearchSpace SPACE = new SearchSpace("test", 32, 4, 32,
            List.of(OperatorSpec.mha(2, 32), OperatorSpec.ffn("FFN", 64), OperatorSpec.conv(3)));

    private TrainerFixture() {}

    public static SuperNet net(NDManager manager, long seed) {
        Engine.getInstance().setRandomSeed((int) seed);
        SuperNet net = new SuperNet(new SuperNetConfig(SPACE, VOCAB, SEQ, 0.1f));
        net.initialize(manager);
        return net;
    }

    public static TrainingConfig config(Method method, long steps, double weightDecay, int checkpointEvery) {
        return new TrainingConfig(method, steps, 1e-3, 2, new AdamSettings(0.9, 0.999, 1e-6, weightDecay, 1.0), 11, 1,
                new AlignmentConfig(0.5, 2, 1, AlignmentTargetKind.ANCHOR, 3, 3, 2), checkpointEvery, 2);
    }

    /** The configuration with other alignment settings. */
    public static TrainingConfig withAlignment(TrainingConfig base, AlignmentConfig alignment) {
        return new TrainingConfig(base.method(), base.steps(), base.peakLearningRate(), base.warmupSteps(), base.adam(), base.seed(),
                base.walkChanges(), alignment, base.checkpointEvery(), base.keepCheckpoints());
    }

    public static MlmBatch batch(long step) {
        return SyntheticBatches.batch(VOCAB, BATCH, SEQ, step);
    }

    public static List<MlmBatch> validation() {
        return SyntheticBatches.fixed(VOCAB, BATCH, SEQ, 3);
    }

    public static SuperNetTrainer trainer(SuperNet net, NDManager manager, TrainingConfig config) {
        return new SuperNetTrainer(net, manager, config, TrainerFixture::batch, validation());
    }
}
