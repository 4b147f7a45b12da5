/**
 * The search space: candidate operator kinds and their configurations, architectures (one operator
 * per layer) with a text form, parameter and FLOP counts, and the presets of the paper and of this
 * project. An image space adds an {@link org.magicnas.space.ImageLayout} (stem, stages, head) to
 * the same chain.
 */
package org.magicnas.space;
