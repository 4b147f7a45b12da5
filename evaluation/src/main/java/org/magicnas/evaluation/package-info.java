/**
 * Tribuo evaluators for the GLUE metrics, the GLUE score and top-k error.
 *
 * <p>{@link org.magicnas.evaluation.GlueLabelEvaluator} computes accuracy, the Matthews
 * correlation ({@link org.magicnas.evaluation.MatthewsCorrelation}, CoLA) and the F1 of the
 * positive class (MRPC, QQP) from Tribuo's confusion matrix; {@link
 * org.magicnas.evaluation.GlueRegressionEvaluator} computes Pearson and Spearman correlations
 * (STS-B) with commons-math3 through its own metric context ({@link
 * org.magicnas.evaluation.CorrelationContext}), since Tribuo's regression context is
 * package-private. {@link org.magicnas.evaluation.GlueScore} picks a task's headline metric as
 * BERT and the MAGIC paper report it and averages tasks into a GLUE score (x100).
 *
 * <p>{@link org.magicnas.evaluation.TopKLabelEvaluator} computes ImageNet-style top-k error
 * (top-1 and top-5 by default; {@link org.magicnas.evaluation.TopKError}) from the per-label
 * scores of predictions, reported as a {@link org.magicnas.evaluation.TopKLabelEvaluation}.
 */
package org.magicnas.evaluation;
