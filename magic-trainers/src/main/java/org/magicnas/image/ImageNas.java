package org.magicnas.image;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import org.magicnas.sampling.FixedSampler;
import org.magicnas.sampling.SplitMix64;
import org.magicnas.search.Constraints;
import org.magicnas.search.EvolutionarySearch;
import org.magicnas.space.Architecture;
import org.magicnas.space.CandidateMask;
import org.magicnas.space.ChildCost;
import org.magicnas.space.SearchSpace;
import org.magicnas.supernet.SuperNet;
import org.magicnas.supernet.SuperNetConfig;
import org.magicnas.train.CheckpointStore;
import org.magicnas.train.SeededInit;
import org.magicnas.train.SuperNetTrainer;
import org.magicnas.train.TrainingConfig;
import org.magicnas.train.TrainingListener;

/**
 * The image line's flow on one space and one data set: train a super-net with a method, search it
 * (evolution scored by validation top-1 error after BatchNorm recalibration, within the parameter
 * and FLOP limits), and retrain a child alone from scratch. Super-net and stand-alone training are
 * the same {@link SuperNetTrainer}; a stand-alone child is a fresh super-net that only ever samples
 * that child.
 */
public final class ImageNas {
    private final SearchSpace space;
    private final ImageSource train;
    private final ImageSource valid;
    private final ImageData.Normalisation norm;
    private final ImageNasSettings settings;
    private final NDManager manager;

    /**
     * Prepares the flow.
     *
     * @param space an image space whose input matches the images
     * @param train training images
     * @param valid validation images (search scores children on them)
     * @param settings budgets and policies
     * @param manager the manager that owns all weights
     * @throws IllegalArgumentException if the images do not fit the space
     */
    public ImageNas(SearchSpace space, ImageSource train, ImageSource valid, ImageNasSettings settings, NDManager manager) {
        if (!space.isImage()) {
            throw new IllegalArgumentException("space " + space.name() + " is not an image space");
        }
        if (train.channels() != space.image().inputChannels() || train.side() != space.image().resolution()) {
            throw new IllegalArgumentException("space " + space.name() + " takes " + space.image().inputChannels() + "x"
                    + space.image().resolution() + "x" + space.image().resolution() + " images, got " + train.channels() + "x" + train.side()
                    + "x" + train.side());
        }
        this.space = space;
        this.train = train;
        this.valid = valid;
        this.norm = train.statistics();
        this.settings = settings;
        this.manager = manager;
    }

    /**
     * The normalisation (from the training images) every split is put through.
     *
     * @return the statistics
     */
    public ImageData.Normalisation normalisation() {
        return norm;
    }

    /**
     * The objective of training and scoring, shuffled by a seed.
     *
     * @param seed the seed
     * @return the objective
     */
    public ImageObjective objective(long seed) {
        return new ImageObjective(train, valid, norm, settings.batchSize(), settings.batchNorm(), seed);
    }

    /**
     * A freshly initialised super-net (weights drawn from the seed).
     *
     * @param seed the seed
     * @return the net
     */
    public SuperNet newNet(long seed) {
        return SeededInit.draw((int) SplitMix64.mix(seed, 40), () -> {
            SuperNet net = new SuperNet(SuperNetConfig.forImages(space, train.classes(), settings.dropout()));
            net.initialize(manager);
            return net;
        });
    }

    /**
     * The limits of the search.
     *
     * @return the constraints
     */
    public Constraints constraints() {
        return new Constraints(settings.maxParameters(), settings.maxFlops(), train.classes(), space.image().resolution());
    }

    /**
     * A child's parameters and FLOPs per image.
     *
     * @param child the child
     * @return the counts
     */
    public ChildCost cost(Architecture child) {
        return constraints().cost(child);
    }

    /**
     * Trains a super-net with the settings' method.
     *
     * @param listener progress
     * @param store checkpoints (resumed from if it holds one), or null
     * @return the trained net
     * @throws IOException if a checkpoint cannot be read or written
     */
    public SuperNet trainSuperNet(TrainingListener listener, CheckpointStore store) throws IOException {
        TrainingConfig config = settings.superNet();
        SuperNet net = newNet(config.seed());
        try (SuperNetTrainer trainer = new SuperNetTrainer(net, manager, config, objective(config.seed()), null)) {
            if (store != null && store.latest().isPresent()) {
                trainer.restore(store.latest().get());
            }
            trainer.train(config.steps(), listener, store);
        }
        return net;
    }

    /**
     * Searches a trained super-net for the child of lowest validation top-1 error within the limits.
     *
     * @param net the super-net
     * @return the best child, its error and how many children were scored
     */
    public EvolutionarySearch.Result search(SuperNet net) {
        if (settings.search() == null) {
            throw new IllegalStateException("these settings carry no search");
        }
        ImageObjective objective = objective(settings.superNet().seed());
        return settings.search().run(new CandidateMask(space), child -> objective.score(net, child, valid, manager).top1Error(), constraints(),
                new SplitMix64(SplitMix64.mix(settings.superNet().seed(), 30)));
    }

    /**
     * Trains a child alone from scratch with the retraining budget.
     *
     * @param child the child
     * @param listener progress
     * @return a net whose only trained path is the child
     * @throws IOException never (no checkpoints are written)
     */
    public SuperNet retrain(Architecture child, TrainingListener listener) throws IOException {
        TrainingConfig config = settings.retrain();
        SuperNet net = newNet(config.seed());
        try (SuperNetTrainer trainer = new SuperNetTrainer(net, manager, config, objective(config.seed()), new FixedSampler(child))) {
            trainer.train(config.steps(), listener, null);
        }
        return net;
    }

    /**
     * Scores a stand-alone child with its own running statistics.
     *
     * @param net the child's net
     * @param child the child
     * @param data the images
     * @return loss and errors
     */
    public ImageScore evaluate(SuperNet net, Architecture child, ImageSource data) {
        return ImageObjective.evaluate(net, child, data, norm, settings.batchSize(), manager);
    }
}
