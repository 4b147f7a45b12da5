package org.magicnas.train;

import ai.djl.engine.Engine;
import java.util.function.Consumer;
import org.magicnas.space.Architecture;
import org.magicnas.supernet.SuperNetConfig;

import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.function.LongFunction;
import org.magicnas.data.MlmBatch;
import org.magicnas.sampling.SplitMix64;
import org.magicnas.supernet.ChildModel;

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
        Engine.getInstance().setRandomSeed((int) SplitMix64.mix(training.seed(), 40));
        ChildModel child = ChildModel.create(config, arch);
        child.initialize(manager);
        try (ChildTrainer t = new ChildTrainer(child, manager, training, batches)) {
            for (long i = 0; i < training.steps(); i++) {
                progress.accept(t.step());
            }
            return new Trained(child, t.evaluate(validation));
        }
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
