package org.magicnas.distill;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import org.magicnas.alignment.AlignmentLoss;
import org.magicnas.data.MlmBatch;
import org.magicnas.sampling.SplitMix64;
import org.magicnas.supernet.BatchContext;
import org.magicnas.supernet.ChildModel;
import org.magicnas.supernet.EncoderOutput;
import org.magicnas.train.BatchTensors;
import org.magicnas.train.CheckpointFiles;
import org.magicnas.train.CheckpointStore;
import org.magicnas.train.Gradients;
import org.magicnas.train.LearningRateSchedule;
import org.magicnas.train.MlmObjective;
import org.magicnas.train.SinglePathAdam;
import org.magicnas.train.TrainingConfig;

/**
 * Masked-LM training of a student child with knowledge distillation from a frozen teacher encoder:
 * {@code L = L_mlm + logitWeight * T^2 * KL(teacher_T || student_T) + hiddenWeight * sum MSE(P s_i,
 * t_j)} over masked positions for the logits and over real tokens for the hidden states. Student layer
 * i is matched with teacher layer {@code ceil((i+1) Nt / Ns) - 1} (uniform mapping); P is a learned
 * projection when the widths differ. The teacher runs without dropout and without gradient.
 *
 * <p>The state of a training is the student's and the projection's weights, the optimizer's state and
 * the steps done (every batch, mask and dropout draw is a function of the seed and the step), so a
 * training resumed from a checkpoint ({@link #resume}, {@link #train}) ends with the same bits as an uninterrupted one.
 */
public final class DistillationTrainer implements AutoCloseable {
    private final ChildModel student;
    private final ChildModel teacher;
    private final HiddenProjection projection;
    private final NDManager manager;
    private final TrainingConfig config;
    private final LongFunction<MlmBatch> batches;
    private final double temperature;
    private final double logitWeight;
    private final double hiddenWeight;
    private final int[] studentLayers;
    private final int[] teacherLayers;
    private final List<Parameter> parameters;
    private final SinglePathAdam optimizer;
    private final LearningRateSchedule schedule;
    private long step;

    /** What one step measured. */
    public record Step(long step, double mlmLoss, double logitLoss, double hiddenLoss) {}

    /**
     * Creates the trainer.
     *
     * @param student the initialised student
     * @param teacher the teacher with its weights (not trained)
     * @param manager the manager of the projection and the optimizer state
     * @param training schedule, Adam and seed (the method is ignored)
     * @param batches the masked batch of each step
     * @param temperature the softmax temperature T of the logit loss
     * @param logitWeight the weight of the logit loss
     * @param hiddenWeight the weight of the hidden-state loss
     */
    public DistillationTrainer(ChildModel student, ChildModel teacher, NDManager manager, TrainingConfig training, LongFunction<MlmBatch> batches,
            double temperature, double logitWeight, double hiddenWeight) {
        int vs = student.embeddingsTokenCount();
        int vt = teacher.embeddingsTokenCount();
        if (vs != vt) {
            throw new IllegalArgumentException("student and teacher need the same vocabulary, got " + vs + " and " + vt);
        }
        if (!(temperature > 0) || logitWeight < 0 || hiddenWeight < 0) {
            throw new IllegalArgumentException("temperature must be positive and weights >= 0, got " + temperature + ", " + logitWeight + ", " + hiddenWeight);
        }
        this.student = student;
        this.teacher = teacher;
        this.manager = manager;
        this.config = training;
        this.batches = batches;
        this.temperature = temperature;
        this.logitWeight = logitWeight;
        this.hiddenWeight = hiddenWeight;
        int ns = student.architecture().space().layers();
        int nt = teacher.architecture().space().layers();
        this.studentLayers = new int[ns];
        this.teacherLayers = new int[ns];
        for (int i = 0; i < ns; i++) {
            studentLayers[i] = i;
            teacherLayers[i] = (int) Math.ceil((i + 1) * (double) nt / ns) - 1;
        }
        int es = student.architecture().space().hidden();
        int et = teacher.architecture().space().hidden();
        this.projection = es == et ? null : new HiddenProjection(es, et);
        this.parameters = new ArrayList<>(student.trainableParameters());
        if (projection != null) {
            projection.initialize(manager, DataType.FLOAT32, new Shape(1));
            parameters.addAll(projection.getParameters().values());
        }
        training.adam().precision().requireFp32("precision", "distillation");
        this.optimizer = new SinglePathAdam(training.adam(), manager);
        this.schedule = training.schedule();
    }

    /**
     * Trains one step.
     *
     * @return the three losses
     */
    public Step step() {
        MlmBatch batch = batches.apply(step);
        long seed = SplitMix64.mix(config.seed(), 70, step);
        double lr = schedule.at(step);
        try (NDManager sm = manager.newSubManager()) {
            BatchTensors bt = BatchTensors.of(sm, batch, seed);
            BatchContext ctx = bt.context();
            EncoderOutput t = teacher.forward(ctx, false, teacherLayers);
            NDArray teacherLogits = teacher.mlmLogits(bt.context(), t.output(), bt.positions()).div((float) temperature);
            NDArray teacherProbs = teacherLogits.softmax(-1);
            NDArray teacherLogProbs = teacherLogits.logSoftmax(-1);
            NDArray mlm;
            NDArray kd;
            NDArray hidden;
            try (GradientCollector gc = Gradients.collect()) {
                EncoderOutput s = student.forward(ctx, true, studentLayers);
                NDArray logits = student.mlmLogits(bt.context(), s.output(), bt.positions());
                mlm = MlmObjective.loss(logits, bt.labels());
                NDArray studentLogProbs = logits.div(ctx.scalar((float) temperature)).logSoftmax(-1);
                kd = teacherProbs.mul(teacherLogProbs.sub(studentLogProbs)).sum().div(ctx.scalar(Math.max(1, batch.maskedCount())))
                        .mul(ctx.scalar((float) (temperature * temperature)));
                List<NDArray> projected = new ArrayList<>();
                for (NDArray h : s.kept()) {
                    projected.add(projection == null ? h : projection.apply(h));
                }
                hidden = AlignmentLoss.compute(projected, t.kept(), ctx);
                gc.backward(mlm.add(kd.mul(ctx.scalar((float) logitWeight))).add(hidden.mul(ctx.scalar((float) hiddenWeight))));
            }
            optimizer.step(parameters, lr, sm);
            Step r = new Step(step, mlm.getFloat(), kd.getFloat(), hidden.getFloat());
            step++;
            return r;
        }
    }

    /**
     * Restores the store's latest checkpoint, if there is one.
     *
     * @param store the checkpoints
     * @return the steps done (0 if there was no checkpoint)
     * @throws IOException if the checkpoint cannot be read
     */
    public long resume(CheckpointStore store) throws IOException {
        Optional<Path> latest = store.latest();
        if (latest.isPresent()) {
            restore(latest.get());
        }
        return step;
    }

    /**
     * Trains the remaining steps up to {@code training.steps()}, writing a checkpoint every {@code
     * training.checkpointEvery()} steps (if positive) and at the end; after {@link #resume} the weights
     * then equal those of an uninterrupted training bit for bit.
     *
     * @param store where checkpoints go, or null for none
     * @param progress receives every step trained in this call
     * @param beforeCheckpoint runs before each checkpoint is written (e.g. to flush a log of the steps so far)
     * @throws IOException if a checkpoint cannot be written
     */
    public void train(CheckpointStore store, Consumer<Step> progress, Runnable beforeCheckpoint) throws IOException {
        while (step < config.steps()) {
            progress.accept(step());
            if (store != null && config.checkpointDue(step, config.steps())) {
                beforeCheckpoint.run();
                store.save(step, this::save);
            }
        }
    }

    /**
     * Writes the training state into a directory: {@code weights.params} (the student's and the
     * projection's weights), {@code optimizer.bin} and {@code state.txt} (the student and the steps done).
     *
     * @param dir the directory (existing)
     * @throws IOException if writing fails
     */
    public void save(Path dir) throws IOException {
        CheckpointFiles.saveTraining(dir, parameters, optimizer, student.architecture(), step);
    }

    /**
     * Restores the state written by {@link #save}.
     *
     * @param dir the checkpoint directory
     * @throws IOException if reading fails or the checkpoint holds another student
     */
    public void restore(Path dir) throws IOException {
        step = CheckpointFiles.restoreTraining(dir, parameters, optimizer, "student", student.architecture());
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
