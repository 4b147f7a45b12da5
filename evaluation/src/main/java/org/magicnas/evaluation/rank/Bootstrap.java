package org.magicnas.evaluation.rank;

import java.util.Objects;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * A percentile bootstrap over items (child models): each resample draws {@code n} child indices
 * uniformly with replacement and recomputes the statistic on the selected pairs.
 *
 * <p>Every call starts a fresh {@link SplittableRandom} from {@link #seed}, so a call is
 * reproducible, and two calls with the same configuration and {@code n} draw the same resampled
 * indices (common random numbers across statistics and methods).
 *
 * <p>Resamples whose statistic is NaN or infinite (e.g. Kendall's tau on a resample that happens
 * to be constant) are skipped. The interval bounds are the {@code (1-level)/2} and {@code
 * (1+level)/2} quantiles of the finite resample statistics, interpolated linearly between order
 * statistics (R's default, type 7: commons-math3's {@link Percentile} with {@link
 * EstimationType#R_7}); the standard error is their commons-math3 {@link StandardDeviation}.
 *
 * @param resamples the number of bootstrap resamples, at least 2
 * @param level the confidence level, in (0, 1)
 * @param seed the seed of the resampling generator
 */
public record Bootstrap(int resamples, double level, long seed) {

    /** The default number of resamples, 2000. */
    public static final int DEFAULT_RESAMPLES = 2000;

    /** The default confidence level, 0.95. */
    public static final double DEFAULT_LEVEL = 0.95;

    /**
     * Validates the configuration.
     *
     * @throws IllegalArgumentException if {@code resamples < 2} or {@code level} is not in (0, 1)
     */
    public Bootstrap {
        if (resamples < 2) {
            throw new IllegalArgumentException("resamples must be at least 2, got " + resamples);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
    }

    /**
     * A bootstrap with {@link #DEFAULT_RESAMPLES} resamples at {@link #DEFAULT_LEVEL}.
     *
     * @param seed the seed of the resampling generator
     * @return the bootstrap
     */
    public static Bootstrap withSeed(long seed) {
        return new Bootstrap(DEFAULT_RESAMPLES, DEFAULT_LEVEL, seed);
    }

    /**
     * Bootstraps {@code statistic(x, y)}; the estimate is the statistic on the full data.
     *
     * @param x the first sample, one value per child
     * @param y the second sample, paired with {@code x}
     * @param statistic the statistic, e.g. {@code RankCorrelation::kendallTauB}
     * @return the interval, standard error and number of finite resamples
     * @throws IllegalArgumentException if the lengths differ, {@code n < 2}, a value is NaN, the
     *     statistic on the full data is not finite, or fewer than half of the resamples (or fewer
     *     than 2) give a finite statistic
     */
    public BootstrapResult interval(double[] x, double[] y, Statistic statistic) {
        int n = Checks.paired("x", x, "y", y);
        Objects.requireNonNull(statistic, "statistic");
        double estimate = requireFinite(statistic.apply(x, y));
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[resamples];
        int finite = 0;
        int[] indices = new int[n];
        for (int r = 0; r < resamples; r++) {
            draw(random, indices);
            double value = statistic.apply(select(x, indices), select(y, indices));
            if (Double.isFinite(value)) {
                values[finite++] = value;
            }
        }
        return summarize(estimate, values, finite);
    }

    /**
     * The paired bootstrap of {@code statistic(estimateA, truth) - statistic(estimateB, truth)}:
     * within each resample both terms are computed on the <em>same</em> resampled children, so
     * the variation shared by the two methods cancels. A resample is skipped when either term is
     * not finite. Identical estimates give exactly {@code 0 [0, 0]}.
     *
     * @param truth the ground truth, one value per child
     * @param estimateA the first method's estimate, paired with {@code truth}
     * @param estimateB the second method's estimate, paired with {@code truth}
     * @param statistic the statistic, applied as {@code statistic(estimate, truth)}
     * @return the interval, standard error and number of finite resamples of the difference
     * @throws IllegalArgumentException if the lengths differ, {@code n < 2}, a value is NaN, the
     *     difference on the full data is not finite, or fewer than half of the resamples (or
     *     fewer than 2) give a finite difference
     */
    public BootstrapResult pairedDifference(double[] truth, double[] estimateA,
            double[] estimateB, Statistic statistic) {
        int n = Checks.paired("estimateA", estimateA, "truth", truth);
        Checks.paired("estimateB", estimateB, "truth", truth);
        Objects.requireNonNull(statistic, "statistic");
        double estimate = requireFinite(
                statistic.apply(estimateA, truth) - statistic.apply(estimateB, truth));
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[resamples];
        int finite = 0;
        int[] indices = new int[n];
        for (int r = 0; r < resamples; r++) {
            draw(random, indices);
            double[] t = select(truth, indices);
            double value = statistic.apply(select(estimateA, indices), t)
                    - statistic.apply(select(estimateB, indices), t);
            if (Double.isFinite(value)) {
                values[finite++] = value;
            }
        }
        return summarize(estimate, values, finite);
    }

    private static double requireFinite(double estimate) {
        if (!Double.isFinite(estimate)) {
            throw new IllegalArgumentException(
                    "the statistic on the full data is " + estimate + "; is a sample constant?");
        }
        return estimate;
    }

    private static void draw(SplittableRandom random, int[] indices) {
        for (int i = 0; i < indices.length; i++) {
            indices[i] = random.nextInt(indices.length);
        }
    }

    private static double[] select(double[] values, int[] indices) {
        double[] selected = new double[indices.length];
        for (int i = 0; i < indices.length; i++) {
            selected[i] = values[indices[i]];
        }
        return selected;
    }

    private BootstrapResult summarize(double estimate, double[] values, int finite) {
        if (finite < 2 || 2L * finite < resamples) {
            throw new IllegalArgumentException("only " + finite + " of " + resamples
                    + " bootstrap resamples gave a finite statistic (need at least half);"
                    + " is a sample (nearly) constant?");
        }
        Percentile quantiles = new Percentile().withEstimationType(EstimationType.R_7);
        quantiles.setData(values, 0, finite);
        double alpha = (1 - level) / 2;
        Interval interval = new Interval(estimate, quantiles.evaluate(100 * alpha),
                quantiles.evaluate(100 * (1 - alpha)), level);
        return new BootstrapResult(interval,
                new StandardDeviation().evaluate(values, 0, finite), finite);
    }
}
