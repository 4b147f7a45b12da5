package org.magicnas.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * A corpus read from a plain text file: every non-blank line is one document.
 *
 * <p>Document ids are {@code line-<n>} with {@code n} the 1-based line number; categories are
 * empty. A line is split into sentences after {@code .}, {@code !} or {@code ?} followed by
 * whitespace.
 */
public final class PlainTextCorpus implements Corpus {

    private static final Logger LOG = Logger.getLogger(PlainTextCorpus.class.getName());
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final Path file;
    private final List<Document> documents;
    private final String fingerprint;

    private PlainTextCorpus(Path file, List<Document> documents) {
        this.file = file;
        this.documents = List.copyOf(documents);
        this.fingerprint = Fingerprints.of(this.documents);
    }

    /**
     * Reads a text file, one document per non-blank line.
     *
     * @param file the text file
     * @return the corpus
     * @throws CorpusException if the file is missing, unreadable or has no non-blank line
     */
    public static PlainTextCorpus load(Path file) {
        List<String> lines = TextFiles.readLines(file, "text corpus");
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            List<String> sentences = splitSentences(lines.get(i));
            if (!sentences.isEmpty()) {
                documents.add(new Document("line-" + (i + 1), "", sentences));
            }
        }
        if (documents.isEmpty()) {
            throw new CorpusException(
                    "text corpus " + file.toAbsolutePath()
                            + " is empty: expected at least one non-blank line");
        }
        LOG.info(() -> "Loaded text corpus " + file.toAbsolutePath() + ": " + documents.size()
                + " documents");
        return new PlainTextCorpus(file, documents);
    }

    /**
     * Splits a line into sentences after {@code . ! ?} followed by whitespace; whitespace inside
     * a sentence is collapsed to single spaces.
     *
     * @param line the line
     * @return the non-empty sentences
     */
    static List<String> splitSentences(String line) {
        List<String> sentences = new ArrayList<>();
        for (String part : SENTENCE_END.split(line.strip())) {
            String sentence = SPACES.matcher(part.strip()).replaceAll(" ");
            if (!sentence.isEmpty()) {
                sentences.add(sentence);
            }
        }
        return sentences;
    }

    /** {@inheritDoc} Returns the file name. */
    @Override
    public String name() {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    /** {@inheritDoc} */
    @Override
    public List<Document> documents() {
        return documents;
    }

    /** {@inheritDoc} */
    @Override
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public String toString() {
        return "PlainTextCorpus(" + file + ", " + documents.size() + " documents)";
    }
}
