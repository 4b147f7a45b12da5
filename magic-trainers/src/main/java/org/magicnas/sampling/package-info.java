/**
 * Path samplers: uniform sampling (SPOS) and the random walk of MAGIC-T, which changes exactly k
 * operators between consecutive steps. Every sampler's state can be saved and restored exactly.
 */
package org.magicnas.sampling;
