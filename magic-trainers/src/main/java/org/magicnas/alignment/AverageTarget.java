package org.magicnas.alignment;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;
import org.magicnas.sampling.PathSampler;
import org.magicnas.sampling.SplitMix64;
import org.magicnas.space.CandidateMask;
import org.magicnas.supernet.BatchContext;
import org.magicnas.supernet.SuperNet;

/**
 * The analysis variant of appendix A.2: the target at each boundary is the average output of C
 * children drawn uniformly at every step (equation 3) from what remains of the space.
 */
public final class AverageTarget implements AlignmentTarget {
    private final int children;
    private final CandidateMask mask;
    private final SplitMix64 rng;

    /**
     * Creates the target.
     *
     * @param children C
     * @param mask the live part of the space the children are drawn from
     * @param seed the seed of the children drawn
     */
    public AverageTarget(int children, CandidateMask mask, long seed) {
        this.children = children;
        this.mask = mask;
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
            List<NDArray> outs = AlignmentTarget.detached(net.keptOutputs(PathSampler.uniform(mask, rng), ctx, false, boundaries));
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
