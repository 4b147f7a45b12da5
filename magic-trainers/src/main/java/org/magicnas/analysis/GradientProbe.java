package org.magicnas.analysis;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import org.magicnas.data.MlmBatch;
import org.magicnas.space.Architecture;
import org.magicnas.supernet.EncoderOutput;
import org.magicnas.supernet.SuperNet;
import org.magicnas.train.BatchTensors;
import org.magicnas.train.Gradients;
import org.magicnas.train.MlmObjective;

/**
 * The gradient a child of a frozen super-net sends to its operators on one fixed batch: the masked-LM
 * loss of the child, without dropout, back-propagated through the whole path; the weights do not
 * move and every gradient is cleared afterwards.
 */
public final class GradientProbe {
    private final SuperNet net;
    private final NDManager manager;
    private final MlmBatch batch;

    /**
     * Creates a probe.
     *
     * @param net the super-net (its weights are read, never changed)
     * @param manager a manager under which each computation is scoped
     * @param batch the fixed batch every child sees
     */
    public GradientProbe(SuperNet net, NDManager manager, MlmBatch batch) {
        this.net = net;
        this.manager = manager;
        this.batch = batch;
    }

    /**
     * The flattened gradient on the operators a child chooses in the given layers, concatenated in
     * the order given.
     *
     * @param arch the child
     * @param layers layers from 0
     * @return the gradient
     */
    public float[] gradient(Architecture arch, int... layers) {
        List<Parameter> path = net.pathParameters(arch);
        try (NDManager sm = manager.newSubManager()) {
            BatchTensors bt = BatchTensors.of(sm, batch, 0);
            try (GradientCollector gc = Gradients.collect()) {
                EncoderOutput out = net.forward(arch, bt.context(), false, new int[0]);
                gc.backward(MlmObjective.loss(net.mlmLogits(bt.context(), out.output(), bt.positions()), bt.labels()));
            }
            List<float[]> parts = new ArrayList<>();
            int total = 0;
            for (int layer : layers) {
                for (Parameter p : net.operatorParameters(layer, arch.choice(layer))) {
                    NDArray g = p.getArray().getGradient();
                    g.attach(sm);
                    float[] f = g.toFloatArray();
                    parts.add(f);
                    total += f.length;
                }
            }
            for (Parameter p : path) {
                NDArray g = p.getArray().getGradient();
                g.attach(sm);
                g.set(new NDIndex("..."), 0f);
            }
            float[] flat = new float[total];
            int at = 0;
            for (float[] f : parts) {
                System.arraycopy(f, 0, flat, at, f.length);
                at += f.length;
            }
            return flat;
        }
    }

    /**
     * The cosine similarity of two vectors, {@code a.b / (|a| |b|)}, in double precision.
     *
     * @param a a vector
     * @param b a vector of the same length
     * @return the cosine, NaN if either is zero
     */
    public static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("gradients of different lengths: " + a.length + " and " + b.length);
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return na == 0 || nb == 0 ? Double.NaN : dot / Math.sqrt(na * nb);
    }
}
