package org.magicnas.data;

import java.util.List;

/** The BERT special tokens and their fixed ids at the start of every {@link Vocabulary}. */
public final class SpecialTokens {

    /** Padding token, id 0. */
    public static final String PAD = "[PAD]";
    /** Unknown-word token, id 1. */
    public static final String UNK = "[UNK]";
    /** Sequence-start token, id 2. */
    public static final String CLS = "[CLS]";
    /** Separator / sequence-end token, id 3. */
    public static final String SEP = "[SEP]";
    /** Mask token for masked language modelling, id 4. */
    public static final String MASK = "[MASK]";

    /** Id of {@link #PAD}. */
    public static final int PAD_ID = 0;
    /** Id of {@link #UNK}. */
    public static final int UNK_ID = 1;
    /** Id of {@link #CLS}. */
    public static final int CLS_ID = 2;
    /** Id of {@link #SEP}. */
    public static final int SEP_ID = 3;
    /** Id of {@link #MASK}. */
    public static final int MASK_ID = 4;

    /** All special tokens in id order. */
    public static final List<String> ALL = List.of(PAD, UNK, CLS, SEP, MASK);

    /** The first id that is not a special token. */
    public static final int FIRST_REGULAR_ID = ALL.size();

    private SpecialTokens() {}
}
