/**
 * Path samplers: uniform sampling (SPOS) and the random walk of MAGIC-T, which changes exactly k
 * operators between consecutive steps. Every sampler's state can be saved and restored exactly. The
 * seeded generator and the per-epoch order of supervised batches live here too.
 */
package org.magicnas.sampling;
