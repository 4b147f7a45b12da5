package org.magicnas.tribuo;

import ai.djl.Device;
import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import com.oracle.labs.mlrg.olcut.provenance.primitives.HashProvenance;
import java.nio.file.Path;
import java.util.Map;
import org.magicnas.device.Devices;
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

    /**
     * Where the arrays live: {@code cpu}, {@code gpu} or {@code gpu:N}, or empty for DJL's default device
     * (its first GPU if the engine can use one, else the CPU). Recorded in provenance (and the device used
     * in each model's run provenance), but not part of what is trained: a trainer re-created from a
     * model's provenance may be given another device.
     */
    @Config(description = "Device: cpu, gpu or gpu:N; empty for the engine's default device. Recorded, not part of what is trained.")
    protected String device = "";

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

    /**
     * Sets the device the arrays live on.
     *
     * @param device cpu, gpu or gpu:N, or empty for the engine's default device
     * @throws PropertyException (one line) for any other value
     */
    public final void setDevice(String device) {
        this.device = device == null ? "" : device;
        checkDevice();
    }

    /**
     * Checks the form of {@link #device} (whether the engine sees it is checked when training starts).
     *
     * @throws PropertyException naming the value and the allowed forms
     */
    protected final void checkDevice() {
        if (device != null && !device.isBlank()) {
            try {
                Devices.parse("device", device);
            } catch (IllegalArgumentException e) {
                throw new PropertyException("", "device", e.getMessage());
            }
        }
    }

    /**
     * What one call of {@code train} runs with.
     *
     * @param seed the call's seed
     * @param provenance the trainer's provenance
     * @param device the device its arrays live on
     */
    record Invocation(long seed, TrainerProvenance provenance, Device device) {}

    /**
     * Starts a call of {@code train}.
     *
     * @param invocation the requested invocation count, or {@code INCREMENT_INVOCATION_COUNT}
     * @return the call's seed (mixed from {@link #seed}), the trainer provenance and the device
     * @throws IllegalArgumentException (one line) if the engine does not see the device
     */
    protected final synchronized Invocation begin(int invocation) {
        Device d = Devices.resolve("device", device);
        if (invocation != INCREMENT_INVOCATION_COUNT) {
            setInvocationCount(invocation);
        }
        Invocation i = new Invocation(SplitMix64.mix(seed, invocationCount), getProvenance(), d);
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

    /**
     * The run provenance of a model: the caller's entries and the device its arrays lived on.
     *
     * @param runProvenance the caller's run provenance
     * @param call the call of {@code train}
     * @return a mutable copy with {@code device} added
     */
    protected static Map<String, Provenance> instanceProvenance(Map<String, Provenance> runProvenance, Invocation call) {
        Map<String, Provenance> out = new java.util.HashMap<>(runProvenance);
        out.put("device", new com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance("device", Devices.name(call.device())));
        return out;
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
