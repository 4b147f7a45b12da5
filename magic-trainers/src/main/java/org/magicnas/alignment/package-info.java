/**
 * MAGIC-A: aligning the sampled child's layer outputs at block boundaries with those of an anchor
 * child (or, for the analysis of the paper's appendix A.2, with the average of C random children),
 * and the anchor's replacement policy.
 */
package org.magicnas.alignment;
