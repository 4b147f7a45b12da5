package org.magicnas.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The Brown corpus read from the NLTK directory layout.
 *
 * <p>The directory holds {@code cats.txt}, whose lines are {@code <fileid> <category>}, and one
 * file per listed id. In a document file every non-blank line is one sentence of whitespace
 * separated {@code word/tag} tokens; the tag after the last {@code '/'} is stripped.
 */
public final class BrownCorpus implements Corpus {

    /** The name of the category index file. */
    public static final String CATEGORIES_FILE = "cats.txt";

    private static final Logger LOG = Logger.getLogger(BrownCorpus.class.getName());

    private final Path directory;
    private final List<Document> documents;
    private final String fingerprint;

    private BrownCorpus(Path directory, List<Document> documents) {
        this.directory = directory;
        this.documents = List.copyOf(documents);
        this.fingerprint = Fingerprints.of(this.documents);
    }

    /**
     * Reads every document listed in {@code dir/cats.txt}, in the order listed.
     *
     * @param dir the corpus directory
     * @return the corpus
     * @throws CorpusException if the directory or {@code cats.txt} is missing, a line of {@code
     *     cats.txt} is malformed, a listed file is missing or unreadable, or no sentences are found
     */
    public static BrownCorpus load(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            throw new CorpusException(
                    "Brown corpus directory " + (dir == null ? "null" : dir.toAbsolutePath())
                            + " does not exist: expected a directory with " + CATEGORIES_FILE);
        }
        Path cats = dir.resolve(CATEGORIES_FILE);
        if (!Files.isRegularFile(cats)) {
            throw new CorpusException(
                    "Brown corpus directory " + dir.toAbsolutePath() + " has no " + CATEGORIES_FILE
                            + ": expected the NLTK layout (cats.txt plus one file per document)");
        }
        Map<String, String> categories = readCategories(cats);
        List<Document> documents = new ArrayList<>(categories.size());
        long sentences = 0;
        for (Map.Entry<String, String> entry : categories.entrySet()) {
            Path file = dir.resolve(entry.getKey());
            if (!file.normalize().startsWith(dir.normalize())) {
                throw new CorpusException(
                        CATEGORIES_FILE + " in " + dir.toAbsolutePath() + " lists '"
                                + entry.getKey() + "': expected a file name inside the directory");
            }
            List<String> parsed = parseDocument(file);
            sentences += parsed.size();
            documents.add(new Document(entry.getKey(), entry.getValue(), parsed));
        }
        if (sentences == 0) {
            throw new CorpusException(
                    "Brown corpus at " + dir.toAbsolutePath() + " is empty: " + documents.size()
                            + " documents listed in " + CATEGORIES_FILE
                            + " but no sentences found; expected at least one");
        }
        final long sentenceCount = sentences;
        LOG.info(() -> "Loaded Brown corpus from " + dir.toAbsolutePath() + ": "
                + documents.size() + " documents, " + sentenceCount + " sentences");
        return new BrownCorpus(dir, documents);
    }

    /**
     * Parses one Brown document file: one sentence per non-blank line, tags stripped.
     *
     * @param file the document file
     * @return the sentences as plain text
     * @throws CorpusException if the file is missing or unreadable
     */
    static List<String> parseDocument(Path file) {
        List<String> sentences = new ArrayList<>();
        StringBuilder sentence = new StringBuilder();
        for (String line : TextFiles.readLines(file, "Brown document")) {
            sentence.setLength(0);
            for (String token : line.trim().split("\\s+")) {
                String word = stripTag(token);
                if (!word.isEmpty()) {
                    if (sentence.length() > 0) {
                        sentence.append(' ');
                    }
                    sentence.append(word);
                }
            }
            if (sentence.length() > 0) {
                sentences.add(sentence.toString());
            }
        }
        return sentences;
    }

    /**
     * Removes the part-of-speech tag after the last {@code '/'} of a {@code word/tag} token.
     *
     * @param token the token
     * @return the word, or the token itself if it has no {@code '/'}
     */
    static String stripTag(String token) {
        int slash = token.lastIndexOf('/');
        return slash < 0 ? token : token.substring(0, slash);
    }

    private static Map<String, String> readCategories(Path cats) {
        Map<String, String> categories = new LinkedHashMap<>();
        List<String> lines = TextFiles.readLines(cats, "Brown category index");
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\\s+");
            if (fields.length < 2) {
                throw new CorpusException(
                        cats.toAbsolutePath() + " line " + (i + 1) + " is '" + line
                                + "': expected '<fileid> <category>'");
            }
            if (categories.putIfAbsent(fields[0], fields[1]) != null) {
                throw new CorpusException(
                        cats.toAbsolutePath() + " line " + (i + 1) + " lists '" + fields[0]
                                + "' twice: expected each file id once");
            }
        }
        if (categories.isEmpty()) {
            throw new CorpusException(
                    "Brown category index " + cats.toAbsolutePath()
                            + " is empty: expected at least one '<fileid> <category>' line");
        }
        return categories;
    }

    /**
     * Returns the directory the corpus was read from.
     *
     * @return the corpus directory
     */
    public Path directory() {
        return directory;
    }

    /** {@inheritDoc} */
    @Override
    public String name() {
        return "brown";
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
        return "BrownCorpus(" + directory + ", " + documents.size() + " documents)";
    }
}
