package org.magicnas.data.glue;

import java.util.Objects;

/**
 * One validated row of a GLUE file.
 *
 * @param line the 1-based line number in the file
 * @param first the first (or only) text
 * @param second the second text of a pair task, or null for single-sentence tasks
 * @param label the gold label or score as written in the file, or null in test files
 * @param index the value of the task's index column, or null when the file has none
 */
public record GlueRecord(int line, String first, String second, String label, String index) {

    /**
     * Creates a record.
     *
     * @param line the 1-based line number
     * @param first the first text, never null
     * @param second the second text or null
     * @param label the label or null
     * @param index the index or null
     */
    public GlueRecord {
        Objects.requireNonNull(first, "first");
        if (line < 1) {
            throw new IllegalArgumentException("line " + line + " is below 1");
        }
    }
}
