package org.magicnas.data;

import java.util.List;

/** A named, ordered collection of {@link Document}s. */
public interface Corpus {

    /**
     * Returns a short name for this corpus, used in logs and provenance.
     *
     * @return the corpus name
     */
    String name();

    /**
     * Returns the documents in a stable order.
     *
     * @return an unmodifiable list of documents
     */
    List<Document> documents();

    /**
     * Returns a stable content hash: hex SHA-256 over the document ids and sentences, in order.
     *
     * @return 64 lower-case hex digits
     * @see Fingerprints#of(List)
     */
    String fingerprint();
}
