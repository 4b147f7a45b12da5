package org.magicnas.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.magicnas.device.Precision;

/**
 * Adam (with decoupled weight decay) that updates only the parameters of the trained path. DJL's
 * {@code Trainer.step()} updates every parameter that requires a gradient, so candidates that were
 * not sampled would drift through stale momentum and weight decay; here a parameter off the path, and
 * its moments and step count, stay bit-identical. Each parameter has its own step count for bias
 * correction, as in PyTorch and fairseq, where parameters without a gradient are skipped.
 *
 * <p>The global gradient norm over the path is clipped by rescaling, and the update of each
 * parameter is one fused native call. A step whose gradient is not finite is skipped (its gradients
 * are cleared and nothing moves), as fairseq does on overflow; more than {@value #MAX_SKIPPED} such
 * steps in a row stop training.
 *
 * <p>In mixed precision ({@link AdamSettings#precision()} other than fp32) the parameters, moments and
 * gradients stay fp32 (the master weights); the forward and backward passes use lower-precision copies
 * of the weights, whose gradients come back in fp32 ({@link org.magicnas.supernet.BatchContext#gradient}).
 * In fp16 the loss is multiplied by a dynamic scale before the backward pass so that small gradients do
 * not underflow, and the update divides it out (the clipping sees the true norm). A step whose scaled
 * gradient overflows is skipped and halves the scale; {@value #GROWTH_INTERVAL} finite steps in a row
 * double it (the rule of PyTorch's {@code GradScaler}, starting at 2^16). Such skips do not count as
 * divergence unless the scale falls below {@value #MIN_LOSS_SCALE}.
 */
public final class SinglePathAdam implements AutoCloseable {
    private final AdamSettings settings;
    private final NDManager manager;
    /** Non-finite steps in a row after which training stops. */
    public static final int MAX_SKIPPED = 5;
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(SinglePathAdam.class.getName());

    /** Finite fp16 steps in a row after which the loss scale doubles. */
    public static final int GROWTH_INTERVAL = 2000;
    /** The first fp16 loss scale. */
    public static final double INITIAL_LOSS_SCALE = 65536;
    /** The loss scale below which an overflowing fp16 training counts as diverged. */
    public static final double MIN_LOSS_SCALE = 1e-4;

    private final Map<Parameter, Moments> moments = new IdentityHashMap<>();
    private int skippedInARow;
    private double lossScale;
    private int finiteInARow;

    /**
     * Creates the optimizer.
     *
     * @param settings the constants
     * @param parent the manager under which the moments are kept
     */
    public SinglePathAdam(AdamSettings settings, NDManager parent) {
        this.settings = settings;
        this.manager = parent.newSubManager();
        this.lossScale = scaling() ? INITIAL_LOSS_SCALE : 1;
        settings.precision().checkEngine("precision", parent.getDevice());
    }

    /**
     * The precision of the forward and backward passes.
     *
     * @return fp32 unless the settings name another
     */
    public Precision precision() {
        return settings.precision();
    }

    /**
     * What the loss is multiplied by before the backward pass.
     *
     * @return 1 unless training in fp16
     */
    public double lossScale() {
        return lossScale;
    }

    private boolean scaling() {
        return settings.precision().needsLossScaling();
    }

    /**
     * Updates the path's parameters from their gradients and zeroes those gradients.
     *
     * @param path the parameters of the trained child
     * @param learningRate the scheduled rate
     * @param stepManager the step's manager, which takes the temporary arrays
     * @return the global gradient norm before clipping, with the loss scale divided out (not finite for a
     *     skipped step)
     * @throws ArithmeticException after more than {@value #MAX_SKIPPED} non-finite steps in a row (in
     *     fp16: once the loss scale falls below {@value #MIN_LOSS_SCALE})
     */
    public double step(List<Parameter> path, double learningRate, NDManager stepManager) {
        return step(path, p -> p.getArray().getGradient(), learningRate, stepManager);
    }

    /**
     * Updates the path's parameters from given gradients (in mixed precision: the fp32 gradients of
     * the weights' lower-precision copies, {@link org.magicnas.supernet.BatchContext#gradient}).
     *
     * @param path the parameters of the trained child
     * @param gradients each parameter's fp32 gradient, multiplied by {@link #lossScale()}
     * @param learningRate the scheduled rate
     * @param stepManager the step's manager, which takes the temporary arrays
     * @return the global gradient norm before clipping, with the loss scale divided out (not finite for a
     *     skipped step)
     * @throws ArithmeticException as {@link #step(List, double, NDManager)}
     */
    public double step(List<Parameter> path, Function<Parameter, NDArray> gradients, double learningRate, NDManager stepManager) {
        List<NDArray> grads = new ArrayList<>(path.size());
        NDList squares = new NDList(path.size());
        for (Parameter p : path) {
            NDArray g = gradients.apply(p);
            g.attach(stepManager);
            grads.add(g);
            squares.add(g.square().sum());
        }
        double norm = Math.sqrt(NDArrays.stack(squares).sum().getFloat()) / lossScale;
        if (!Double.isFinite(norm)) {
            for (NDArray g : grads) {
                g.set(new NDIndex("..."), 0f);
            }
            if (scaling()) {
                lossScale /= 2;
                finiteInARow = 0;
                if (lossScale < MIN_LOSS_SCALE) {
                    throw new ArithmeticException("the fp16 loss scale fell below " + MIN_LOSS_SCALE + ": training diverged (lower the learning rate)");
                }
                double s = lossScale;
                LOG.fine(() -> "fp16 gradient overflow: skipped the update, loss scale now " + s);
                return norm;
            }
            skippedInARow++;
            int n = skippedInARow;
            LOG.warning(() -> "skipped an update: the gradient norm is " + norm + " (" + n + " in a row)");
            if (skippedInARow > MAX_SKIPPED) {
                throw new ArithmeticException("gradient norm is " + norm + " in " + skippedInARow
                        + " steps in a row: training diverged (lower the learning rate)");
            }
            return norm;
        }
        skippedInARow = 0;
        double clip = settings.clipNorm();
        // The scale is divided out here, in the fused update (1 in fp32 and bf16: the same bits as without it).
        float rescale = (float) ((clip > 0 && norm > clip ? clip / (norm + 1e-6) : 1) / lossScale);
        for (int i = 0; i < path.size(); i++) {
            Parameter p = path.get(i);
            NDArray w = p.getArray();
            Moments m = moments.computeIfAbsent(p, k -> new Moments(manager.zeros(w.getShape()), manager.zeros(w.getShape())));
            m.count++;
            double correction = Math.sqrt(1 - Math.pow(settings.beta2(), m.count)) / (1 - Math.pow(settings.beta1(), m.count));
            w.getNDArrayInternal().adamUpdate(new NDList(w, grads.get(i), m.mean, m.variance), new NDList(w),
                    (float) learningRate, (float) (learningRate * correction), (float) settings.weightDecay(), rescale, -1f,
                    (float) settings.beta1(), (float) settings.beta2(), (float) settings.epsilon(), true, true);
        }
        if (scaling() && ++finiteInARow == GROWTH_INTERVAL) {
            lossScale *= 2;
            finiteInARow = 0;
        }
        return norm;
    }

    /**
     * The number of updates a parameter has received.
     *
     * @param p the parameter
     * @return its step count, 0 if never updated
     */
    public int updateCount(Parameter p) {
        Moments m = moments.get(p);
        return m == null ? 0 : m.count;
    }

    /**
     * The first moment of a parameter, for tests and analyses.
     *
     * @param p the parameter
     * @return the moment, or null if never updated
     */
    public NDArray mean(Parameter p) {
        Moments m = moments.get(p);
        return m == null ? null : m.mean;
    }

    /**
     * Writes the state of every parameter, identified by its index in {@code order}.
     *
     * @param order all parameters, in a fixed order
     * @param out the stream
     * @throws IOException if writing fails
     */
    public void save(List<Parameter> order, DataOutputStream out) throws IOException {
        out.writeInt(moments.size());
        for (int i = 0; i < order.size(); i++) {
            Moments m = moments.get(order.get(i));
            if (m != null) {
                out.writeInt(i);
                out.writeInt(m.count);
                writeArray(out, m.mean);
                writeArray(out, m.variance);
            }
        }
        if (scaling()) {
            out.writeDouble(lossScale);
            out.writeInt(finiteInARow);
        }
    }

    /**
     * Reads state written by {@link #save}, replacing the current state.
     *
     * @param order all parameters, in the same order as when saved
     * @param in the stream
     * @throws IOException if reading fails
     */
    public void load(List<Parameter> order, DataInputStream in) throws IOException {
        moments.values().forEach(Moments::close);
        moments.clear();
        int n = in.readInt();
        for (int j = 0; j < n; j++) {
            int index = in.readInt();
            if (index < 0 || index >= order.size()) {
                throw new IOException("optimizer state names parameter " + index + ", the super-net has " + order.size());
            }
            int count = in.readInt();
            Moments m = new Moments(readArray(in), readArray(in));
            m.count = count;
            moments.put(order.get(index), m);
        }
        if (scaling()) {
            lossScale = in.readDouble();
            finiteInARow = in.readInt();
        }
    }

    private void writeArray(DataOutputStream out, NDArray a) throws IOException {
        byte[] bytes = a.encode();
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private NDArray readArray(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return org.magicnas.supernet.BatchContext.owned(manager, NDArray.decode(manager, bytes));
    }

    @Override
    public void close() {
        manager.close();
    }

    private static final class Moments implements AutoCloseable {
        private final NDArray mean;
        private final NDArray variance;
        private int count;

        Moments(NDArray mean, NDArray variance) {
            this.mean = mean;
            this.variance = variance;
        }

        @Override
        public void close() {
            mean.close();
            variance.close();
        }
    }
}
