/**
 * Rank statistics for a neural architecture search "rank correlation" study: does a super-net's
 * estimate rank K child models the way their stand-alone ground truth does?
 *
 * <p>Conventions used throughout the package:
 *
 * <ul>
 *   <li>Larger values are better. Pass accuracies as they are and losses negated.
 *   <li>Paired arrays hold one value per child model, in the same child order; they must have
 *       the same length, at least 2 items, and no NaN values. Violations throw {@link
 *       java.lang.IllegalArgumentException} with a message naming the bad value.
 *   <li>All randomness comes from a caller-given {@code long} seed through {@link
 *       java.util.SplittableRandom}; nothing depends on global state, so every result is
 *       reproducible.
 * </ul>
 *
 * <p>Contents: {@link org.magicnas.evaluation.rank.RankCorrelation} (Kendall tau-b, Spearman rho,
 * precision at top k, mid-ranks); {@link org.magicnas.evaluation.rank.Bootstrap}, a percentile
 * bootstrap over children that yields {@link org.magicnas.evaluation.rank.BootstrapResult}s
 * holding an {@link org.magicnas.evaluation.rank.Interval}, including the paired bootstrap of the
 * difference between two estimates; {@link org.magicnas.evaluation.rank.NoiseCeiling}, which asks
 * whether two ground-truth seeds agree well enough for the ground truth to rank children at all;
 * and {@link org.magicnas.evaluation.rank.RankSummary}, the per-method summary row.
 */
package org.magicnas.evaluation.rank;
