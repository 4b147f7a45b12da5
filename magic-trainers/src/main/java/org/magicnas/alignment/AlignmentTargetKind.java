package org.magicnas.alignment;

/** What the sampled child's layer outputs are aligned with. */
public enum AlignmentTargetKind {
    /** A top-performing anchor child, replaced when a sampled child beats it on validation (MAGIC-A). */
    ANCHOR,
    /** The average outputs of C random children drawn at each step (the analysis of appendix A.2). */
    AVERAGE
}
