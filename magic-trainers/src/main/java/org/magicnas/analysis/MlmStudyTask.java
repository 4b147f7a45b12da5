package org.magicnas.analysis;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.magicnas.data.MlmBatch;
import org.magicnas.sampling.SplitMix64;
import org.magicnas.alignment.AnchorStatistics;
import org.magicnas.space.Architecture;
import org.magicnas.space.SearchSpace;
import org.magicnas.supernet.SuperNet;
import org.magicnas.supernet.SuperNetConfig;
import org.magicnas.train.CheckpointStore;
import org.magicnas.train.ChildScore;
import org.magicnas.train.ChildTrainer;
import org.magicnas.train.SeededInit;
import org.magicnas.train.SuperNetTrainer;
import org.magicnas.train.TrainingConfig;
import org.magicnas.train.TrainingListener;

/**
 * The rank study on masked-LM pre-training: children are scored by validation masked-LM loss; a
 * replicate r > 0 takes its batches from step r x stride on.
 *
 * @param config the super-net (and child) configuration
 * @param dataKey a fingerprint of the corpus, tokenizer and batching
 * @param train the training batch of each step
 * @param replicateStride how far apart the replicates' batches start
 * @param validation the fixed validation batches
 * @param device where the arrays live, or null for the engine's default device (not part of {@link #key()})
 */
public record MlmStudyTask(SuperNetConfig config, String dataKey, LongFunction<MlmBatch> train, long replicateStride, List<MlmBatch> validation,
        Device device) implements StudyTask {

    /**
     * A task on the engine's default device.
     *
     * @param config the super-net (and child) configuration
     * @param dataKey a fingerprint of the corpus, tokenizer and batching
     * @param train the training batch of each step
     * @param replicateStride how far apart the replicates' batches start
     * @param validation the fixed validation batches
     */
    public MlmStudyTask(SuperNetConfig config, String dataKey, LongFunction<MlmBatch> train, long replicateStride, List<MlmBatch> validation) {
        this(config, dataKey, train, replicateStride, validation, null);
    }

    @Override
    public SearchSpace space() {
        return config.space();
    }

    @Override
    public String key() {
        SearchSpace s = config.space();
        return String.join("|", "mlm", Long.toString(replicateStride), s.describe(), s.candidates().toString(), Integer.toString(config.vocabSize()),
                Integer.toString(config.maxPositions()), Float.toString(config.dropout()), dataKey, Integer.toString(validation.size()));
    }

    @Override
    public Score trainAlone(Architecture child, TrainingConfig training, int replicate) {
        long offset = replicate * replicateStride;
        try (NDManager manager = NDManager.newBaseManager(device)) {
            ChildScore score = ChildTrainer.fromScratch(config, child, manager, training, s -> train.apply(s + offset), validation, r -> { }).score();
            return new Score(score.loss(), score.accuracy());
        }
    }

    @Override
    public NetScores superNetLosses(TrainingConfig training, List<Architecture> children, TrainingListener progress, CheckpointStore store)
            throws IOException {
        double[] losses = new double[children.size()];
        AnchorStatistics anchor;
        try (NDManager manager = NDManager.newBaseManager(device)) {
            SuperNet net = SeededInit.draw((int) SplitMix64.mix(training.seed(), 0), () -> {
                SuperNet n = new SuperNet(config);
                n.initialize(manager);
                return n;
            });
            try (SuperNetTrainer trainer = new SuperNetTrainer(net, manager, training, train, validation)) {
                var latest = store.latest();
                if (latest.isPresent()) {
                    trainer.restore(latest.get());
                }
                trainer.train(Long.MAX_VALUE, progress, store);
                Map<Architecture, ChildScore> scores = trainer.prefixSharingEvaluator().evaluate(children, validation);
                for (int i = 0; i < children.size(); i++) {
                    losses[i] = scores.get(children.get(i)).loss();
                }
                anchor = trainer.anchorStatistics();
            }
        }
        return new NetScores(losses, anchor);
    }
}
