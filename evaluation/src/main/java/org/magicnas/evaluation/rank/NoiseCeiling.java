package org.magicnas.evaluation.rank;

import java.util.Objects;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * Whether the ground truth can rank the children at all: the same {@code m} children trained
 * stand-alone with two seeds, compared with each other.
 *
 * <p>The seed-vs-seed tau is a ceiling for any estimate judged against a single-seed ground
 * truth, and the spread-to-noise ratio says how far apart children are relative to the seed
 * noise. The ground truth {@linkplain #discriminates() discriminates} when the ratio exceeds
 * {@link #MIN_SPREAD_TO_NOISE} and the lower bound of the seed-vs-seed tau interval is above 0.
 *
 * @param children the number of children {@code m}
 * @param seedTau Kendall's tau-b between the two seeds, with its bootstrap interval over children
 * @param noiseSd the seed noise standard deviation of one run, {@code sd(seedA - seedB) /
 *     sqrt(2)} (sample standard deviation, denominator {@code m-1}, commons-math3's {@link
 *     StandardDeviation}, so a constant offset between the seeds does not count as noise)
 * @param spreadSd the between-child sample standard deviation of {@code (seedA + seedB) / 2};
 *     not corrected for the noise it contains (variance {@code noiseSd^2 / 2})
 * @param spreadToNoise {@code spreadSd / noiseSd}; infinite when {@code noiseSd} is 0 and
 *     {@code spreadSd} is not, NaN when both are 0
 */
public record NoiseCeiling(int children, BootstrapResult seedTau, double noiseSd,
        double spreadSd, double spreadToNoise) {

    /** The spread-to-noise ratio that {@link #discriminates()} requires to be exceeded, 2.0. */
    public static final double MIN_SPREAD_TO_NOISE = 2.0;

    /**
     * Validates the components.
     *
     * @throws NullPointerException if {@code seedTau} is null
     * @throws IllegalArgumentException if {@code children < 2}
     */
    public NoiseCeiling {
        Objects.requireNonNull(seedTau, "seedTau");
        if (children < 2) {
            throw new IllegalArgumentException("children must be at least 2, got " + children);
        }
    }

    /**
     * Compares the ground truth of two seeds.
     *
     * @param seedA the ground truth of each child from the first seed (larger is better)
     * @param seedB the ground truth of the same children, in the same order, from the second seed
     * @param bootstrap the bootstrap for the seed-vs-seed tau interval
     * @return the comparison
     * @throws IllegalArgumentException if the lengths differ, {@code m < 2}, a value is NaN, or
     *     the tau cannot be bootstrapped (e.g. a seed's values are constant)
     */
    public static NoiseCeiling of(double[] seedA, double[] seedB, Bootstrap bootstrap) {
        int m = Checks.paired("seedA", seedA, "seedB", seedB);
        Objects.requireNonNull(bootstrap, "bootstrap");
        double[] difference = new double[m];
        double[] mean = new double[m];
        for (int i = 0; i < m; i++) {
            difference[i] = seedA[i] - seedB[i];
            mean[i] = (seedA[i] + seedB[i]) / 2;
        }
        StandardDeviation sd = new StandardDeviation();
        double noiseSd = sd.evaluate(difference) / Math.sqrt(2);
        double spreadSd = sd.evaluate(mean);
        BootstrapResult seedTau = bootstrap.interval(seedA, seedB, RankCorrelation::kendallTauB);
        return new NoiseCeiling(m, seedTau, noiseSd, spreadSd, spreadSd / noiseSd);
    }

    /**
     * Whether the ground truth separates the children beyond seed noise: {@code spreadToNoise >
     * MIN_SPREAD_TO_NOISE} and the seed-vs-seed tau interval's lower bound is above 0.
     *
     * @return true if both conditions hold
     */
    public boolean discriminates() {
        return spreadToNoise > MIN_SPREAD_TO_NOISE && seedTau.interval().lower() > 0;
    }
}
