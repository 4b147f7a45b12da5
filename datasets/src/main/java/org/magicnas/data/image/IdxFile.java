package org.magicnas.data.image;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The contents of an IDX file of unsigned bytes (the MNIST / Fashion-MNIST format).
 *
 * <p>Layout (all integers big-endian): two zero bytes, a data-type byte, the number of dimensions
 * {@code n}, {@code n} 32-bit dimension sizes, then exactly the product of the sizes in data
 * bytes. Only data type {@code 0x08} (unsigned byte) is accepted. A file whose first two bytes
 * are the gzip magic {@code 0x1f 0x8b} is decompressed first, whatever its name; offsets in
 * error messages then count decompressed bytes. A file with fewer or more data bytes than its
 * header promises is rejected.
 */
public final class IdxFile {

    /** The data-type byte of unsigned bytes, the only type read. */
    public static final int UNSIGNED_BYTE = 0x08;

    private static final int GZIP_MAGIC_0 = 0x1f;
    private static final int GZIP_MAGIC_1 = 0x8b;
    private static final int MAX_DATA = Integer.MAX_VALUE - 8;

    private final Path path;
    private final int[] dimensions;
    private final byte[] data;

    private IdxFile(Path path, int[] dimensions, byte[] data) {
        this.path = path;
        this.dimensions = dimensions;
        this.data = data;
    }

    /**
     * Reads and validates an IDX file, raw or gzipped.
     *
     * @param path the file
     * @return its contents
     * @throws ImageDataException naming the file if it is missing, unreadable, not IDX, of another
     *     data type than unsigned byte, truncated, or longer than its header promises
     */
    public static IdxFile read(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new ImageDataException("IDX file " + path.toAbsolutePath()
                    + " does not exist or is not a regular file");
        }
        boolean gzip = isGzip(path);
        String where = path.toAbsolutePath() + (gzip ? " (gzip-decompressed)" : "");
        try (InputStream raw = Files.newInputStream(path);
                InputStream in = gzip
                        ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16)
                        : new BufferedInputStream(raw, 1 << 16)) {
            return parse(path, where, in);
        } catch (EOFException | ZipException e) {
            throw new ImageDataException("IDX file " + where
                    + " is a damaged or truncated gzip stream: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ImageDataException("cannot read IDX file " + where + ": " + e, e);
        }
    }

    private static boolean isGzip(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return in.read() == GZIP_MAGIC_0 && in.read() == GZIP_MAGIC_1;
        } catch (IOException e) {
            throw new ImageDataException("cannot read IDX file " + path.toAbsolutePath() + ": " + e,
                    e);
        }
    }

    private static IdxFile parse(Path path, String where, InputStream in) throws IOException {
        byte[] magic = readHeader(in, 4, where, 0, "the 4-byte magic number");
        if (magic[0] != 0 || magic[1] != 0) {
            throw new ImageDataException("IDX file " + where + " is not an IDX file: bytes 0-1 are "
                    + hex(magic[0]) + " " + hex(magic[1]) + ", expected 0x00 0x00");
        }
        int type = magic[2] & 0xFF;
        if (type != UNSIGNED_BYTE) {
            throw new ImageDataException("IDX file " + where + " has data type " + hex(magic[2])
                    + " (" + typeName(type) + ") at offset 2, expected 0x08 (unsigned byte)");
        }
        int rank = magic[3] & 0xFF;
        if (rank == 0) {
            throw new ImageDataException("IDX file " + where
                    + " declares 0 dimensions at offset 3, expected at least 1");
        }
        byte[] sizes = readHeader(in, 4 * rank, where, 4, rank + " dimension sizes");
        int[] dims = new int[rank];
        long total = 1;
        for (int i = 0; i < rank; i++) {
            int o = 4 * i;
            dims[i] = (sizes[o] & 0xFF) << 24 | (sizes[o + 1] & 0xFF) << 16
                    | (sizes[o + 2] & 0xFF) << 8 | (sizes[o + 3] & 0xFF);
            if (dims[i] < 0) {
                throw new ImageDataException("IDX file " + where + " has dimension size "
                        + Integer.toUnsignedString(dims[i]) + " at offset " + (4 + o)
                        + ", expected at most " + Integer.MAX_VALUE);
            }
            total *= dims[i];
            if (total > MAX_DATA) {
                throw new ImageDataException("IDX file " + where + " has dimensions "
                        + shape(Arrays.copyOf(dims, i + 1)) + "... totalling over " + MAX_DATA
                        + " bytes, expected at most that many");
            }
        }
        int headerLength = 4 + 4 * rank;
        byte[] data = new byte[(int) total];
        int read = fill(in, data);
        if (read < data.length) {
            throw new ImageDataException("IDX file " + where + " is truncated: header (dimensions "
                    + shape(dims) + ") promises " + data.length + " data bytes after the "
                    + headerLength + "-byte header, found only " + read);
        }
        long trailing = countRest(in);
        if (trailing > 0) {
            throw new ImageDataException("IDX file " + where + " has " + trailing
                    + " trailing bytes at offset " + (headerLength + data.length)
                    + ": header (dimensions " + shape(dims) + ") promises exactly " + data.length
                    + " data bytes");
        }
        return new IdxFile(path, dims, data);
    }

    private static byte[] readHeader(InputStream in, int length, String where, int offset,
            String what) throws IOException {
        byte[] bytes = new byte[length];
        int read = fill(in, bytes);
        if (read < length) {
            throw new ImageDataException("IDX file " + where + " ends at offset " + (offset + read)
                    + " inside its header: expected " + what + " (" + length + " bytes) at offset "
                    + offset);
        }
        return bytes;
    }

    private static int fill(InputStream in, byte[] buffer) throws IOException {
        int n = 0;
        while (n < buffer.length) {
            int r = in.read(buffer, n, buffer.length - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        return n;
    }

    private static long countRest(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        long n = 0;
        int r;
        while ((r = in.read(buffer)) >= 0) {
            n += r;
        }
        return n;
    }

    private static String hex(byte b) {
        return String.format(Locale.ROOT, "0x%02X", b & 0xFF);
    }

    private static String typeName(int type) {
        return switch (type) {
            case 0x09 -> "signed byte";
            case 0x0B -> "16-bit integer";
            case 0x0C -> "32-bit integer";
            case 0x0D -> "32-bit float";
            case 0x0E -> "64-bit float";
            default -> "unknown type";
        };
    }

    private static String shape(int[] dims) {
        StringJoiner joiner = new StringJoiner("x");
        for (int d : dims) {
            joiner.add(Integer.toString(d));
        }
        return joiner.toString();
    }

    /**
     * Returns the file this was read from.
     *
     * @return the path
     */
    public Path path() {
        return path;
    }

    /**
     * Returns the dimension sizes from the header.
     *
     * @return a copy of the sizes, outermost first
     */
    public int[] dimensions() {
        return dimensions.clone();
    }

    /**
     * Returns the data bytes.
     *
     * @return a copy of the data (unsigned: read with {@code & 0xFF})
     */
    public byte[] data() {
        return data.clone();
    }

    /**
     * Interprets a three-dimensional file ({@code count x rows x cols}) as greyscale images.
     *
     * @return the images (sharing this file's data)
     * @throws ImageDataException naming the file if it does not have exactly three dimensions
     */
    public GreyImages images() {
        if (dimensions.length != 3) {
            throw new ImageDataException("IDX file " + path.toAbsolutePath() + " has "
                    + dimensions.length + " dimensions (" + shape(dimensions)
                    + "), expected 3 (count x rows x cols) for images");
        }
        return new GreyImages(dimensions[0], dimensions[1], dimensions[2], data);
    }

    /**
     * Interprets a one-dimensional file as labels.
     *
     * @return the labels, 0..255 each
     * @throws ImageDataException naming the file if it does not have exactly one dimension
     */
    public int[] labels() {
        if (dimensions.length != 1) {
            throw new ImageDataException("IDX file " + path.toAbsolutePath() + " has "
                    + dimensions.length + " dimensions (" + shape(dimensions)
                    + "), expected 1 (count) for labels");
        }
        int[] labels = new int[data.length];
        for (int i = 0; i < data.length; i++) {
            labels[i] = data[i] & 0xFF;
        }
        return labels;
    }

    @Override
    public String toString() {
        return "IdxFile(" + path + ", " + shape(dimensions) + ")";
    }
}
