/**
 * The paper's analyses: the gradient-interference probe of section 3 and appendix A (cosine
 * similarity of the gradients that children sharing an operator send to it), its online form during
 * super-net training, and the rank-correlation study of section 5.2 (a cached ground-truth panel of
 * stand-alone children against each method's super-net estimate), on any
 * {@link org.magicnas.analysis.StudyTask}.
 */
package org.magicnas.analysis;
