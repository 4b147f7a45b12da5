/**
 * Super-net training one child path at a time: the four methods (SPOS, MAGIC-T, MAGIC-A, MAGIC-AT),
 * the masked-LM objective, a single-path Adam step that leaves everything off the path untouched,
 * the learning-rate schedule, child evaluation and exact, atomic checkpoints.
 */
package org.magicnas.train;
