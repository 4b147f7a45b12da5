package org.magicnas.tribuo;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import com.oracle.labs.mlrg.olcut.provenance.primitives.HashProvenance;
import java.nio.file.Path;
import java.util.Map;
import org.magicnas.sampling.SplitMix64;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Trainer;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.provenance.impl.TrainerProvenanceImpl;

/**
 * Tribuo's invocation pattern for the MAGIC trainers: each call of {@code train} takes the trainer's
 * provenance and a seed mixed from the configured seed and the invocation count, then counts the
 * invocation; setting the count first (as a trainer re-created from a model's provenance does) repeats
 * that call exactly.
 *
 * <p>The configuration fields every MAGIC trainer has live here, as in Tribuo's {@code
 * AbstractSGDTrainer}; each trainer sets their defaults and validates them with its own messages.
 * Their names are the provenance keys of every saved model.
 *
 * @param <T> {@code Label} or {@code Regressor}
 * @param <M> the model the trainer makes
 */
abstract class AbstractMagicTrainer<T extends Output<T>, M extends Model<T>> implements Trainer<T> {
    /** Examples (images, for image search) per step. */
    @Config(description = "Examples per step.")
    protected int batchSize;

    /**
     * The peak learning rate: of fine-tuning, of the text search's stand-alone retraining, or of
     * both trainings of image search.
     */
    @Config(description = "Peak learning rate (fine-tuning; the text search's stand-alone retraining; both trainings of image search).")
    protected double learningRate;

    /**
     * The share of the training data held out: for early stopping (fine-tuning), for the search and
     * again for early stopping (text search), to score children (image search).
     */
    @Config(description = "Share of the training data held out (early stopping; scoring children in a search).")
    protected double validationFraction;

    /** The seed of everything random, mixed with the invocation count for each call of {@code train}. */
    @Config(description = "Seed of everything random (initialisation, the validation split, shuffling, dropout, sampling).")
    protected long seed = 42L;

    private int invocationCount = 0;

    /**
     * Sets the defaults of the shared configuration.
     *
     * @param batchSize the default examples per step
     * @param learningRate the default peak learning rate
     * @param validationFraction the default held-out share
     */
    protected AbstractMagicTrainer(int batchSize, double learningRate, double validationFraction) {
        this.batchSize = batchSize;
        this.learningRate = learningRate;
        this.validationFraction = validationFraction;
    }

    /** What one call of {@code train} runs with. */
    record Invocation(long seed, TrainerProvenance provenance) {}

    /**
     * Starts a call of {@code train}.
     *
     * @param invocation the requested invocation count, or {@code INCREMENT_INVOCATION_COUNT}
     * @return the call's seed (mixed from {@link #seed}) and the trainer provenance
     */
    protected final synchronized Invocation begin(int invocation) {
        if (invocation != INCREMENT_INVOCATION_COUNT) {
            setInvocationCount(invocation);
        }
        Invocation i = new Invocation(SplitMix64.mix(seed, invocationCount), getProvenance());
        invocationCount++;
        return i;
    }

    /**
     * Fails OLCUT validation unless a condition holds.
     *
     * @param ok the condition
     * @param field the configuration field
     * @param message what is wrong, after the field's name
     * @throws PropertyException naming the field
     */
    protected static void check(boolean ok, String field, String message) {
        if (!ok) {
            throw new PropertyException("", field, field + " " + message);
        }
    }

    /**
     * A SHA-256 record of a file for the model's provenance.
     *
     * @param key the provenance key
     * @param file the file
     * @return the provenance
     */
    protected static HashProvenance sha256(String key, Path file) {
        return new HashProvenance(ProvenanceUtil.HashType.SHA256, key, ProvenanceUtil.hashResource(ProvenanceUtil.HashType.SHA256, file));
    }

    @Override
    public M train(Dataset<T> examples) {
        return train(examples, Map.of());
    }

    @Override
    public M train(Dataset<T> examples, Map<String, Provenance> runProvenance) {
        return train(examples, runProvenance, INCREMENT_INVOCATION_COUNT);
    }

    @Override
    public abstract M train(Dataset<T> examples, Map<String, Provenance> runProvenance, int invocation);

    @Override
    public int getInvocationCount() {
        return invocationCount;
    }

    @Override
    public synchronized void setInvocationCount(int invocationCount) {
        if (invocationCount < 0) {
            throw new IllegalArgumentException("the invocation count must be >= 0, got " + invocationCount);
        }
        this.invocationCount = invocationCount;
    }

    @Override
    public TrainerProvenance getProvenance() {
        return new TrainerProvenanceImpl(this);
    }
}
