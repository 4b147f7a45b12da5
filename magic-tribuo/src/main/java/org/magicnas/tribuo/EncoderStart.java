package org.magicnas.tribuo;

/** How the fine-tune trainer starts its encoder. */
public enum EncoderStart {
    /** With the saved encoder's weights (pre-trained, or taken from a super-net). */
    PRETRAINED,
    /** With the saved encoder's architecture only, freshly initialised. */
    SCRATCH
}
