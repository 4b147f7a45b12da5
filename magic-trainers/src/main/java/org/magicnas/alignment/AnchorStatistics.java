package org.magicnas.alignment;

/**
 * How the anchor comparisons of a run went: whether they resolve the gaps they decide on, and what they
 * cost. A comparison scores the sampled child and the anchor on the same validation batches; its
 * standard error is that of the mean per-batch loss difference.
 *
 * @param comparisons comparisons made
 * @param replacements replacements they caused
 * @param meanAbsGap the mean absolute child-anchor loss difference
 * @param meanStandardError the mean standard error of those differences (NaN with one batch)
 * @param comparisonSeconds time spent comparing (in this process)
 * @param trainingSeconds time spent in training steps (in this process)
 */
public record AnchorStatistics(long comparisons, long replacements, double meanAbsGap, double meanStandardError, double comparisonSeconds,
        double trainingSeconds) {

    /**
     * The comparisons' time as a share of the training steps' time.
     *
     * @return the overhead, 0 when nothing was timed
     */
    public double overhead() {
        return trainingSeconds > 0 ? comparisonSeconds / trainingSeconds : 0;
    }

    /**
     * One line for logs.
     *
     * @return the summary
     */
    public String describe() {
        return String.format(java.util.Locale.ROOT,
                "anchor comparisons %d (replacements %d): mean |child - anchor| %.4f, mean standard error %.4f (%.1f%% of it); overhead %.1f%% of"
                        + " training time", comparisons, replacements, meanAbsGap, meanStandardError, 100 * meanStandardError / meanAbsGap,
                100 * overhead());
    }
}
