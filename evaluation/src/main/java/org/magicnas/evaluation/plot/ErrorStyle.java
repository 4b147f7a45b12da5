package org.magicnas.evaluation.plot;

/** How a {@link LineChart} draws the error half-widths of its series. */
public enum ErrorStyle {
    /** A vertical bar with caps at each point, y +- error. */
    BARS,
    /** A translucent band between y - error and y + error along the line. */
    BAND
}
