package org.magicnas.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Token rows for masked language modelling: each row is {@code [CLS] tokens... [SEP]}, unpadded,
 * at most {@code seqLen} ids long.
 *
 * @param ids the rows; row lengths vary from {@value #MIN_ROW_TOKENS} to {@code seqLen}
 * @param seqLen the maximum row length
 */
public record TokenSequences(int[][] ids, int seqLen) {

    /** The smallest row kept, counting {@code [CLS]} and {@code [SEP]}. */
    public static final int MIN_ROW_TOKENS = 3;

    /** The smallest allowed {@code seqLen}: room for {@code [CLS]}, 3 tokens and {@code [SEP]}. */
    public static final int MIN_SEQ_LEN = 5;

    /** About how many sentences are encoded per native call. */
    private static final int ENCODE_BATCH = 8192;

    private static final Logger LOG = Logger.getLogger(TokenSequences.class.getName());

    /**
     * Validates the rows.
     *
     * @param ids the rows
     * @param seqLen the maximum row length
     * @throws IllegalArgumentException if a row is longer than {@code seqLen}
     */
    public TokenSequences {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i].length > seqLen) {
                throw new IllegalArgumentException(
                        "row " + i + " has " + ids[i].length + " tokens: expected at most seqLen "
                                + seqLen);
            }
        }
    }

    /**
     * Packs documents into rows. Within each document, whole sentences are added greedily to
     * {@code [CLS] s1 s2 ... [SEP]} while the row stays within {@code seqLen}; a sentence longer
     * than {@code seqLen - 2} is cut into chunks of {@code seqLen - 2} tokens that are packed like
     * sentences. Rows never cross documents. Rows with fewer than {@value #MIN_ROW_TOKENS} tokens
     * are dropped. The order follows the documents and sentences.
     *
     * @param docs the documents
     * @param tokenizer the tokenizer
     * @param seqLen the maximum row length, at least {@value #MIN_SEQ_LEN}
     * @return the rows
     * @throws IllegalArgumentException if {@code seqLen} is below {@value #MIN_SEQ_LEN}
     */
    public static TokenSequences pack(List<Document> docs, TextTokenizer tokenizer, int seqLen) {
        if (seqLen < MIN_SEQ_LEN) {
            throw new IllegalArgumentException(
                    "seqLen " + seqLen + " is below the minimum " + MIN_SEQ_LEN);
        }
        Packer packer = new Packer(seqLen, tokenizer.clsId(), tokenizer.sepId());
        int from = 0;
        while (from < docs.size()) {
            // Encode several documents per native call; pack them one document at a time.
            int to = from;
            List<String> sentences = new ArrayList<>();
            while (to < docs.size() && (to == from || sentences.size() < ENCODE_BATCH)) {
                sentences.addAll(docs.get(to).sentences());
                to++;
            }
            List<int[]> encoded = tokenizer.encodeAll(sentences);
            int next = 0;
            for (int d = from; d < to; d++) {
                for (int s = 0; s < docs.get(d).sentences().size(); s++) {
                    packer.add(encoded.get(next++));
                }
                packer.flush();
            }
            from = to;
        }
        TokenSequences sequences =
                new TokenSequences(packer.rows.toArray(new int[0][]), seqLen);
        LOG.info(() -> String.format(Locale.ROOT, 
                "Packed %d documents into %d rows of at most %d tokens (%d tokens, %.1f%% fill)",
                docs.size(), sequences.size(), seqLen, sequences.tokenCount(),
                100.0 * sequences.tokenCount() / Math.max(1L, (long) sequences.size() * seqLen)));
        return sequences;
    }

    /**
     * Returns the number of rows.
     *
     * @return the row count
     */
    public int size() {
        return ids.length;
    }

    /**
     * Returns the total number of ids over all rows, {@code [CLS]} and {@code [SEP]} included.
     *
     * @return the token count
     */
    public long tokenCount() {
        long total = 0;
        for (int[] row : ids) {
            total += row.length;
        }
        return total;
    }

    /** Compares rows by content. */
    @Override
    public boolean equals(Object other) {
        return other instanceof TokenSequences s && seqLen == s.seqLen
                && Arrays.deepEquals(ids, s.ids);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.deepHashCode(ids) + seqLen;
    }

    @Override
    public String toString() {
        return "TokenSequences(" + ids.length + " rows, seqLen " + seqLen + ")";
    }

    /** Greedy packing state for one document at a time. */
    private static final class Packer {
        private final int body;
        private final int cls;
        private final int sep;
        private final List<int[]> rows = new ArrayList<>();
        private final int[] buffer;
        private int length;

        Packer(int seqLen, int cls, int sep) {
            this.body = seqLen - 2;
            this.cls = cls;
            this.sep = sep;
            this.buffer = new int[body];
        }

        void add(int[] sentence) {
            for (int from = 0; from < sentence.length; from += body) {
                int chunk = Math.min(body, sentence.length - from);
                if (length + chunk > body) {
                    flush();
                }
                System.arraycopy(sentence, from, buffer, length, chunk);
                length += chunk;
            }
        }

        void flush() {
            if (length + 2 >= MIN_ROW_TOKENS) {
                int[] row = new int[length + 2];
                row[0] = cls;
                System.arraycopy(buffer, 0, row, 1, length);
                row[length + 1] = sep;
                rows.add(row);
            }
            length = 0;
        }
    }
}
