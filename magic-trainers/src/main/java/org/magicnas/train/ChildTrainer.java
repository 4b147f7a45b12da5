package org.magicnas.train;

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
