package org.magicnas.evaluation.plot;

import java.awt.Color;

/** A continuous colour map from a position in [0, 1] to a colour, linear between stops. */
public enum Palette {

    /**
     * Diverging blue - near white - red (ColorBrewer RdBu, reversed): low values blue, the middle
     * near white, high values red. Suited to signed values such as cosine similarities.
     */
    DIVERGING(0x053061, 0x2166AC, 0x4393C3, 0x92C5DE, 0xD1E5F0, 0xF7F7F7, 0xFDDBC7, 0xF4A582,
            0xD6604D, 0xB2182B, 0x67001F),

    /** Sequential viridis: dark purple (low) through teal to yellow (high). */
    SEQUENTIAL(0x440154, 0x482878, 0x3E4989, 0x31688E, 0x26828E, 0x1F9E89, 0x35B779, 0x6ECE58,
            0xB5DE2B, 0xFDE725);

    private final int[] stops;

    Palette(int... stops) {
        this.stops = stops;
    }

    /**
     * Returns the colour at a position of the map.
     *
     * @param t the position, clamped to [0, 1]: 0 is the bottom colour, 1 the top colour
     * @return the colour, interpolated linearly in RGB between the two nearest stops
     * @throws IllegalArgumentException if t is NaN
     */
    public Color at(double t) {
        if (Double.isNaN(t)) {
            throw new IllegalArgumentException("palette position is NaN");
        }
        double x = Math.min(1, Math.max(0, t)) * (stops.length - 1);
        int i = Math.min((int) Math.floor(x), stops.length - 2);
        double f = x - i;
        return new Color(mix(stops[i] >> 16, stops[i + 1] >> 16, f),
                mix(stops[i] >> 8, stops[i + 1] >> 8, f), mix(stops[i], stops[i + 1], f));
    }

    private static int mix(int a, int b, double f) {
        int lo = a & 0xFF;
        int hi = b & 0xFF;
        return (int) Math.round(lo + (hi - lo) * f);
    }
}
