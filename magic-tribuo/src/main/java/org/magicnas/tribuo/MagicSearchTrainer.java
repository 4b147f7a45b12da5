package org.magicnas.tribuo;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DoubleProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.magicnas.alignment.AlignmentConfig;
import org.magicnas.alignment.AlignmentTargetKind;
import org.magicnas.alignment.AnchorReplacement;
import org.magicnas.data.TokenizerFiles;
import org.magicnas.finetune.FineTuneConfig;
import org.magicnas.finetune.FineTuneTrainer;
import org.magicnas.finetune.SequenceData;
import org.magicnas.finetune.SequenceModel;
import org.magicnas.finetune.SequenceObjective;
import org.magicnas.sampling.PathSampler;
import org.magicnas.sampling.SplitMix64;
import org.magicnas.space.Architecture;
import org.magicnas.space.SearchSpace;
import org.magicnas.supernet.ChildModel;
import org.magicnas.supernet.EncoderSpec;
import org.magicnas.supernet.SuperNet;
import org.magicnas.supernet.SuperNetConfig;
import org.magicnas.train.AdamSettings;
import org.magicnas.train.Method;
import org.magicnas.train.SuperNetTrainer;
import org.magicnas.train.TrainingConfig;
import org.magicnas.train.TrainingListener;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Output;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;

/**
 * Architecture search on a labelled Tribuo dataset: a super-net is trained on the task itself with
 * SPOS, MAGIC-T, MAGIC-A or MAGIC-AT (one shared head for all children), the best of the anchor and M
 * uniformly drawn children by validation loss is chosen, and that child is retrained stand-alone from
 * scratch on the whole training data, which gives the returned {@link MagicModel}.
 *
 * <p>The model's provenance records the space, the chosen architecture and its super-net score, the
 * number of children scored, and every anchor replacement; the tokenizer's hash is recorded too.
 *
 * @param <T> {@code Label} or {@code Regressor}
 */
public final class MagicSearchTrainer<T extends Output<T>> extends AbstractMagicTrainer<T, MagicModel<T>> {
    private static final Logger LOG = Logger.getLogger(MagicSearchTrainer.class.getName());

    @Config(mandatory = true, description = "The tokenizer.json the examples were made with (its vocabulary sizes the embeddings).")
    private Path tokenizerPath;

    @Config(description = "Super-net training method.")
    private Method method = Method.MAGIC_AT;

    @Config(description = "Space preset (tiny, small, paper-analysis, paper-bert, paper-compress) or custom.")
    private String space = "tiny";

    @Config(description = "Custom space candidates, e.g. MHA4:128,FFN:512,CONV3 (with space=custom).")
    private String candidates = "";

    @Config(description = "Custom space hidden size.")
    private int hidden = 128;

    @Config(description = "Custom space layers.")
    private int layers = 4;

    @Config(description = "Super-net training steps.")
    private int superNetSteps = 300;

    @Config(description = "Super-net peak learning rate.")
    private double superNetLearningRate = 1e-3;

    @Config(description = "MAGIC-T: operators changed per step.")
    private int k = 1;

    @Config(description = "MAGIC-A: alignment weight.")
    private double lambda = 0.5;

    @Config(description = "MAGIC-A: align every b layers, 0 for every layer up to 12 layers and every 4 above.")
    private int alignBlock = AlignmentConfig.AUTO_BLOCK;

    @Config(description = "MAGIC-A: steps between anchor comparisons.")
    private int anchorEvalEvery = 25;

    @Config(description = "Children drawn uniformly and scored after super-net training (the anchor is scored too).")
    private int childrenToScore = 16;

    @Config(description = "Longest token sequence.")
    private int maxLength = 128;

    @Config(description = "Dropout rate of the encoder and the head.")
    private float dropout = 0.1f;

    @Config(description = "Stand-alone retraining: maximum epochs.")
    private int epochs = 3;

    @Config(description = "Stand-alone retraining: epochs without improvement before stopping.")
    private int patience = 2;

    /** For OLCUT. */
    private MagicSearchTrainer() {
        super(32, 1e-3, 0.1);
    }

    /**
     * Creates a search trainer with defaults for the rest.
     *
     * @param tokenizerPath the tokenizer the examples were made with
     * @param method the super-net method
     * @param space a space preset name, or {@code custom} (then call {@link #withCustomSpace}, which validates)
     * @param superNetSteps super-net steps
     * @param childrenToScore children scored after super-net training
     * @param seed the seed
     */
    public MagicSearchTrainer(Path tokenizerPath, Method method, String space, int superNetSteps, int childrenToScore, long seed) {
        this();
        this.tokenizerPath = tokenizerPath;
        this.method = method;
        this.space = space;
        this.superNetSteps = superNetSteps;
        this.childrenToScore = childrenToScore;
        this.seed = seed;
        if (!"custom".equals(space)) {
            postConfig();
        }
    }

    /**
     * Uses a custom space.
     *
     * @param candidateList candidates, e.g. {@code MHA4:128,FFN:512,CONV3}
     * @param hiddenSize E
     * @param layerCount N
     * @return this trainer
     */
    public MagicSearchTrainer<T> withCustomSpace(String candidateList, int hiddenSize, int layerCount) {
        this.space = "custom";
        this.candidates = candidateList;
        this.hidden = hiddenSize;
        this.layers = layerCount;
        postConfig();
        return this;
    }

    /**
     * Sets sequence length, batch size and the retraining budget.
     *
     * @param maxLen the longest sequence
     * @param batch examples per step
     * @param retrainEpochs stand-alone epochs
     * @param retrainLearningRate stand-alone peak learning rate
     * @return this trainer
     */
    public MagicSearchTrainer<T> withTraining(int maxLen, int batch, int retrainEpochs, double retrainLearningRate) {
        this.maxLength = maxLen;
        this.batchSize = batch;
        this.epochs = retrainEpochs;
        this.learningRate = retrainLearningRate;
        postConfig();
        return this;
    }

    @Override
    public void postConfig() {
        checkDevice();
        check(tokenizerPath != null, "tokenizerPath", "is required");
        try {
            SearchSpace s = searchSpace();
            check(!method.walks() || s.choices() >= 2, "space", "needs at least two candidates per layer for " + method.id());
            check(!method.walks() || (k >= 1 && k <= s.layers()), "k", "must be in [1, " + s.layers() + "], got " + k);
        } catch (IllegalArgumentException e) {
            throw new PropertyException("", "space", e.getMessage());
        }
        check(superNetSteps >= 1, "superNetSteps", "must be >= 1, got " + superNetSteps);
        check(superNetLearningRate > 0, "superNetLearningRate", "must be positive, got " + superNetLearningRate);
        check(learningRate > 0, "learningRate", "must be positive, got " + learningRate);
        check(lambda >= 0, "lambda", "must be >= 0, got " + lambda);
        check(alignBlock >= 0, "alignBlock", "must be >= 0 (0 for auto), got " + alignBlock);
        check(anchorEvalEvery >= 1, "anchorEvalEvery", "must be >= 1, got " + anchorEvalEvery);
        check(childrenToScore >= 1, "childrenToScore", "must be >= 1, got " + childrenToScore);
        check(maxLength >= 5, "maxLength", "must be >= 5, got " + maxLength);
        check(batchSize >= 1, "batchSize", "must be >= 1, got " + batchSize);
        check(dropout >= 0 && dropout < 1, "dropout", "must be in [0, 1), got " + dropout);
        check(validationFraction > 0 && validationFraction < 1, "validationFraction", "must be in (0, 1), got " + validationFraction);
        check(epochs >= 1, "epochs", "must be >= 1, got " + epochs);
        check(patience >= 1, "patience", "must be >= 1, got " + patience);
    }

    private SearchSpace searchSpace() {
        return SearchSpace.named(space, candidates, hidden, layers);
    }

    @Override
    public MagicModel<T> train(Dataset<T> examples, Map<String, Provenance> runProvenance, int invocation) {
        Invocation call = begin(invocation);
        long runSeed = call.seed();
        TrainerProvenance trainerProvenance = call.provenance();
        ImmutableOutputInfo<T> outputInfo = examples.getOutputIDInfo();
        OutputAdapter<T> adapter = OutputAdapter.of(outputInfo);
        List<Example<T>> list = TokenizedExamples.list(examples);
        SequenceData data = TokenizedExamples.of(list, maxLength, adapter);
        int vocab;
        try {
            vocab = TokenizerFiles.readVocabulary(tokenizerPath).size();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("tokenizerPath " + tokenizerPath + ": " + e.getMessage(), e);
        }
        SearchSpace s = searchSpace();
        SuperNetConfig netConfig = new SuperNetConfig(s, vocab, maxLength, dropout);
        int[] order = new SplitMix64(SplitMix64.mix(runSeed, 20)).permutation(data.size());
        int validCount = Math.max(1, (int) Math.round(validationFraction * data.size()));
        if (validCount >= data.size()) {
            throw new IllegalArgumentException("the dataset has " + data.size() + " examples: too few for a validation share of " + validationFraction);
        }
        SequenceData valid = data.subset(Arrays.copyOfRange(order, 0, validCount));
        SequenceData train = data.subset(Arrays.copyOfRange(order, validCount, order.length));
        List<AnchorReplacement> replacements = new ArrayList<>();
        Architecture best = null;
        double bestLoss = Double.POSITIVE_INFINITY;
        int scored = 0;
        try (NDManager searchManager = NDManager.newBaseManager(call.device())) {
            Engine.getInstance().setRandomSeed((int) SplitMix64.mix(runSeed, 21));
            SuperNet net = new SuperNet(netConfig);
            net.initialize(searchManager);
            SequenceObjective objective = new SequenceObjective(train, valid, adapter.kind(), adapter.outputs(), s.hidden(), dropout, batchSize,
                    SplitMix64.mix(runSeed, 22), searchManager);
            AlignmentConfig align = new AlignmentConfig(lambda, alignBlock, superNetSteps / 10, AlignmentTargetKind.ANCHOR, 4, anchorEvalEvery, 1);
            TrainingConfig config = new TrainingConfig(method, superNetSteps, superNetLearningRate, superNetSteps / 10, AdamSettings.paper(), runSeed, k,
                    align, 0, 1);
            try (SuperNetTrainer trainer = new SuperNetTrainer(net, searchManager, config, objective, null)) {
                trainer.train(superNetSteps, new TrainingListener() {
                    @Override
                    public void onAnchorReplaced(AnchorReplacement r) {
                        replacements.add(r);
                    }
                }, null);
                List<Architecture> pool = new ArrayList<>();
                if (trainer.anchor() != null) {
                    pool.add(trainer.anchor().current());
                }
                SplitMix64 rng = new SplitMix64(SplitMix64.mix(runSeed, 23));
                for (int i = 0; i < childrenToScore; i++) {
                    pool.add(PathSampler.uniform(s, rng));
                }
                for (Architecture a : pool) {
                    double loss = objective.validationLoss(net, a, searchManager);
                    scored++;
                    if (loss < bestLoss) {
                        bestLoss = loss;
                        best = a;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Architecture chosen = best;
        double chosenLoss = bestLoss;
        LOG.info(() -> String.format(Locale.ROOT, "search chose %s (super-net validation loss %.4f); retraining it stand-alone", chosen, chosenLoss));
        NDManager manager = NDManager.newBaseManager(call.device());
        try {
            Engine.getInstance().setRandomSeed((int) SplitMix64.mix(runSeed, 24));
            ChildModel encoder = ChildModel.create(netConfig, chosen);
            encoder.initialize(manager);
            SequenceModel model = new SequenceModel(encoder, adapter.kind(), adapter.outputs(), dropout);
            model.initializeHead(manager);
            FineTuneConfig retrain = new FineTuneConfig(epochs, batchSize, learningRate, 0.1, AdamSettings.paper(), SplitMix64.mix(runSeed, 25),
                    validationFraction, patience);
            var result = new FineTuneTrainer(retrain).train(model, manager, data, null, r -> { });
            Map<String, Provenance> instance = instanceProvenance(runProvenance, call);
            instance.put("space", new StringProvenance("space", s.describe()));
            instance.put("architecture", new StringProvenance("architecture", chosen.toString()));
            instance.put("search-method", new StringProvenance("search-method", method.id()));
            instance.put("search-validation-loss", new DoubleProvenance("search-validation-loss", chosenLoss));
            instance.put("children-scored", new IntProvenance("children-scored", scored));
            instance.put("anchor-replacements", new IntProvenance("anchor-replacements", replacements.size()));
            instance.put("anchor-history", new StringProvenance("anchor-history", replacements.stream()
                    .map(r -> r.step() + ":" + r.replacement() + "=" + String.format(Locale.ROOT, "%.4f", r.replacementLoss())).collect(Collectors.joining(";"))));
            instance.put("best-epoch", new IntProvenance("best-epoch", result.bestEpoch()));
            instance.put("tokenizer-sha256", sha256("tokenizer-sha256", tokenizerPath));
            ModelProvenance provenance = new ModelProvenance(MagicModel.class.getName(), OffsetDateTime.now(), examples.getProvenance(),
                    trainerProvenance, instance);
            return new MagicModel<>("magic-search", provenance, examples.getFeatureIDMap(), outputInfo, new EncoderSpec(netConfig, chosen), model,
                    manager, maxLength, batchSize, dropout);
        } catch (IOException e) {
            manager.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    @Override
    public String toString() {
        return "MagicSearchTrainer(method=" + method.id() + ",space=" + space + ",superNetSteps=" + superNetSteps + ",children=" + childrenToScore
                + ",seed=" + seed + ")";
    }
}
