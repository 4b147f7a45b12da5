package org.magicnas.evaluation.plot;

import java.math.BigDecimal;
import java.util.Locale;

/** Locale-independent number formatting for labels. */
final class Numbers {

    private Numbers() {}

    /**
     * Formats a value with a fixed number of decimals, without a minus sign on zero.
     *
     * @param value a finite value
     * @param decimals digits after the point, 0 or more
     * @return e.g. {@code "0.93"} or {@code "-1.00"}, never {@code "-0.00"}
     */
    static String fixed(double value, int decimals) {
        String s = String.format(Locale.ROOT, "%." + decimals + "f", value);
        if (s.startsWith("-") && s.chars().noneMatch(c -> c >= '1' && c <= '9')) {
            return s.substring(1);
        }
        return s;
    }

    /**
     * Formats a value in its shortest plain decimal form.
     *
     * @param value a finite value
     * @return e.g. {@code "16"}, {@code "0.25"}
     */
    static String plain(double value) {
        if (value == 0) {
            return "0";
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
