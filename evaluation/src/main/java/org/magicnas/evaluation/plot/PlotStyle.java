package org.magicnas.evaluation.plot;

import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.Objects;

/**
 * Image size, fonts and series colours shared by all charts.
 *
 * <p>{@link #defaults()} is 800 x 600 px, sans-serif, 18 px bold titles, 15 px axis labels, 14 px
 * tick labels, and the colour-blind-safe Okabe-Ito colours for series.
 *
 * @param width image width in pixels, 200 to 10000
 * @param height image height in pixels, 150 to 10000
 * @param fontFamily font family name (a logical name such as {@link Font#SANS_SERIF} is safest)
 * @param titleSize title font size in pixels, at least 6
 * @param labelSize axis-label and legend font size in pixels, at least 6
 * @param tickSize tick-label and annotation font size in pixels, at least 6
 * @param seriesColors colours of successive series, cycled; not empty
 */
public record PlotStyle(int width, int height, String fontFamily, int titleSize, int labelSize,
        int tickSize, List<Color> seriesColors) {

    /** Okabe-Ito colours without the yellow, which is hard to read on white. */
    private static final List<Color> OKABE_ITO = List.of(new Color(0x0072B2),
            new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7), new Color(0xE69F00),
            new Color(0x56B4E9), new Color(0x000000));

    /** Text, axis and frame colour. */
    static final Color INK = new Color(0x222222);
    /** Grid-line colour. */
    static final Color GRID = new Color(0xE3E3E3);

    /**
     * Creates a style.
     *
     * @param width image width in pixels
     * @param height image height in pixels
     * @param fontFamily font family name
     * @param titleSize title font size in pixels
     * @param labelSize axis-label font size in pixels
     * @param tickSize tick-label font size in pixels
     * @param seriesColors series colours, copied
     * @throws IllegalArgumentException if a size is out of range or no colour is given
     */
    public PlotStyle {
        if (width < 200 || width > 10_000) {
            throw new IllegalArgumentException("width must be in [200, 10000] px: " + width);
        }
        if (height < 150 || height > 10_000) {
            throw new IllegalArgumentException("height must be in [150, 10000] px: " + height);
        }
        Objects.requireNonNull(fontFamily, "fontFamily");
        if (fontFamily.isBlank()) {
            throw new IllegalArgumentException("fontFamily is blank");
        }
        checkFontSize("titleSize", titleSize);
        checkFontSize("labelSize", labelSize);
        checkFontSize("tickSize", tickSize);
        seriesColors = List.copyOf(seriesColors);
        if (seriesColors.isEmpty()) {
            throw new IllegalArgumentException("seriesColors is empty");
        }
    }

    private static void checkFontSize(String name, int size) {
        if (size < 6 || size > 200) {
            throw new IllegalArgumentException(name + " must be in [6, 200] px: " + size);
        }
    }

    /**
     * Returns the default style: 800 x 600 px, sans-serif 18/15/14 px, Okabe-Ito colours.
     *
     * @return the default style
     */
    public static PlotStyle defaults() {
        return new PlotStyle(800, 600, Font.SANS_SERIF, 18, 15, 14, OKABE_ITO);
    }

    /**
     * Returns this style with another image size.
     *
     * @param newWidth width in pixels
     * @param newHeight height in pixels
     * @return the resized style
     * @throws IllegalArgumentException if a size is out of range
     */
    public PlotStyle withSize(int newWidth, int newHeight) {
        return new PlotStyle(newWidth, newHeight, fontFamily, titleSize, labelSize, tickSize,
                seriesColors);
    }

    /**
     * Returns the colour of the i-th series, cycling through {@link #seriesColors()}.
     *
     * @param index the series index, from 0
     * @return its colour
     */
    public Color seriesColor(int index) {
        return seriesColors.get(Math.floorMod(index, seriesColors.size()));
    }

    Font titleFont() {
        return new Font(fontFamily, Font.BOLD, titleSize);
    }

    Font labelFont() {
        return new Font(fontFamily, Font.PLAIN, labelSize);
    }

    Font tickFont() {
        return new Font(fontFamily, Font.PLAIN, tickSize);
    }

    Font font(int size) {
        return new Font(fontFamily, Font.PLAIN, size);
    }
}
