package org.magicnas.evaluation.rank;

/** Descriptive statistics shared by the package. */
final class Descriptive {

    private Descriptive() {}

    /**
     * The sample standard deviation, with denominator {@code n - 1}.
     *
     * @param values at least 2 finite values
     * @return the standard deviation; exactly 0 for equal values
     */
    static double standardDeviation(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / (values.length - 1));
    }
}
