package org.magicnas.tribuo;

import ai.djl.ndarray.NDManager;
import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DoubleProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.LongProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import org.magicnas.alignment.AlignmentConfig;
import org.magicnas.image.BatchNormPolicy;
import org.magicnas.image.ImageData;
import org.magicnas.image.ImageNas;
import org.magicnas.image.ImageNasSettings;
import org.magicnas.sampling.SplitMix64;
import org.magicnas.search.EvolutionarySearch;
import org.magicnas.space.ChildCost;
import org.magicnas.space.Preset;
import org.magicnas.space.SearchSpace;
import org.magicnas.supernet.SuperNet;
import org.magicnas.train.AdamSettings;
import org.magicnas.train.Method;
import org.magicnas.train.TrainingConfig;
import org.magicnas.train.TrainingListener;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;
import org.tribuo.provenance.ModelProvenance;

/**
 * Searches an image space on a Tribuo {@code Dataset<Label>} of pixel features (as {@code
 * FashionMnistDataSource} and {@code ImageFolderDataSource} make them, named {@code px000000}, ...):
 * trains a super-net with the chosen method, searches it by validation top-1 error after BatchNorm
 * recalibration within the parameter and FLOP limits, retrains the best child alone on the training
 * share, and returns it as a {@link MagicImageModel} whose provenance records the space, the child,
 * its size, the search score and the BatchNorm policy.
 */
public final class MagicImageSearchTrainer extends AbstractMagicTrainer<Label, MagicImageModel> {
    private static final Logger LOG = Logger.getLogger(MagicImageSearchTrainer.class.getName());

    @Config(description = "Super-net training method.")
    private Method method = Method.MAGIC_AT;

    @Config(description = "Image space preset (mobilenet-cpu for 28x28 grey images, mobilenet for 224x224 RGB).")
    private String space = "mobilenet-cpu";

    @Config(description = "Super-net training steps.")
    private int superNetSteps = 1000;

    @Config(description = "Stand-alone training steps of the found child.")
    private int retrainSteps = 1200;

    @Config(description = "MAGIC-T and MAGIC-AT: operators changed per step.")
    private int k = 2;

    @Config(description = "Training batches of BatchNorm recalibration before a super-net child is scored (0: shared statistics).")
    private int batchNormBatches = 4;

    @Config(description = "Evolutionary search population.")
    private int population = 12;

    @Config(description = "Evolutionary search generations.")
    private int generations = 3;

    @Config(description = "Parameter limit of the search (0 for none).")
    private long maxParameters = 0;

    @Config(description = "FLOP limit per image of the search (0 for none).")
    private long maxFlops = 0;

    @Config(description = "Dropout rate before the classifier.")
    private float dropout = 0.1f;

    /** For OLCUT. */
    private MagicImageSearchTrainer() {
        super(64, 5e-3, 0.05);
    }

    /**
     * Creates a trainer.
     *
     * @param method the super-net method
     * @param space an image space preset
     * @param superNetSteps super-net steps
     * @param retrainSteps stand-alone steps of the found child
     * @param seed the seed
     */
    public MagicImageSearchTrainer(Method method, String space, int superNetSteps, int retrainSteps, long seed) {
        this();
        this.method = method;
        this.space = space;
        this.superNetSteps = superNetSteps;
        this.retrainSteps = retrainSteps;
        this.seed = seed;
        postConfig();
    }

    /**
     * Sets the search's size and limits.
     *
     * @param searchPopulation the population
     * @param searchGenerations the generations
     * @param parameterLimit the parameter limit, 0 for none
     * @param flopLimit the FLOP limit per image, 0 for none
     * @return this trainer
     */
    public MagicImageSearchTrainer withSearch(int searchPopulation, int searchGenerations, long parameterLimit, long flopLimit) {
        this.population = searchPopulation;
        this.generations = searchGenerations;
        this.maxParameters = parameterLimit;
        this.maxFlops = flopLimit;
        postConfig();
        return this;
    }

    /**
     * Sets the batch, rate and BatchNorm recalibration.
     *
     * @param images images per step
     * @param rate the peak learning rate
     * @param recalibrationBatches batches of recalibration, 0 for none
     * @return this trainer
     */
    public MagicImageSearchTrainer withTraining(int images, double rate, int recalibrationBatches) {
        this.batchSize = images;
        this.learningRate = rate;
        this.batchNormBatches = recalibrationBatches;
        postConfig();
        return this;
    }

    @Override
    public void postConfig() {
        checkDevice();
        SearchSpace s;
        try {
            s = Preset.of(space).space();
        } catch (IllegalArgumentException e) {
            throw new PropertyException("", "space", e.getMessage());
        }
        check(s.isImage(), "space", "must be an image space (mobilenet-cpu or mobilenet), got " + space);
        check(!method.walks() || (k >= 1 && k <= s.layers()), "k", "must be in [1, " + s.layers() + "], got " + k);
        check(superNetSteps >= 1, "superNetSteps", "must be >= 1, got " + superNetSteps);
        check(retrainSteps >= 1, "retrainSteps", "must be >= 1, got " + retrainSteps);
        check(batchSize >= 1, "batchSize", "must be >= 1, got " + batchSize);
        check(learningRate > 0, "learningRate", "must be positive, got " + learningRate);
        check(batchNormBatches >= 0, "batchNormBatches", "must be >= 0, got " + batchNormBatches);
        check(population >= 2, "population", "must be >= 2, got " + population);
        check(generations >= 0, "generations", "must be >= 0, got " + generations);
        check(maxParameters >= 0, "maxParameters", "must be >= 0 (0 for no limit), got " + maxParameters);
        check(maxFlops >= 0, "maxFlops", "must be >= 0 (0 for no limit), got " + maxFlops);
        check(validationFraction > 0 && validationFraction < 1, "validationFraction", "must be in (0, 1), got " + validationFraction);
        check(dropout >= 0 && dropout < 1, "dropout", "must be in [0, 1), got " + dropout);
    }

    @Override
    public MagicImageModel train(Dataset<Label> examples, Map<String, Provenance> runProvenance, int invocation) {
        Invocation call = begin(invocation);
        long runSeed = call.seed();
        SearchSpace s = Preset.of(space).space();
        ImmutableOutputInfo<Label> outputInfo = examples.getOutputIDInfo();
        LabelAdapter adapter = new LabelAdapter(outputInfo);
        List<Example<Label>> list = new ArrayList<>();
        examples.forEach(list::add);
        ImageData all = ImageExamples.of(list, s.image().inputChannels(), s.image().resolution(), outputInfo.size(), adapter.classes(list));
        int validCount = Math.max(1, (int) Math.round(validationFraction * all.size()));
        if (validCount >= all.size() - batchSize) {
            throw new IllegalArgumentException("the dataset has " + all.size() + " images: too few for a validation share of " + validationFraction
                    + " and batches of " + batchSize);
        }
        ImageData.HeldOut parts = all.holdOut(validCount, all.size() - validCount, SplitMix64.mix(runSeed, 20));
        ImageData valid = parts.valid();
        ImageData train = parts.train();
        BatchNormPolicy policy = new BatchNormPolicy(batchNormBatches, batchSize);
        TrainingConfig superNet = new TrainingConfig(method, superNetSteps, learningRate, superNetSteps / 10, AdamSettings.paper(), runSeed, k,
                AlignmentConfig.defaults(superNetSteps / 5, 100, 4), 0, 1);
        ImageNasSettings settings = new ImageNasSettings(superNet, TrainingConfig.standAlone(retrainSteps, learningRate, SplitMix64.mix(runSeed, 24)),
                batchSize, policy, new EvolutionarySearch(population, generations, Math.max(2, population / 3), 0.25), maxParameters, maxFlops,
                dropout);
        NDManager manager = NDManager.newBaseManager(call.device());
        try {
            ImageNas nas = new ImageNas(s, train, valid, settings, manager);
            EvolutionarySearch.Result found;
            try (NDManager searchManager = NDManager.newBaseManager(call.device())) {
                ImageNas search = new ImageNas(s, train, valid, settings, searchManager);
                found = search.search(search.trainSuperNet(new TrainingListener() {}, null));
            }
            LOG.info(() -> String.format(Locale.ROOT, "search chose %s (super-net validation top-1 error %.4f); retraining it stand-alone", found.best(),
                    found.loss()));
            SuperNet alone = nas.retrain(found.best(), new TrainingListener() {});
            ChildCost cost = nas.cost(found.best());
            Map<String, Provenance> instance = instanceProvenance(runProvenance, call);
            instance.put("space", new StringProvenance("space", s.describe()));
            instance.put("architecture", new StringProvenance("architecture", found.best().toString()));
            instance.put("parameters", new LongProvenance("parameters", cost.parameters()));
            instance.put("flops-per-image", new LongProvenance("flops-per-image", cost.forwardFlops()));
            instance.put("search-method", new StringProvenance("search-method", method.id()));
            instance.put("search-validation-top1-error", new DoubleProvenance("search-validation-top1-error", found.loss()));
            instance.put("children-scored", new IntProvenance("children-scored", found.scored()));
            instance.put("batchnorm-policy", new StringProvenance("batchnorm-policy", policy.describe()));
            ModelProvenance provenance = new ModelProvenance(MagicImageModel.class.getName(), OffsetDateTime.now(), examples.getProvenance(),
                    call.provenance(), instance);
            return new MagicImageModel("magic-image-search", provenance, examples.getFeatureIDMap(), outputInfo, found.best(), alone, manager,
                    nas.normalisation(), batchSize, dropout);
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
        return "MagicImageSearchTrainer(method=" + method.id() + ",space=" + space + ",superNetSteps=" + superNetSteps + ",retrainSteps="
                + retrainSteps + ",seed=" + seed + ")";
    }
}
