package org.magicnas.data;

/**
 * A user-facing failure while locating, fetching or reading a corpus or tokenizer file.
 *
 * <p>The message is a single line that names the offending path or value and what was expected.
 */
public final class CorpusException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a one-line message.
     *
     * @param message the message; line breaks are replaced by spaces
     */
    public CorpusException(String message) {
        super(oneLine(message));
    }

    /**
     * Creates an exception with a one-line message and a cause.
     *
     * @param message the message; line breaks are replaced by spaces
     * @param cause the underlying failure
     */
    public CorpusException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    /**
     * Collapses line breaks and runs of whitespace into single spaces.
     *
     * @param text the text, may be null
     * @return the text on one line, or "null"
     */
    static String oneLine(String text) {
        if (text == null) {
            return "null";
        }
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
