package org.magicnas.data.image;

import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.Output;
import org.tribuo.impl.ArrayExample;

/**
 * Names dense pixel features by position and reads them back by name.
 *
 * <p>Value {@code i} of a flattened image is the feature {@code px} followed by {@code i} in six
 * zero-padded digits: {@code px000000}, {@code px000001}, ... For a grey {@code rows x cols}
 * image, {@code i = y * cols + x}; for a CHW tensor of side {@code s}, {@code i = (c * s + y) *
 * s + x}. Zero padding keeps Tribuo's sorted-by-name feature order equal to position order. Every
 * position is written, zeros included, so a feature's id never depends on which pixels happened
 * to be non-zero; readers should still go through names, as {@link #decode} does.
 */
public final class PixelFeatures {

    /** The prefix of every pixel feature name. */
    public static final String PREFIX = "px";

    /** The number of digits after the prefix. */
    public static final int DIGITS = 6;

    /** One more than the largest index a name can hold. */
    public static final int MAX_COUNT = 1_000_000;

    private PixelFeatures() {}

    /**
     * Returns the name of one position.
     *
     * @param index the position, {@code 0 <= index < } {@value #MAX_COUNT}
     * @return e.g. {@code px000783}
     * @throws IllegalArgumentException if the index is out of range
     */
    public static String name(int index) {
        if (index < 0 || index >= MAX_COUNT) {
            throw new IllegalArgumentException("pixel index " + index + " outside 0.."
                    + (MAX_COUNT - 1));
        }
        String digits = Integer.toString(index);
        return PREFIX + "0".repeat(DIGITS - digits.length()) + digits;
    }

    /**
     * Returns the names of positions {@code 0 .. count - 1}.
     *
     * @param count the number of positions, at most {@value #MAX_COUNT}
     * @return a new array of names in position order
     * @throws IllegalArgumentException if the count is out of range
     */
    public static String[] names(int count) {
        if (count < 0 || count > MAX_COUNT) {
            throw new IllegalArgumentException("pixel count " + count + " outside 0.." + MAX_COUNT);
        }
        String[] names = new String[count];
        for (int i = 0; i < count; i++) {
            names[i] = name(i);
        }
        return names;
    }

    /**
     * Builds an example with one feature per value, zeros included.
     *
     * @param <T> the output type
     * @param output the example's output
     * @param names the result of {@link #names(int)} for {@code values.length} (shared, not
     *     modified)
     * @param values the flattened image
     * @return a new example
     * @throws IllegalArgumentException if the lengths differ
     */
    public static <T extends Output<T>> ArrayExample<T> encode(T output, String[] names,
            float[] values) {
        if (names.length != values.length) {
            throw new IllegalArgumentException(names.length + " names for " + values.length
                    + " values: expected equal lengths");
        }
        double[] doubles = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            doubles[i] = values[i];
        }
        return new ArrayExample<>(output, names, doubles);
    }

    /**
     * Reads pixel values back by name. Features whose names are not pixel names are ignored;
     * positions without a feature are 0.
     *
     * @param example the example
     * @param count the number of positions
     * @return {@code count} values, as floats
     * @throws IllegalArgumentException if a pixel feature's index is {@code >= count}
     */
    public static float[] decode(Example<?> example, int count) {
        float[] values = new float[count];
        for (Feature feature : example) {
            int index = indexOf(feature.getName());
            if (index < 0) {
                continue;
            }
            if (index >= count) {
                throw new IllegalArgumentException("example has pixel feature "
                        + feature.getName() + ", expected indices below " + count);
            }
            values[index] = (float) feature.getValue();
        }
        return values;
    }

    /**
     * Parses a pixel feature name.
     *
     * @param name a feature name
     * @return its position, or -1 if it is not a pixel name
     */
    public static int indexOf(String name) {
        if (name.length() != PREFIX.length() + DIGITS || !name.startsWith(PREFIX)) {
            return -1;
        }
        int index = 0;
        for (int i = PREFIX.length(); i < name.length(); i++) {
            char ch = name.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            index = index * 10 + (ch - '0');
        }
        return index;
    }
}
