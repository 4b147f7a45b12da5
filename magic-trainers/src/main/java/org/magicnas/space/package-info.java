/**
 * The search space: candidate operator kinds and their configurations, architectures (one operator
 * per layer) with a text form, parameter and FLOP counts, and the presets of the paper and of this
 * project.
 */
package org.magicnas.space;
