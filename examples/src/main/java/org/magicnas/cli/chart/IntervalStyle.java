package org.magicnas.cli.chart;

/** How an {@link IntervalLineChart} draws the intervals of its series. */
public enum IntervalStyle {
    /** A vertical bar with caps at each point, from lower to upper ({@code XYErrorRenderer}). */
    BARS,
    /** A translucent band from lower to upper along the line ({@code DeviationRenderer}). */
    BAND
}
