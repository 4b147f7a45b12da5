package org.magicnas.finetune;

import java.util.Objects;

/**
 * Tokenized examples for a downstream task: token ids and segment ids per example, and either class
 * indices or regression targets.
 *
 * @param ids token ids per example (starting with [CLS])
 * @param segments segment ids (0 or 1) per example, same lengths as {@code ids}
 * @param classes class index per example (classification), or null
 * @param targets target value per example (regression), or null
 */
public record SequenceData(int[][] ids, int[][] segments, int[] classes, float[] targets) {

    /** Validates the shapes. */
    public SequenceData {
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(segments, "segments");
        if (segments.length != ids.length) {
            throw new IllegalArgumentException(ids.length + " examples but " + segments.length + " segment rows");
        }
        for (int i = 0; i < ids.length; i++) {
            if (ids[i].length == 0 || ids[i].length != segments[i].length) {
                throw new IllegalArgumentException("example " + i + ": " + ids[i].length + " tokens, " + segments[i].length + " segment ids");
            }
        }
        if (classes != null && classes.length != ids.length || targets != null && targets.length != ids.length) {
            throw new IllegalArgumentException("labels do not match the " + ids.length + " examples");
        }
    }

    /**
     * The number of examples.
     *
     * @return the count
     */
    public int size() {
        return ids.length;
    }

    /**
     * The examples at the given indices, in that order.
     *
     * @param indices the indices
     * @return the subset
     */
    public SequenceData subset(int[] indices) {
        int[][] i2 = new int[indices.length][];
        int[][] s2 = new int[indices.length][];
        int[] c2 = classes == null ? null : new int[indices.length];
        float[] t2 = targets == null ? null : new float[indices.length];
        for (int k = 0; k < indices.length; k++) {
            int j = indices[k];
            i2[k] = ids[j];
            s2[k] = segments[j];
            if (c2 != null) {
                c2[k] = classes[j];
            }
            if (t2 != null) {
                t2[k] = targets[j];
            }
        }
        return new SequenceData(i2, s2, c2, t2);
    }
}
