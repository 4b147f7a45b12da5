package org.magicnas.train;

/**
 * A child's masked-LM result on validation data.
 *
 * @param loss mean cross entropy per masked token
 * @param accuracy the share of masked tokens predicted exactly
 * @param maskedTokens the number of masked tokens scored
 */
public record ChildScore(double loss, double accuracy, long maskedTokens) {}
