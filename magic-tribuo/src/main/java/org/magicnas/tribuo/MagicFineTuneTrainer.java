package org.magicnas.tribuo;

import ai.djl.ndarray.NDManager;
import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import org.magicnas.finetune.EpochRecord;
import org.magicnas.finetune.FineTuneConfig;
import org.magicnas.finetune.FineTuneResult;
import org.magicnas.finetune.FineTuneTrainer;
import org.magicnas.finetune.SequenceData;
import org.magicnas.finetune.SequenceModel;
import org.magicnas.supernet.ChildModel;
import org.magicnas.supernet.EncoderFiles;
import org.magicnas.supernet.EncoderSpec;
import org.magicnas.train.AdamSettings;
import org.magicnas.train.CheckpointStore;
import org.magicnas.train.SeededInit;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Output;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;

/**
 * Fine-tunes a MAGIC encoder on a Tribuo dataset of {@code Label}s (classification) or
 * one-dimensional {@code Regressor}s (regression) and returns a {@link MagicModel}.
 *
 * <p>The encoder is a directory written by the engine ({@code encoder.json}, {@code encoder.params};
 * a run directory with an {@code encoder/} inside works too), started from its weights or, with
 * {@link EncoderStart#SCRATCH}, from its architecture alone. Examples must carry token features
 * ({@code BertTextExtractor}), which are read by name. Training holds out a seeded validation share,
 * shuffles with a seed per epoch, warms up then decays the learning rate linearly, stops early when
 * the validation metric (accuracy, or negative squared error) stops improving, keeps the best epoch's
 * weights and can write a checkpoint per epoch.
 *
 * <p>Each call of {@code train} uses the seed mixed with the invocation count, as Tribuo's trainers
 * do; a trainer re-created from a model's provenance (with its invocation count) trains the same
 * model again on the same data.
 *
 * @param <T> {@code Label} or {@code Regressor}
 */
public final class MagicFineTuneTrainer<T extends Output<T>> extends AbstractMagicTrainer<T, MagicModel<T>> {
    private static final Logger LOG = Logger.getLogger(MagicFineTuneTrainer.class.getName());

    @Config(mandatory = true, description = "Encoder directory (encoder.json + encoder.params), or a run directory holding encoder/.")
    private Path encoderPath;

    @Config(description = "PRETRAINED (start from the encoder's weights) or SCRATCH (its architecture, freshly initialised).")
    private EncoderStart start = EncoderStart.PRETRAINED;

    @Config(description = "Longest token sequence, [CLS] and [SEP] included; at most the encoder's positions; 0 for all of them.")
    private int maxLength = 0;

    @Config(description = "Maximum number of epochs.")
    private int epochs = 3;

    @Config(description = "Learning-rate warm-up as a share of all steps.")
    private double warmupFraction = 0.1;

    @Config(description = "Decoupled weight decay.")
    private double weightDecay = 0.01;

    @Config(description = "Global gradient-norm clip, 0 for none.")
    private double clipNorm = 1.0;

    @Config(description = "Dropout rate of the classification head.")
    private float headDropout = 0.1f;

    @Config(description = "Epochs without improvement before stopping early.")
    private int patience = 2;

    @Config(description = "Directory for a checkpoint per epoch (none if unset); training resumes from its latest checkpoint of the same fine-tuning.")
    private Path checkpointPath;

    /** For OLCUT. */
    private MagicFineTuneTrainer() {
        super(32, 1e-4, 0.1);
    }

    /**
     * Creates a trainer with the defaults for everything but the encoder and the budget.
     *
     * @param encoderPath the encoder directory (or a run directory with {@code encoder/})
     * @param start pre-trained weights or from scratch
     * @param epochs the maximum number of epochs
     * @param learningRate the peak learning rate
     * @param seed the seed
     */
    public MagicFineTuneTrainer(Path encoderPath, EncoderStart start, int epochs, double learningRate, long seed) {
        this();
        this.encoderPath = encoderPath;
        this.start = start;
        this.epochs = epochs;
        this.learningRate = learningRate;
        this.seed = seed;
        postConfig();
    }

    /**
     * Sets the sequence length, batch size, validation share and patience.
     *
     * @param maxLength the longest token sequence, 0 for the encoder's positions
     * @param batchSize examples per step
     * @param validationFraction the held-out share
     * @param patience epochs without improvement before stopping
     * @return this trainer
     */
    public MagicFineTuneTrainer<T> withShape(int maxLength, int batchSize, double validationFraction, int patience) {
        this.maxLength = maxLength;
        this.batchSize = batchSize;
        this.validationFraction = validationFraction;
        this.patience = patience;
        postConfig();
        return this;
    }

    /**
     * Writes a checkpoint per epoch into a directory; a training that finds a checkpoint of the same
     * fine-tuning there (configuration, seed and data size) resumes from it, with the same result as an
     * uninterrupted one.
     *
     * @param dir the checkpoint directory, or null for none
     * @return this trainer
     */
    public MagicFineTuneTrainer<T> withCheckpoints(Path dir) {
        this.checkpointPath = dir;
        return this;
    }

    @Override
    public void postConfig() {
        checkDevice();
        check(encoderPath != null, "encoderPath", "is required");
        check(maxLength == 0 || maxLength >= 5, "maxLength", "must be 0 (the encoder's positions) or >= 5, got " + maxLength);
        check(epochs >= 1, "epochs", "must be >= 1, got " + epochs);
        check(batchSize >= 1, "batchSize", "must be >= 1, got " + batchSize);
        check(learningRate > 0, "learningRate", "must be positive, got " + learningRate);
        check(warmupFraction >= 0 && warmupFraction <= 1, "warmupFraction", "must be in [0, 1], got " + warmupFraction);
        check(weightDecay >= 0, "weightDecay", "must be >= 0, got " + weightDecay);
        check(clipNorm >= 0, "clipNorm", "must be >= 0, got " + clipNorm);
        check(headDropout >= 0 && headDropout < 1, "headDropout", "must be in [0, 1), got " + headDropout);
        check(validationFraction >= 0 && validationFraction < 1, "validationFraction", "must be in [0, 1), got " + validationFraction);
        check(patience >= 1, "patience", "must be >= 1, got " + patience);
    }

    @Override
    public MagicModel<T> train(Dataset<T> examples, Map<String, Provenance> runProvenance, int invocation) {
        Invocation call = begin(invocation);
        long runSeed = call.seed();
        TrainerProvenance trainerProvenance = call.provenance();
        ImmutableOutputInfo<T> outputInfo = examples.getOutputIDInfo();
        OutputAdapter<T> adapter = OutputAdapter.of(outputInfo);
        Path dir = EncoderFiles.locate(encoderPath);
        EncoderSpec spec;
        try {
            spec = EncoderFiles.spec(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException("encoderPath " + encoderPath + ": " + e.getMessage(), e);
        }
        int positions = spec.config().maxPositions();
        if (maxLength > positions) {
            throw new IllegalArgumentException("maxLength " + maxLength + " exceeds the encoder's " + positions + " positions");
        }
        int length = maxLength == 0 ? positions : maxLength;
        List<Example<T>> list = TokenizedExamples.list(examples);
        SequenceData data = TokenizedExamples.of(list, length, adapter);
        NDManager manager = NDManager.newBaseManager(call.device());
        try {
            // Seeded and drawn under one lock: trainings that run side by side in one JVM get the weights they get alone.
            SequenceModel net = SeededInit.draw((int) runSeed, () -> {
                ChildModel encoder;
                if (start == EncoderStart.PRETRAINED) {
                    try {
                        encoder = EncoderFiles.load(dir, manager);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                } else {
                    encoder = spec.newChild();
                    encoder.initialize(manager);
                }
                SequenceModel m = new SequenceModel(encoder, adapter.kind(), adapter.outputs(), headDropout);
                m.initializeHead(manager);
                return m;
            });
            FineTuneConfig config = new FineTuneConfig(epochs, batchSize, learningRate, warmupFraction,
                    new AdamSettings(0.9, 0.999, 1e-6, weightDecay, clipNorm), runSeed, validationFraction, patience);
            CheckpointStore checkpoints = checkpointPath == null ? null : new CheckpointStore(checkpointPath, 2);
            FineTuneResult result = new FineTuneTrainer(config).train(net, manager, data, checkpoints, this::log);
            Map<String, Provenance> instance = instanceProvenance(runProvenance, call);
            instance.put("architecture", new StringProvenance("architecture", spec.architecture().toString()));
            instance.put("space", new StringProvenance("space", spec.config().space().describe()));
            instance.put("best-epoch", new IntProvenance("best-epoch", result.bestEpoch()));
            instance.put("epochs-trained", new IntProvenance("epochs-trained", result.history().size()));
            instance.put("encoder-sha256", sha256("encoder-sha256", dir.resolve(EncoderFiles.WEIGHTS)));
            Path tokenizer = dir.resolve("tokenizer.json");
            if (Files.isRegularFile(tokenizer)) {
                instance.put("tokenizer-sha256", sha256("tokenizer-sha256", tokenizer));
            }
            ModelProvenance provenance = new ModelProvenance(MagicModel.class.getName(), OffsetDateTime.now(), examples.getProvenance(),
                    trainerProvenance, instance);
            return new MagicModel<>("magic-finetune", provenance, examples.getFeatureIDMap(), outputInfo, spec, net, manager, length, batchSize,
                    headDropout);
        } catch (IOException e) {
            manager.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private void log(EpochRecord r) {
        LOG.info(() -> String.format(Locale.ROOT, "epoch %d: train loss %.4f, validation loss %.4f, metric %.4f", r.epoch(), r.trainLoss(), r.validLoss(),
                r.validMetric()));
    }

    @Override
    public String toString() {
        return "MagicFineTuneTrainer(encoder=" + encoderPath + ",start=" + start + ",epochs=" + epochs + ",lr=" + learningRate + ",seed=" + seed + ")";
    }
}
