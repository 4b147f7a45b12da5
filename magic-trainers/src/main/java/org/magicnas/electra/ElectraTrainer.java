package org.magicnas.electra;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;
import org.magicnas.data.MlmBatch;
import org.magicnas.sampling.SplitMix64;
import org.magicnas.space.Architecture;
import org.magicnas.space.SearchSpace;
import org.magicnas.supernet.BatchContext;
import org.magicnas.supernet.ChildModel;
import org.magicnas.supernet.SuperNetConfig;
import org.magicnas.train.BatchTensors;
import org.magicnas.train.Gradients;
import org.magicnas.train.LearningRateSchedule;
import org.magicnas.train.MlmObjective;
import org.magicnas.train.SinglePathAdam;
import org.magicnas.train.TrainingConfig;

/**
 * Replaced-token detection (ELECTRA) for a stand-alone child. A generator a quarter as deep (attention
 * and feed-forward layers alternating, sharing the discriminator's embeddings) is trained with
 * masked-LM; its samples (Gumbel-max from its logits, without gradient) replace the masked tokens;
 * the child, as discriminator, classifies every real token as original or replaced. The loss is
 * {@code L_gen + discriminatorWeight * L_disc} (ELECTRA uses 50). A sample equal to the original
 * token counts as original.
 *
 * <p>Seeded runs are reproducible bit for bit on one machine: the Gumbel noise comes from a generator
 * seeded per step, and every scalar that autograd keeps is an array of the engine's own (see
 * {@code BatchContext.scalar}).
 */
public final class ElectraTrainer implements AutoCloseable {
    /** ELECTRA's weight of the discriminator loss. */
    public static final double DISCRIMINATOR_WEIGHT = 50.0;

    private final ChildModel discriminator;
    private final ChildModel generator;
    private final ReplacedTokenHead head;
    private final NDManager manager;
    private final TrainingConfig config;
    private final LongFunction<MlmBatch> batches;
    private final SinglePathAdam optimizer;
    private final LearningRateSchedule schedule;
    private final List<Parameter> parameters;
    private long step;

    /** What one step measured. */
    public record Step(long step, double generatorLoss, double discriminatorLoss, double replacedShare, double discriminatorAccuracy) {}

    /**
     * Creates the generator and head around an initialised discriminator.
     *
     * @param discriminator the child to pre-train
     * @param config the discriminator's configuration
     * @param manager the manager that owns the new parameters and the optimizer state
     * @param training schedule, Adam and seed (the method is ignored)
     * @param batches the masked batch of each step
     */
    public ElectraTrainer(ChildModel discriminator, SuperNetConfig config, NDManager manager, TrainingConfig training, LongFunction<MlmBatch> batches) {
        this.discriminator = discriminator;
        this.manager = manager;
        this.config = training;
        this.batches = batches;
        SearchSpace s = config.space();
        int layers = Math.max(1, s.layers() / 4);
        SearchSpace genSpace = new SearchSpace(s.name() + "-generator", s.hidden(), layers, s.embeddingDim(), s.candidates());
        this.generator = ChildModel.sharingEmbeddings(new SuperNetConfig(genSpace, config.vocabSize(), config.maxPositions(), config.dropout()),
                Architecture.bertLike(genSpace), discriminator);
        generator.initialize(manager);
        this.head = new ReplacedTokenHead(s.hidden());
        head.initialize(manager, DataType.FLOAT32, new Shape(1));
        Set<Parameter> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Parameter> all = new ArrayList<>();
        for (List<Parameter> group : List.of(discriminator.encoderParameters(), generator.trainableParameters(), new ArrayList<>(head.getParameters().values()))) {
            for (Parameter p : group) {
                if (seen.add(p)) {
                    all.add(p);
                }
            }
        }
        this.parameters = all;
        training.adam().precision().requireFp32("precision", "ELECTRA pre-training");
        this.optimizer = new SinglePathAdam(training.adam(), manager);
        this.schedule = training.schedule();
    }

    /**
     * Trains one step.
     *
     * @return the losses, the share of masked positions actually replaced and the discriminator's
     *     accuracy on the batch
     */
    public Step step() {
        MlmBatch batch = batches.apply(step);
        long seed = SplitMix64.mix(config.seed(), 60, step);
        double lr = schedule.at(step);
        try (NDManager sm = manager.newSubManager()) {
            BatchTensors bt = BatchTensors.of(sm, batch, seed);
            int[] corrupted = batch.tokenIds();
            float[] replaced = new float[corrupted.length];
            int[] positions = batch.maskedPositions();
            int[] labels = batch.maskedLabels();
            int replacedCount = 0;
            NDArray genLoss;
            NDArray discLoss;
            NDArray discLogits;
            NDArray target;
            NDArray mask;
            BatchContext dctx;
            try (GradientCollector gc = Gradients.collect()) {
                NDArray genLogits = generator.mlmLogits(bt.context(), generator.forward(bt.context(), true, new int[0]).output(), bt.positions());
                genLoss = MlmObjective.loss(genLogits, bt.labels());
                long[] sampled = genLogits.stopGradient().add(gumbel(sm, genLogits.getShape(), seed)).argMax(-1).toLongArray();
                for (int j = 0; j < positions.length; j++) {
                    corrupted[positions[j]] = (int) sampled[j];
                    if (sampled[j] != labels[j]) {
                        replaced[positions[j]] = 1f;
                        replacedCount++;
                    }
                }
                dctx = new BatchContext(sm, corrupted, batch.lengths(), batch.seqLen(), SplitMix64.mix(seed, 1));
                discLogits = head.logits(discriminator.forward(dctx, true, new int[0]).output());
                target = BatchContext.owned(sm, sm.create(replaced, new Shape(batch.batchSize(), batch.seqLen())));
                mask = dctx.padMask().squeeze(-1);
                // Scalars of our own, not Java numbers, wherever autograd keeps them: see BatchContext.scalar.
                discLoss = binaryCrossEntropyWithLogits(discLogits, target).mul(mask).sum().div(dctx.scalar(dctx.validTokens()));
                gc.backward(genLoss.add(discLoss.mul(dctx.scalar((float) DISCRIMINATOR_WEIGHT))));
            }
            optimizer.step(parameters, lr, sm);
            double correct = discLogits.gt(0f).toType(DataType.FLOAT32, false).eq(target).toType(DataType.FLOAT32, false).mul(mask).sum().getFloat();
            Step r = new Step(step, genLoss.getFloat(), discLoss.getFloat(), positions.length == 0 ? 0 : replacedCount / (double) positions.length,
                    correct / dctx.validTokens());
            step++;
            return r;
        }
    }

    /**
     * Binary cross entropy with logits, element by element: {@code softplus(x) - x y}. DJL's softPlus is
     * libtorch's {@code softplus} (x itself above 20, {@code log1p(exp(x))} below), so no exponential
     * overflows; the naive {@code log(1 + exp(x))} is infinite above x = 88.7 and its gradient NaN.
     *
     * @param logits the logits x
     * @param target the targets y, 0 or 1, of the same shape
     * @return the losses, of the same shape
     */
    static NDArray binaryCrossEntropyWithLogits(NDArray logits, NDArray target) {
        return Activation.softPlus(logits).sub(logits.mul(target));
    }

    private static NDArray gumbel(NDManager sm, Shape shape, long seed) {
        SplitMix64 rng = new SplitMix64(SplitMix64.mix(seed, 2));
        double[] u = new double[Math.toIntExact(shape.size())];
        for (int i = 0; i < u.length; i++) {
            // The midpoints of 2^53 equal cells of [0, 1]: strictly inside (0, 1).
            u[i] = ((rng.nextLong() >>> 11) + 0.5) * 0x1.0p-53;
        }
        return gumbelNoise(sm, u, shape);
    }

    /**
     * Gumbel noise {@code -log(-log(u))} of uniform draws, computed in double precision and rounded to
     * float once. Every u strictly inside (0, 1) gives finite noise (at most 37.4 for the draws
     * {@link #gumbel} makes); rounding u to float first would turn every draw at or above
     * {@code 1 - 2^-25} into 1 and its noise into infinity.
     *
     * @param sm the step's manager
     * @param u the draws, strictly inside (0, 1)
     * @param shape the shape of the result, with {@code u.length} elements
     * @return the noise, float32
     */
    static NDArray gumbelNoise(NDManager sm, double[] u, Shape shape) {
        return BatchContext.owned(sm, sm.create(u, shape)).log().neg().log().neg().toType(DataType.FLOAT32, false);
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
