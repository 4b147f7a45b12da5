package org.magicnas.data.image;

/**
 * A user-facing failure while locating, reading or decoding image data (IDX files, image
 * folders, image files).
 *
 * <p>The message is a single line that names the offending file or directory (with an offset,
 * index or value where one applies) and what was expected.
 */
public final class ImageDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a one-line message.
     *
     * @param message the message; line breaks are replaced by spaces
     */
    public ImageDataException(String message) {
        super(oneLine(message));
    }

    /**
     * Creates an exception with a one-line message and a cause.
     *
     * @param message the message; line breaks are replaced by spaces
     * @param cause the underlying failure
     */
    public ImageDataException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    private static String oneLine(String text) {
        if (text == null) {
            return "null";
        }
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
