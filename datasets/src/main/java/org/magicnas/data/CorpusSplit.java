package org.magicnas.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.logging.Logger;

/**
 * A split of a corpus into training, validation and test documents.
 *
 * <p>The split is by document, so no document contributes text to two parts.
 *
 * @param train the training documents
 * @param valid the validation documents
 * @param test the test documents
 */
public record CorpusSplit(List<Document> train, List<Document> valid, List<Document> test) {

    private static final Logger LOG = Logger.getLogger(CorpusSplit.class.getName());

    /**
     * Creates a split, copying the lists.
     *
     * @param train the training documents
     * @param valid the validation documents
     * @param test the test documents
     */
    public CorpusSplit {
        train = List.copyOf(train);
        valid = List.copyOf(valid);
        test = List.copyOf(test);
    }

    /**
     * Splits a corpus deterministically: the documents are sorted by id, shuffled with {@code
     * new java.util.Random(seed)}, then the first {@code round(testFraction * n)} go to test, the
     * next {@code round(validFraction * n)} to validation and the rest to training. Each part
     * keeps the shuffled order.
     *
     * @param corpus the corpus
     * @param validFraction fraction of documents for validation, in [0, 1)
     * @param testFraction fraction of documents for test, in [0, 1)
     * @param seed the shuffle seed
     * @return the split
     * @throws CorpusException if the fractions are out of range, or a part whose fraction is
     *     positive (training: {@code 1 - valid - test}) would be empty
     */
    public static CorpusSplit of(
            Corpus corpus, double validFraction, double testFraction, long seed) {
        int n = corpus.documents().size();
        if (!(validFraction >= 0 && testFraction >= 0 && validFraction + testFraction < 1)) {
            throw new CorpusException(
                    "split fractions valid=" + validFraction + " test=" + testFraction
                            + " are invalid: expected each >= 0 and valid + test < 1");
        }
        List<Document> docs = new ArrayList<>(corpus.documents());
        docs.sort(Comparator.comparing(Document::id));
        Collections.shuffle(docs, new Random(seed));
        int testCount = (int) Math.round(testFraction * n);
        int validCount = (int) Math.round(validFraction * n);
        int trainCount = n - testCount - validCount;
        if ((testFraction > 0 && testCount == 0)
                || (validFraction > 0 && validCount == 0)
                || trainCount < 1) {
            throw new CorpusException(
                    "corpus too small for the requested split: corpus '" + corpus.name()
                            + "' has " + n + " documents, valid=" + validFraction + " test="
                            + testFraction + " would give train/valid/test = " + trainCount + "/"
                            + validCount + "/" + testCount
                            + "; expected at least 1 document in every part with a positive"
                            + " fraction");
        }
        List<Document> test = docs.subList(0, testCount);
        List<Document> valid = docs.subList(testCount, testCount + validCount);
        List<Document> train = docs.subList(testCount + validCount, n);
        LOG.info(() -> "Split '" + corpus.name() + "' (" + n + " documents, seed " + seed
                + "): train " + trainCount + ", valid " + validCount + ", test " + testCount);
        return new CorpusSplit(train, valid, test);
    }
}
