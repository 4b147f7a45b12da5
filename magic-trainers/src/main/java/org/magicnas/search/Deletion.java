package org.magicnas.search;

/**
 * One choice removed by progressive shrinking.
 *
 * @param round the shrinking round, from 1
 * @param layer the layer, from 0
 * @param candidate the removed candidate's name
 * @param score the mean validation loss of the sampled children that contained it (infinite when none
 *     did: such choices go first)
 * @param children how many sampled children contained it
 */
public record Deletion(int round, int layer, String candidate, double score, int children) {}
