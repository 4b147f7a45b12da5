package org.magicnas.evaluation;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.magicnas.data.glue.GlueMetric;
import org.magicnas.data.glue.GlueTask;

/**
 * One task's score on one GLUE metric, and the GLUE average.
 *
 * <p>{@link #headline} picks the metric BERT and the MAGIC paper (Table 2) report: Matthews
 * correlation for CoLA, Spearman for STS-B and accuracy for every other task, MRPC and QQP
 * included ({@link #of} gives their F1 too). {@link #average} is the unweighted mean over the
 * given scores, x100, as in the paper's AVG column (which averages MNLI(-m), QQP, QNLI, CoLA,
 * SST-2, STS-B, RTE and MRPC).
 *
 * @param task the task
 * @param metric the metric
 * @param value the metric's value as a fraction (e.g. 0.843), not x100
 */
public record GlueScore(GlueTask task, GlueMetric metric, double value) {

    /**
     * Creates a score.
     *
     * @param task the task
     * @param metric the metric, one the task reports
     * @param value the value as a fraction
     * @throws IllegalArgumentException if the task does not report the metric
     */
    public GlueScore {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(metric, "metric");
        if (!task.metrics().contains(metric)) {
            throw new IllegalArgumentException(
                    "GLUE " + task.submissionName() + " is not scored by " + metric
                            + ": expected one of " + task.metrics());
        }
    }

    /**
     * Returns a task's headline score from an evaluation.
     *
     * @param task the task
     * @param evaluation an evaluation of the task's dev (or labelled test) data
     * @return the score on {@link GlueTask#metric()}
     * @throws IllegalArgumentException if the evaluation lacks that metric
     */
    public static GlueScore headline(GlueTask task, GlueEvaluation<?> evaluation) {
        return of(task, task.metric(), evaluation);
    }

    /**
     * Returns a task's score on a chosen metric from an evaluation.
     *
     * @param task the task
     * @param metric one of {@link GlueTask#metrics()}
     * @param evaluation the evaluation
     * @return the score
     * @throws IllegalArgumentException if the task does not report the metric or the evaluation
     *     lacks it
     */
    public static GlueScore of(GlueTask task, GlueMetric metric, GlueEvaluation<?> evaluation) {
        return new GlueScore(task, metric, evaluation.get(metric));
    }

    /**
     * Returns the value x100, as GLUE tables print it.
     *
     * @return the value in points
     */
    public double points() {
        return 100 * value;
    }

    /**
     * Averages scores into a GLUE score: the unweighted mean of their points.
     *
     * @param scores one score per task
     * @return the average x100
     * @throws IllegalArgumentException if there are no scores or a task appears twice
     */
    public static double average(Collection<GlueScore> scores) {
        if (scores.isEmpty()) {
            throw new IllegalArgumentException("no scores to average: expected at least one task");
        }
        Set<GlueTask> seen = EnumSet.noneOf(GlueTask.class);
        double sum = 0;
        for (GlueScore score : scores) {
            if (!seen.add(score.task())) {
                throw new IllegalArgumentException(
                        "GLUE " + score.task().submissionName()
                                + " appears twice: expected one score per task");
            }
            sum += score.points();
        }
        return sum / scores.size();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s %s %.1f", task.submissionName(),
                metric.metricName(), points());
    }
}
