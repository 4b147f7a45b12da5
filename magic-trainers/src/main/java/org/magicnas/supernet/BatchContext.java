package org.magicnas.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.IdentityHashMap;
import java.util.Map;
import org.magicnas.sampling.SplitMix64;

/**
 * The tensors of one batch that every operator may need: token ids, the padding mask and the
 * additive attention bias derived from it (or, for an image batch, the images), and the dropout masks
 * of the step. All arrays live in the manager of the step that made them.
 *
 * <p>Dropout masks are drawn in Java from a generator seeded per step rather than through the
 * engine's global generator: the result depends only on the seed (so runs resume exactly), and it is
 * several times faster than libtorch's CPU Bernoulli sampling. The drop probability is quantised to
 * multiples of 1/65536.
 */
public final class BatchContext {
    private static final float MASKED_SCORE = -1e4f;
    private static final ThreadLocal<ByteBuffer> SCRATCH = new ThreadLocal<>();

    private final NDArray tokens;
    private final NDArray segments;
    private NDArray padMask;
    private NDArray attentionBias;
    private DataType compute = DataType.FLOAT32;
    /** In mixed precision: each fp32 parameter's copy in the compute type, a leaf of the step's graph. */
    private Map<Parameter, NDArray> copies;
    private final int batchSize;
    private final int seqLen;
    private final float validTokens;
    private final NDManager manager;
    private final SplitMix64 dropoutRng;
    private final NDArray images;
    private int recalibrationBatch = -1;
    private boolean batchStatistics;

    /**
     * Builds the tensors of a padded batch.
     *
     * @param manager the step's manager
     * @param tokenIds token ids, B x T row-major
     * @param lengths the number of real tokens of each row; the rest is padding
     * @param seqLen T
     * @param dropoutSeed the seed of this batch's dropout masks
     */
    public BatchContext(NDManager manager, int[] tokenIds, int[] lengths, int seqLen, long dropoutSeed) {
        this(manager, tokenIds, null, lengths, seqLen, dropoutSeed);
    }

    /**
     * Builds the tensors of a padded batch of sentence pairs.
     *
     * @param manager the step's manager
     * @param tokenIds token ids, B x T row-major
     * @param segmentIds segment ids (0 or 1), B x T row-major, or null for single segments
     * @param lengths the number of real tokens of each row; the rest is padding
     * @param seqLen T
     * @param dropoutSeed the seed of this batch's dropout masks
     */
    public BatchContext(NDManager manager, int[] tokenIds, int[] segmentIds, int[] lengths, int seqLen, long dropoutSeed) {
        this.manager = manager;
        this.dropoutRng = new SplitMix64(dropoutSeed);
        this.batchSize = lengths.length;
        this.seqLen = seqLen;
        long[] ids = new long[tokenIds.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = tokenIds[i];
        }
        float[] mask = new float[batchSize * seqLen];
        long valid = 0;
        for (int b = 0; b < batchSize; b++) {
            for (int t = 0; t < lengths[b]; t++) {
                mask[b * seqLen + t] = 1f;
            }
            valid += lengths[b];
        }
        this.validTokens = valid;
        this.tokens = owned(manager, manager.create(ids, new Shape(batchSize, seqLen)));
        if (segmentIds != null) {
            long[] seg = new long[segmentIds.length];
            for (int i = 0; i < seg.length; i++) {
                seg[i] = segmentIds[i];
            }
            this.segments = owned(manager, manager.create(seg, new Shape(batchSize, seqLen)));
        } else {
            this.segments = null;
        }
        this.padMask = owned(manager, manager.create(mask, new Shape(batchSize, seqLen, 1)));
        this.attentionBias = padMask.sub(1f).mul(-MASKED_SCORE).reshape(batchSize, 1, 1, seqLen);
        this.images = null;
    }

    private BatchContext(NDManager manager, NDArray images, long dropoutSeed) {
        this.manager = manager;
        this.dropoutRng = new SplitMix64(dropoutSeed);
        this.images = images;
        this.batchSize = (int) images.getShape().get(0);
        this.seqLen = 0;
        this.validTokens = batchSize;
        this.tokens = null;
        this.segments = null;
        this.padMask = null;
        this.attentionBias = null;
    }

    /**
     * A batch of images.
     *
     * @param manager the step's manager
     * @param images (B, C, H, W) float32, owned by that manager
     * @param dropoutSeed the seed of this batch's dropout masks
     * @return the batch
     */
    public static BatchContext ofImages(NDManager manager, NDArray images, long dropoutSeed) {
        if (images.getShape().dimension() != 4) {
            throw new IllegalArgumentException("images must be (B, C, H, W), got " + images.getShape());
        }
        return new BatchContext(manager, images, dropoutSeed);
    }

    /**
     * The images of an image batch, (B, C, H, W).
     *
     * @return the images, or null for a token batch
     */
    public NDArray images() {
        return images;
    }

    /**
     * Marks this batch as the n-th of a BatchNorm recalibration: BatchNorm layers then normalise with
     * the batch's statistics and fold them into a running average over the recalibration batches.
     *
     * @param batch the batch's index in the recalibration, from 0
     */
    public void recalibrate(int batch) {
        this.recalibrationBatch = batch;
    }

    /**
     * Makes BatchNorm layers normalise with this batch's statistics even outside training (without
     * moving the running statistics): alignment targets computed on a training batch then see the
     * normalisation the sampled child sees.
     */
    public void useBatchStatistics() {
        this.batchStatistics = true;
    }

    /**
     * Whether BatchNorm normalises with this batch's statistics outside training.
     *
     * @return true if {@link #useBatchStatistics} was called
     */
    public boolean batchStatistics() {
        return batchStatistics;
    }

    /**
     * The batch's index in a BatchNorm recalibration.
     *
     * @return the index, or -1 if the batch is not recalibrating
     */
    public int recalibrationBatch() {
        return recalibrationBatch;
    }

    /**
     * Makes the forward passes of this batch run in a lower precision (mixed-precision training): the
     * masks and dropout come in that type, and the operators compute with the weights' copies in it
     * ({@link #weight}). Losses are computed in fp32 by their callers.
     *
     * @param type FLOAT16 or BFLOAT16 (FLOAT32 changes nothing)
     * @return this batch
     */
    public BatchContext computeIn(DataType type) {
        if (type == compute) {
            return this;
        }
        if (padMask != null) {
            padMask = padMask.toType(type, false);
            attentionBias = attentionBias.toType(type, false);
        }
        compute = type;
        copies = type == DataType.FLOAT32 ? null : new IdentityHashMap<>();
        return this;
    }

    /**
     * A parameter's array as this batch's forward passes use it: the fp32 array itself, or in mixed
     * precision its copy in the compute type, made once per batch as a leaf with a gradient of its own
     * (DJL's cast is not differentiable, so the copy's gradient is carried back by {@link #gradient}).
     *
     * @param p the parameter
     * @return the array to compute with
     */
    public NDArray weight(Parameter p) {
        if (copies == null) {
            return p.getArray();
        }
        return copies.computeIfAbsent(p, k -> {
            NDArray copy = k.getArray().toType(compute, true);
            copy.attach(manager);
            copy.setRequiresGradient(k.requiresGradient());
            return copy;
        });
    }

    /**
     * The gradient of a parameter after a backward pass, in fp32: in mixed precision, its copy's
     * gradient cast up (zeros if this batch never used it); otherwise the parameter's own gradient.
     *
     * @param p the parameter
     * @return the gradient
     */
    public NDArray gradient(Parameter p) {
        if (copies == null) {
            return p.getArray().getGradient();
        }
        NDArray copy = copies.get(p);
        return copy == null ? manager.zeros(p.getArray().getShape()) : copy.getGradient().toType(DataType.FLOAT32, true);
    }

    /**
     * The data type the forward passes of this batch run in.
     *
     * @return FLOAT32 unless {@link #computeIn} changed it
     */
    public DataType compute() {
        return compute;
    }

    /**
     * Applies inverted dropout: zeroes each element with probability {@code rate} and scales the rest
     * by {@code 1 / (1 - rate)}.
     *
     * @param x the input
     * @param rate the drop probability, in [0, 1)
     * @return the result (the input itself when the rate is 0)
     */
    public NDArray dropout(NDArray x, float rate) {
        if (rate <= 0) {
            return x;
        }
        Shape shape = x.getShape();
        int n = Math.toIntExact(shape.size());
        int threshold = (int) Math.round(rate * 65536.0);
        float keep = 1f / (1f - rate);
        ByteBuffer bytes = scratch(n);
        FloatBuffer mask = bytes.asFloatBuffer();
        long bits = 0;
        for (int i = 0; i < n; i++) {
            if ((i & 3) == 0) {
                bits = dropoutRng.nextLong();
            }
            mask.put(i, (bits & 0xFFFF) < threshold ? 0f : keep);
            bits >>>= 16;
        }
        // The array made from the buffer is a view of it; copy it into native memory of its own so the
        // buffer can be reused and no direct buffer waits for the garbage collector.
        NDArray m = owned(manager, manager.create(bytes, shape, DataType.FLOAT32));
        return x.mul(compute == DataType.FLOAT32 ? m : m.toType(compute, false));
    }

    /**
     * Copies an array made from Java memory into memory of the engine's own allocator. Arrays made from
     * Java data are views of direct buffers, whose alignment varies from run to run (and with it the
     * rounding of some vectorised kernels) and whose memory waits for the garbage collector.
     *
     * @param manager the manager of the copy
     * @param view the array made from Java data
     * @return the copy
     */
    public static NDArray owned(NDManager manager, NDArray view) {
        try (view) {
            NDArray copy = view.duplicate();
            copy.attach(manager);
            return copy;
        }
    }

    /**
     * A float32 scalar in memory of the engine's own allocator, to multiply or divide by inside a graph
     * that is differentiated. DJL turns a Java number operand ({@code x.mul(2f)}, {@code x.div(n)},
     * {@code x.maximum(0f)}) into a scalar array that is a view of a direct buffer and closes it at once;
     * autograd keeps that view to compute the gradient of a product, a quotient or a maximum, and by the
     * time of the backward pass the garbage collector may have freed the buffer and the memory may hold
     * anything: the gradient is then silently wrong, and differs from run to run. Sums and differences
     * with a number are safe (their gradients do not read the operand).
     *
     * @param manager the manager of the scalar (the step's)
     * @param value the value
     * @return a 0-dimensional float32 array
     */
    public static NDArray scalar(NDManager manager, float value) {
        return owned(manager, manager.create(value));
    }

    /**
     * A float32 scalar in this batch's manager; see {@link #scalar(NDManager, float)}.
     *
     * @param value the value
     * @return a 0-dimensional float32 array
     */
    public NDArray scalar(float value) {
        return scalar(manager, value);
    }

    private static ByteBuffer scratch(int floats) {
        ByteBuffer b = SCRATCH.get();
        if (b == null || b.capacity() < floats * Float.BYTES) {
            b = ByteBuffer.allocateDirect(floats * Float.BYTES).order(ByteOrder.nativeOrder());
            SCRATCH.set(b);
        }
        b.clear();
        b.limit(floats * Float.BYTES);
        return b;
    }

    /**
     * Token ids as int64, (B, T).
     *
     * @return the ids
     */
    public NDArray tokens() {
        return tokens;
    }

    /**
     * Segment ids as int64, (B, T), or null when every token is in the first segment.
     *
     * @return the segment ids or null
     */
    public NDArray segments() {
        return segments;
    }

    /**
     * 1 for real tokens and 0 for padding, (B, T, 1).
     *
     * @return the mask
     */
    public NDArray padMask() {
        return padMask;
    }

    /**
     * 0 for real keys and a large negative score for padded keys, (B, 1, 1, T).
     *
     * @return the bias added to attention scores
     */
    public NDArray attentionBias() {
        return attentionBias;
    }

    /**
     * The batch size B.
     *
     * @return B
     */
    public int batchSize() {
        return batchSize;
    }

    /**
     * The sequence length T.
     *
     * @return T
     */
    public int seqLen() {
        return seqLen;
    }

    /**
     * The number of real (unpadded) tokens in the batch (the number of images in an image batch).
     *
     * @return the count
     */
    public float validTokens() {
        return validTokens;
    }
}
