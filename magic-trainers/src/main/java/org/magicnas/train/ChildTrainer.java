package org.magicnas.train;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import org.magicnas.data.MlmBatch;
import org.magicnas.sampling.SplitMix64;
import org.magicnas.space.Architecture;
import org.magicnas.supernet.ChildModel;
import org.magicnas.supernet.SuperNetConfig;

/**
 * Trains a stand-alone child with the masked-LM objective, with the same step, optimizer, schedule
 * and seeding as the super-net trainer, so that the two are comparable step for step.
 */
public final class ChildTrainer implements AutoCloseable {
    private final ChildModel model;
    private final NDManager manager;
    private final TrainingConfig config;
    private final LongFunction<MlmBatch> batches;
    private final SinglePathAdam optimizer;
    private final LearningRateSchedule schedule;
    private long step;

    /**
     * Creates a trainer at step 0.
     *
     * @param model an initialised child
     * @param manager the manager under which steps and optimizer state are scoped
     * @param config the schedule, Adam settings and seed (the method is ignored)
     * @param batches the batch of each step
     */
    public ChildTrainer(ChildModel model, NDManager manager, TrainingConfig config, LongFunction<MlmBatch> batches) {
        this.model = model;
        this.manager = manager;
        this.config = config;
        this.batches = batches;
        this.optimizer = new SinglePathAdam(config.adam(), manager);
        this.schedule = config.schedule();
    }

    /**
     * Creates a child, initialises it from the configuration's seed, trains it for all planned steps
     * and scores it: the stand-alone training of a found child, a panel member or a baseline.
     *
     * @param config the child's configuration
     * @param arch the child
     * @param manager the manager that owns the child's weights
     * @param training schedule, Adam and seed (the method is ignored)
     * @param batches the batch of each step
     * @param validation the batches it is scored on
     * @param progress receives every step
     * @return the trained child and its validation score
     */
    public static Trained fromScratch(SuperNetConfig config, Architecture arch, NDManager manager, TrainingConfig training,
            LongFunction<MlmBatch> batches, List<MlmBatch> validation, Consumer<StepRecord> progress) {
        try {
            return fromScratch(config, arch, manager, training, batches, validation, progress, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A stand-alone child with the initial weights of a training from scratch with this seed (the same
     * for masked-LM, ELECTRA and distillation training).
     *
     * @param config the child's configuration
     * @param arch the child
     * @param manager the manager that owns its weights
     * @param seed the training's seed
     * @return the initialised child
     */
    public static ChildModel seededChild(SuperNetConfig config, Architecture arch, NDManager manager, long seed) {
        return SeededInit.draw((int) SplitMix64.mix(seed, 40), () -> {
            ChildModel c = ChildModel.create(config, arch);
            c.initialize(manager);
            return c;
        });
    }

    /**
     * As {@link #fromScratch(SuperNetConfig, Architecture, NDManager, TrainingConfig, LongFunction, List, Consumer)},
     * resuming from the store's latest checkpoint if there is one and writing one every
     * {@code training.checkpointEvery()} steps (if positive) and at the end; the result equals that
     * of an uninterrupted training bit for bit.
     *
     * @param config the child's configuration
     * @param arch the child
     * @param manager the manager that owns the child's weights
     * @param training schedule, Adam, seed and checkpoint interval (the method is ignored)
     * @param batches the batch of each step
     * @param validation the batches it is scored on
     * @param progress receives every step trained in this call
     * @param store where checkpoints go, or null for none
     * @return the trained child and its validation score
     * @throws IOException if a checkpoint cannot be read or written
     */
    public static Trained fromScratch(SuperNetConfig config, Architecture arch, NDManager manager, TrainingConfig training,
            LongFunction<MlmBatch> batches, List<MlmBatch> validation, Consumer<StepRecord> progress, CheckpointStore store) throws IOException {
        ChildModel child = seededChild(config, arch, manager, training.seed());
        try (ChildTrainer t = new ChildTrainer(child, manager, training, batches)) {
            Optional<Path> latest = store == null ? Optional.empty() : store.latest();
            if (latest.isPresent()) {
                t.restore(latest.get());
            }
            while (t.stepsDone() < training.steps()) {
                progress.accept(t.step());
                if (store != null && training.checkpointDue(t.stepsDone(), training.steps())) {
                    store.save(t.stepsDone(), t::save);
                }
            }
            return new Trained(child, t.evaluate(validation));
        }
    }

    /**
     * Writes the training state into a directory: {@code weights.params}, {@code optimizer.bin} and
     * {@code state.txt} (the architecture and the steps done).
     *
     * @param dir the directory (existing)
     * @throws IOException if writing fails
     */
    public void save(Path dir) throws IOException {
        CheckpointFiles.saveTraining(dir, model.trainableParameters(), optimizer, model.architecture(), step);
    }

    /**
     * Restores the state written by {@link #save}.
     *
     * @param dir the checkpoint directory
     * @throws IOException if reading fails or the checkpoint holds another child
     */
    public void restore(Path dir) throws IOException {
        step = CheckpointFiles.restoreTraining(dir, model.trainableParameters(), optimizer, "child", model.architecture());
    }

    /**
     * A child trained from scratch.
     *
     * @param child the child with its weights
     * @param score its validation score
     */
    public record Trained(ChildModel child, ChildScore score) {}

    /**
     * Trains one step.
     *
     * @return what the step did
     */
    public StepRecord step() {
        long start = System.nanoTime();
        double lr = schedule.at(step);
        PathStep.Result r = PathStep.run(model, batches.apply(step), manager, optimizer, lr, null, null, 0, SplitMix64.mix(config.seed(), 4, step));
        StepRecord record = new StepRecord(step, model.architecture(), 0, r.predictionLoss(), Double.NaN, lr, r.gradientNorm(),
                (System.nanoTime() - start) / 1e6, r.tokens());
        step++;
        return record;
    }

    /**
     * Scores the child on validation batches.
     *
     * @param validation the batches
     * @return the score
     */
    public ChildScore evaluate(List<MlmBatch> validation) {
        return ChildEvaluator.evaluate(model, validation, manager);
    }

    /**
     * Steps done so far.
     *
     * @return the count
     */
    public long stepsDone() {
        return step;
    }

    @Override
    public void close() {
        optimizer.close();
    }
}
