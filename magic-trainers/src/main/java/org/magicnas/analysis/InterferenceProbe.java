package org.magicnas.analysis;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.magicnas.sampling.SplitMix64;
import org.magicnas.space.Architecture;
import org.magicnas.space.OperatorSpec;
import org.magicnas.space.SearchSpace;

/**
 * The interference probe of section 3.2 and appendix A.3-A.4. A trial picks a shared operator o_g in
 * layer j (a random candidate, after random shared layers 1..j-1) and C children, one per candidate,
 * that share everything except layers j+1..j+m: in layer j+1 child i takes candidate i, in each
 * further differing layer a random permutation of the candidates, so every two children differ in all
 * m layers. Layers after j+m are random and shared. Each child's gradient on o_g's parameters (on
 * the probe's fixed batch) gives the C x C cosine-similarity matrix. Layers are 0-based here and
 * 1-based in reports, as in the paper.
 */
public final class InterferenceProbe {
    private final GradientProbe gradients;
    private final SearchSpace space;

    /**
     * One trial.
     *
     * @param layer the layer of o_g, from 0
     * @param m the number of layers in which the children differ
     * @param children the C children, child i with candidate i in layer {@code layer + 1}
     * @param cosine the C x C cosine similarities of their gradients on o_g
     */
    public record Trial(int layer, int m, List<Architecture> children, double[][] cosine) {
        /**
         * The mean of the off-diagonal cosines (the paper's "average interference").
         *
         * @return the mean
         */
        public double meanOffDiagonal() {
            double sum = 0;
            int n = 0;
            for (int i = 0; i < cosine.length; i++) {
                for (int k = 0; k < cosine.length; k++) {
                    if (i != k) {
                        sum += cosine[i][k];
                        n++;
                    }
                }
            }
            return sum / n;
        }
    }

    /**
     * The mean cosine matrix over trials, by the candidate in the first differing layer (Figure 2a).
     *
     * @param labels the candidates' names
     * @param mean the mean cosine of each pair
     * @param trials the number of trials
     */
    public record Matrix(List<String> labels, double[][] mean, int trials) {}

    /**
     * A point of a sweep: the mean over trials of the mean off-diagonal cosine.
     *
     * @param x m (for the m-sweep) or the 1-based layer j of o_g (for the layer sweep)
     * @param mean the mean
     * @param sd the standard deviation over trials
     * @param trials the number of trials
     */
    public record Point(int x, double mean, double sd, int trials) {
        /**
         * The half-width of a normal 95% interval of the mean.
         *
         * @return 1.96 sd / sqrt(trials)
         */
        public double halfWidth95() {
            return trials < 2 ? 0 : 1.96 * sd / Math.sqrt(trials);
        }
    }

    /**
     * Creates a probe.
     *
     * @param gradients the gradient source (super-net and batch)
     * @param space the space the children come from
     */
    public InterferenceProbe(GradientProbe gradients, SearchSpace space) {
        if (space.choices() < 2) {
            throw new IllegalArgumentException("the interference probe needs at least two candidates per layer, space " + space.name() + " has one");
        }
        this.gradients = gradients;
        this.space = space;
    }

    /**
     * Runs one trial.
     *
     * @param layer the layer of o_g, from 0
     * @param m the differing layers after it, at least 1
     * @param rng the source of the random choices
     * @return the trial
     * @throws IllegalArgumentException if layer + m goes past the last layer
     */
    public Trial trial(int layer, int m, SplitMix64 rng) {
        int n = space.layers();
        if (layer < 0 || m < 1 || layer + m >= n) {
            throw new IllegalArgumentException("o_g in layer " + (layer + 1) + " with " + m + " differing layers needs layer + m <= " + n + " (space "
                    + space.name() + ")");
        }
        int c = space.choices();
        int[] base = new int[n];
        for (int i = 0; i < n; i++) {
            base[i] = rng.nextInt(c);
        }
        int[][] perms = new int[m][];
        for (int d = 0; d < m; d++) {
            perms[d] = d == 0 ? identity(c) : rng.permutation(c);
        }
        List<Architecture> children = new ArrayList<>(c);
        List<float[]> grads = new ArrayList<>(c);
        for (int i = 0; i < c; i++) {
            int[] choices = base.clone();
            for (int d = 0; d < m; d++) {
                choices[layer + 1 + d] = perms[d][i];
            }
            Architecture a = new Architecture(space, choices);
            children.add(a);
            grads.add(gradients.gradient(a, layer));
        }
        double[][] cos = new double[c][c];
        for (int i = 0; i < c; i++) {
            cos[i][i] = 1;
            for (int k = i + 1; k < c; k++) {
                cos[i][k] = GradientProbe.cosine(grads.get(i), grads.get(k));
                cos[k][i] = cos[i][k];
            }
        }
        return new Trial(layer, m, children, cos);
    }

    /**
     * The mean cosine matrix of children differing in one layer (Figure 2a, 2b).
     *
     * @param layer the layer of o_g, from 0
     * @param repeats the number of trials
     * @param rng the source of the random choices
     * @return the matrix by candidate
     */
    public Matrix matrix(int layer, int repeats, SplitMix64 rng) {
        int c = space.choices();
        double[][] sum = new double[c][c];
        for (int r = 0; r < repeats; r++) {
            double[][] cos = trial(layer, 1, rng).cosine();
            for (int i = 0; i < c; i++) {
                for (int k = 0; k < c; k++) {
                    sum[i][k] += cos[i][k] / repeats;
                }
            }
        }
        return new Matrix(space.candidates().stream().map(OperatorSpec::name).toList(), sum, repeats);
    }

    /**
     * The mean off-diagonal cosine for m = 1..maxM differing layers (Figure 2c).
     *
     * @param layer the layer of o_g, from 0
     * @param maxM the largest m
     * @param repeats trials per m
     * @param rng the source of the random choices
     * @return one point per m
     */
    public List<Point> mSweep(int layer, int maxM, int repeats, SplitMix64 rng) {
        List<Point> out = new ArrayList<>();
        for (int m = 1; m <= maxM; m++) {
            double[] v = new double[repeats];
            for (int r = 0; r < repeats; r++) {
                v[r] = trial(layer, m, rng).meanOffDiagonal();
            }
            out.add(point(m, v));
        }
        return out;
    }

    /**
     * The mean off-diagonal cosine with o_g in each layer j that leaves m layers after it (Figure 8).
     *
     * @param m the differing layers
     * @param repeats trials per layer
     * @param rng the source of the random choices
     * @return one point per layer, x the 1-based layer
     */
    public List<Point> layerSweep(int m, int repeats, SplitMix64 rng) {
        List<Point> out = new ArrayList<>();
        for (int layer = 0; layer + m < space.layers(); layer++) {
            double[] v = new double[repeats];
            for (int r = 0; r < repeats; r++) {
                v[r] = trial(layer, m, rng).meanOffDiagonal();
            }
            out.add(point(layer + 1, v));
        }
        return out;
    }

    /** The mean and the sample standard deviation (n - 1; 0 for one trial) of the trials. */
    private static Point point(int x, double[] v) {
        return new Point(x, new Mean().evaluate(v), v.length > 1 ? new StandardDeviation().evaluate(v) : 0, v.length);
    }

    private static int[] identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        return p;
    }
}
