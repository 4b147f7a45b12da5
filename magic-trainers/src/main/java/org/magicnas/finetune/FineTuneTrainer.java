package org.magicnas.finetune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.magicnas.sampling.SplitMix64;
import org.magicnas.supernet.BatchContext;
import org.magicnas.supernet.ParameterIO;
import org.magicnas.train.CheckpointStore;
import org.magicnas.train.Gradients;
import org.magicnas.train.LearningRateSchedule;
import org.magicnas.train.SinglePathAdam;

/**
 * Fine-tunes a {@link SequenceModel}: a seeded validation split, seeded shuffling each epoch, warm-up
 * then linear decay, AdamW with global-norm clipping, evaluation after every epoch, early stopping on
 * the validation metric (the best epoch's weights are restored), and a checkpoint per epoch from
 * which an interrupted fine-tuning resumes with exactly the result of an uninterrupted one.
 */
public final class FineTuneTrainer {
    private static final Logger LOG = Logger.getLogger(FineTuneTrainer.class.getName());

    private final FineTuneConfig config;

    /**
     * Creates a trainer.
     *
     * @param config the configuration
     */
    public FineTuneTrainer(FineTuneConfig config) {
        this.config = config;
    }

    /**
     * Trains.
     *
     * @param model the model (encoder weights loaded, head initialised)
     * @param manager the manager that owns the model
     * @param data the training examples
     * @param checkpoints where a checkpoint per epoch goes, or null; training resumes from its latest
     *     checkpoint if that is of the same fine-tuning (configuration and data size)
     * @param progress called after each epoch
     * @return the epochs and the best one, whose weights the model holds afterwards
     * @throws IOException if a checkpoint cannot be written
     */
    public FineTuneResult train(SequenceModel model, NDManager manager, SequenceData data, CheckpointStore checkpoints,
            Consumer<EpochRecord> progress) throws IOException {
        int[] order = new SplitMix64(SplitMix64.mix(config.seed(), 10)).permutation(data.size());
        int validCount = config.validationFraction() > 0 && data.size() > 1
                ? Math.max(1, (int) Math.round(config.validationFraction() * data.size())) : 0;
        SequenceData valid = validCount == 0 ? null : data.subset(Arrays.copyOfRange(order, 0, validCount));
        SequenceData train = data.subset(Arrays.copyOfRange(order, validCount, order.length));
        int stepsPerEpoch = (train.size() + config.batchSize() - 1) / config.batchSize();
        long total = (long) stepsPerEpoch * config.epochs();
        LearningRateSchedule schedule = new LearningRateSchedule(config.learningRate(), Math.round(config.warmupFraction() * total), total);
        List<Parameter> params = model.trainableParameters();
        List<EpochRecord> history = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        int bestEpoch = 0;
        long step = 0;
        int first = 1;
        boolean stopped = false;
        String key = config + " on " + data.size() + " examples";
        config.adam().precision().requireFp32("precision", "fine-tuning");
        try (SinglePathAdam adam = new SinglePathAdam(config.adam(), manager); NDManager bestWeights = manager.newSubManager()) {
            List<NDArray> snapshot = new ArrayList<>();
            Optional<Path> latest = checkpoints == null ? Optional.empty() : checkpoints.latest();
            FineTuneCheckpoint.State resumed = latest.isPresent() ? FineTuneCheckpoint.state(latest.get(), key) : null;
            if (resumed != null) {
                FineTuneCheckpoint.restore(latest.get(), params, adam, bestWeights, snapshot);
                history.addAll(resumed.history());
                best = resumed.best();
                bestEpoch = resumed.bestEpoch();
                step = resumed.step();
                first = resumed.epoch() + 1;
                stopped = resumed.stopped();
                LOG.info("fine-tuning resumed from " + latest.get() + " after epoch " + resumed.epoch());
            } else if (latest.isPresent()) {
                LOG.warning("checkpoint " + latest.get() + " is of another fine-tuning; starting from the first epoch");
            }
            for (int epoch = first; epoch <= config.epochs() && !stopped; epoch++) {
                SequenceData shuffled = train.subset(new SplitMix64(SplitMix64.mix(config.seed(), 11, epoch)).permutation(train.size()));
                double lossSum = 0;
                for (int from = 0; from < shuffled.size(); from += config.batchSize()) {
                    int to = Math.min(shuffled.size(), from + config.batchSize());
                    lossSum += step(model, manager, adam, params, shuffled, from, to, schedule.at(step), SplitMix64.mix(config.seed(), 12, step));
                    step++;
                }
                double[] v = valid == null ? new double[] {Double.NaN, Double.NaN} : evaluate(model, manager, valid);
                EpochRecord record = new EpochRecord(epoch, lossSum / stepsPerEpoch, v[0], v[1]);
                history.add(record);
                progress.accept(record);
                double score = valid == null ? -record.trainLoss() : record.validMetric();
                if (score > best) {
                    best = score;
                    bestEpoch = epoch;
                    snapshot.forEach(NDArray::close);
                    snapshot.clear();
                    for (Parameter p : params) {
                        NDArray copy = p.getArray().duplicate();
                        copy.attach(bestWeights);
                        snapshot.add(copy);
                    }
                } else if (epoch - bestEpoch >= config.patience()) {
                    stopped = true;
                    int stop = epoch;
                    int kept = bestEpoch;
                    LOG.info(() -> "early stop after epoch " + stop + ": no improvement since epoch " + kept);
                }
                if (checkpoints != null) {
                    FineTuneCheckpoint.State state = new FineTuneCheckpoint.State(key, epoch, step, bestEpoch, best, stopped, List.copyOf(history));
                    checkpoints.save(epoch, dir -> FineTuneCheckpoint.write(dir, state, params, snapshot, adam));
                }
            }
            for (int i = 0; i < snapshot.size(); i++) {
                ParameterIO.copyInto(params.get(i).getArray(), snapshot.get(i));
            }
        }
        int kept = bestEpoch;
        LOG.info(() -> "fine-tuning kept the weights of epoch " + kept);
        return new FineTuneResult(history, bestEpoch, valid);
    }

    private double step(SequenceModel model, NDManager manager, SinglePathAdam adam, List<Parameter> params, SequenceData data, int from, int to,
            double lr, long seed) {
        try (NDManager sm = manager.newSubManager()) {
            BatchContext ctx = SequenceBatches.context(sm, data, from, to, seed);
            NDArray loss;
            try (GradientCollector gc = Gradients.collect()) {
                loss = SequenceLoss.of(model.apply(ctx, true), data, from, to, sm);
                gc.backward(loss);
            }
            adam.step(params, lr, sm);
            return loss.getFloat();
        }
    }

    /**
     * Validation loss and metric (accuracy, or negative mean squared error).
     *
     * @param model the model
     * @param manager a manager for the batches
     * @param data labelled examples
     * @return {loss, metric}
     */
    public double[] evaluate(SequenceModel model, NDManager manager, SequenceData data) {
        float[][] predictions = SequencePredictor.predict(model, manager, data, config.batchSize());
        double loss = 0;
        double metric = 0;
        for (int i = 0; i < data.size(); i++) {
            if (data.classes() != null) {
                float[] p = predictions[i];
                int label = data.classes()[i];
                loss -= Math.log(Math.max(p[label], 1e-12f));
                int argmax = 0;
                for (int c = 1; c < p.length; c++) {
                    if (p[c] > p[argmax]) {
                        argmax = c;
                    }
                }
                metric += argmax == label ? 1 : 0;
            } else {
                double d = predictions[i][0] - data.targets()[i];
                loss += d * d;
                metric -= d * d;
            }
        }
        return new double[] {loss / data.size(), metric / data.size()};
    }
}
