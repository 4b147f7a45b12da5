package org.magicnas.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.magicnas.sampling.PathSampler;
import org.magicnas.sampling.SplitMix64;
import org.magicnas.space.Architecture;
import org.magicnas.space.CandidateMask;
import org.magicnas.space.SearchSpace;

/**
 * Progressive shrinking (NAS-BERT, the paper's search): each round scores children drawn uniformly
 * from the remaining space, scores every remaining (layer, candidate) choice by the mean loss of the
 * drawn children that contain it, and removes the worst few choices (never a layer's last, nor one
 * without which no child within the constraints would remain), until one child remains. Children
 * that break the constraints are not drawn, so the last child meets them. Every removal is returned, and
 * {@link #replay} rebuilds the remaining space from them.
 *
 * @param childrenPerRound children scored per round
 * @param deletionsPerRound choices removed per round (the paper removes 5)
 */
public record ProgressiveShrinking(int childrenPerRound, int deletionsPerRound) {
    private static final int MAX_DRAWS = 10_000;

    /** Validates the values. */
    public ProgressiveShrinking {
        if (childrenPerRound < 1 || deletionsPerRound < 1) {
            throw new IllegalArgumentException("children per round and deletions per round must be >= 1, got " + childrenPerRound + " and "
                    + deletionsPerRound);
        }
    }

    /**
     * One round.
     *
     * @param round the round number, from 1
     * @param mask the remaining space, shrunk in place
     * @param scorer the children's losses
     * @param constraints the size limits
     * @param rng the generator of the drawn children
     * @return the removals (none once one child remains)
     */
    public List<Deletion> round(int round, CandidateMask mask, ChildScorer scorer, Constraints constraints, SplitMix64 rng) {
        SearchSpace s = mask.space();
        double[][] sum = new double[s.layers()][s.choices()];
        int[][] count = new int[s.layers()][s.choices()];
        List<Architecture> drawn = new ArrayList<>();
        for (int draws = 0; drawn.size() < childrenPerRound && draws < MAX_DRAWS; draws++) {
            Architecture child = PathSampler.uniform(mask, rng);
            if (constraints.allows(child)) {
                drawn.add(child);
            }
        }
        double[] losses = scorer.losses(drawn);
        for (int k = 0; k < drawn.size(); k++) {
            for (int i = 0; i < s.layers(); i++) {
                sum[i][drawn.get(k).choice(i)] += losses[k];
                count[i][drawn.get(k).choice(i)]++;
            }
        }
        if (drawn.isEmpty()) {
            throw new IllegalStateException("no child of the remaining space meets the constraints");
        }
        List<Deletion> candidates = new ArrayList<>();
        for (int i = 0; i < s.layers(); i++) {
            for (int c : mask.remaining(i)) {
                // A choice that no drawn child within the limits contains is removed first.
                double score = count[i][c] > 0 ? sum[i][c] / count[i][c] : Double.POSITIVE_INFINITY;
                candidates.add(new Deletion(round, i, s.candidate(c).name(), score, count[i][c]));
            }
        }
        candidates.sort(Comparator.comparingDouble(Deletion::score).reversed().thenComparingInt(Deletion::layer)
                .thenComparing(Deletion::candidate));
        List<Deletion> removed = new ArrayList<>();
        for (Deletion d : candidates) {
            if (removed.size() == deletionsPerRound) {
                break;
            }
            int c = s.indexOf(d.candidate());
            if (mask.remaining(d.layer()).length > 1 && keepsAChildWithinLimits(mask, d.layer(), c, constraints)) {
                mask.remove(d.layer(), c);
                removed.add(d);
            }
        }
        if (removed.isEmpty() && mask.size().compareTo(java.math.BigInteger.ONE) > 0) {
            throw new IllegalStateException("no choice can be removed without losing every child within the constraints");
        }
        return removed;
    }

    private static boolean keepsAChildWithinLimits(CandidateMask mask, int layer, int candidate, Constraints constraints) {
        CandidateMask trial = mask.copy();
        trial.remove(layer, candidate);
        try {
            constraints.checkSatisfiable(trial);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Rebuilds the remaining space from a log of removals.
     *
     * @param space the space
     * @param deletions the removals, in order
     * @return the remaining space
     * @throws IllegalArgumentException if a removal names an unknown candidate or cannot be applied
     */
    public static CandidateMask replay(SearchSpace space, List<Deletion> deletions) {
        CandidateMask mask = new CandidateMask(space);
        for (Deletion d : deletions) {
            int c = space.indexOf(d.candidate());
            if (c < 0 || d.layer() < 0 || d.layer() >= space.layers()) {
                throw new IllegalArgumentException("removal " + d + " does not fit space " + space.name());
            }
            try {
                mask.remove(d.layer(), c);
            } catch (IllegalStateException e) {
                throw new IllegalArgumentException("removal " + d + " cannot be replayed: " + e.getMessage(), e);
            }
        }
        return mask;
    }
}
