package org.magicnas.alignment;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;
import org.magicnas.sampling.PathSampler;
import org.magicnas.sampling.SplitMix64;
import org.magicnas.supernet.BatchContext;
import org.magicnas.supernet.SuperNet;

/**
 * The analysis variant of appendix A.2: the target at each boundary is the average output of C
 * children drawn uniformly at every step (equation 3).
 */
public final class AverageTarget implements AlignmentTarget {
    private final int children;
    private final SplitMix64 rng;

    /**
     * Creates the target.
     *
     * @param children C
     * @param seed the seed of the children drawn
     */
    public AverageTarget(int children, long seed) {
        this.children = children;
        this.rng = new SplitMix64(seed);
    }

    /**
     * The generator, whose state checkpoints save.
     *
     * @return the generator
     */
    public SplitMix64 rng() {
        return rng;
    }

    @Override
    public List<NDArray> outputs(SuperNet net, BatchContext ctx, int[] boundaries) {
        List<NDArray> sums = new ArrayList<>();
        for (int c = 0; c < children; c++) {
            List<NDArray> outs = net.keptOutputs(PathSampler.uniform(net.space(), rng), ctx, false, boundaries);
            for (int i = 0; i < outs.size(); i++) {
                if (c == 0) {
                    sums.add(outs.get(i));
                } else {
                    sums.set(i, sums.get(i).add(outs.get(i)));
                }
            }
        }
        List<NDArray> means = new ArrayList<>(sums.size());
        for (NDArray s : sums) {
            means.add(s.div(children));
        }
        return means;
    }
}
