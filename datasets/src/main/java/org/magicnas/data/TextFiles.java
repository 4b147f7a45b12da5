package org.magicnas.data;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;

/** Reads text files for the corpus readers, turning I/O failures into {@link CorpusException}. */
final class TextFiles {

    private static final Logger LOG = Logger.getLogger(TextFiles.class.getName());

    private TextFiles() {}

    /**
     * Reads all lines of a text file as UTF-8, falling back to ISO-8859-1 when the bytes are not
     * valid UTF-8.
     *
     * @param file the file
     * @param what a short description used in error messages, e.g. "Brown document"
     * @return the lines
     * @throws CorpusException if the file is missing or unreadable
     */
    static List<String> readLines(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new CorpusException(
                    what + " " + file.toAbsolutePath() + " is missing: expected a readable file");
        }
        try {
            try {
                return Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (CharacterCodingException e) {
                LOG.warning(() -> file + " is not valid UTF-8; reading it as ISO-8859-1");
                return Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            }
        } catch (IOException e) {
            throw new CorpusException(
                    "cannot read " + what + " " + file.toAbsolutePath() + ": " + e, e);
        }
    }
}
