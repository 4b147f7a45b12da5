package org.magicnas.evaluation.plot;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.geom.Line2D;
import java.util.function.IntUnaryOperator;

/**
 * The frame shared by the line and bar charts: title, a numeric y axis with grid lines, an x-axis
 * title, and the plot rectangle left over for the data. The chart draws its own x tick labels in
 * a band of the height it asked for below the plot.
 */
final class PlotArea {

    static final int OUTER = 14;
    static final int TICK = 5;

    final Rectangle plot;
    final AxisTicks y;
    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final int xTickBand;

    private PlotArea(Rectangle plot, AxisTicks y, String title, String xLabel, String yLabel,
            int xTickBand) {
        this.plot = plot;
        this.y = y;
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.xTickBand = xTickBand;
    }

    /**
     * Lays out the frame.
     *
     * @param xTickBand the height the x tick labels need below the plot, given the plot width
     * @param rightPad extra room right of the plot (e.g. half the widest x tick label)
     */
    static PlotArea layout(Canvas c, String title, String xLabel, String yLabel, AxisTicks y,
            IntUnaryOperator xTickBand, int rightPad) {
        return layout(c, title, xLabel, yLabel, y, xTickBand, rightPad, 0);
    }

    /**
     * Lays out the frame with extra room between the title and the plot.
     *
     * @param topExtra pixels reserved above the plot, below the title (see {@link #extraTop})
     */
    static PlotArea layout(Canvas c, String title, String xLabel, String yLabel, AxisTicks y,
            IntUnaryOperator xTickBand, int rightPad, int topExtra) {
        PlotStyle s = c.style;
        int labelH = c.height(s.labelFont());
        int top = OUTER + (title.isBlank() ? 6 : c.height(s.titleFont()) + 14) + topExtra;
        int tickW = 0;
        for (String label : y.labels()) {
            tickW = Math.max(tickW, c.width(label, s.tickFont()));
        }
        int left = OUTER + (yLabel.isBlank() ? 0 : labelH + 10) + tickW + TICK + 5;
        int right = OUTER + rightPad;
        int width = Math.max(10, s.width() - left - right);
        int band = xTickBand.applyAsInt(width);
        int bottom = OUTER + (xLabel.isBlank() ? 0 : labelH + 8) + band;
        int height = Math.max(10, s.height() - top - bottom);
        return new PlotArea(new Rectangle(left, top, width, height), y, title, xLabel, yLabel,
                band);
    }

    /** Returns the top of the room reserved by {@code topExtra} in {@link #layout}. */
    int extraTop(Canvas c) {
        return OUTER + (title.isBlank() ? 6 : c.height(c.style.titleFont()) + 8);
    }

    /** Returns the pixel row of a y value. */
    double py(double v) {
        return plot.y + plot.height * (y.max() - v) / (y.max() - y.min());
    }

    /** Returns the pixel y just below the plot where x tick labels start. */
    int xTickTop() {
        return plot.y + plot.height + TICK + 4;
    }

    /** Draws a 1 px line snapped to the pixel grid. */
    static void hairline(Canvas c, double x1, double y1, double x2, double y2) {
        c.g.setStroke(new BasicStroke(1f));
        c.g.draw(new Line2D.Double(Math.round(x1) + 0.5, Math.round(y1) + 0.5,
                Math.round(x2) + 0.5, Math.round(y2) + 0.5));
    }

    /** Draws the title, y grid lines, y ticks and labels, and the axis titles. */
    void drawFrame(Canvas c) {
        PlotStyle s = c.style;
        if (!title.isBlank()) {
            int w = c.width(title, s.titleFont());
            double cx = plot.getCenterX();
            cx = Math.max(w / 2.0 + OUTER, Math.min(s.width() - w / 2.0 - OUTER, cx));
            c.text(title, s.titleFont(), PlotStyle.INK, cx, OUTER, 0.5, 0);
        }
        Font tick = s.tickFont();
        for (int i = 0; i < y.size(); i++) {
            double py = py(y.value(i));
            c.g.setColor(PlotStyle.GRID);
            hairline(c, plot.x, py, plot.x + plot.width, py);
            c.g.setColor(PlotStyle.INK);
            hairline(c, plot.x - TICK, py, plot.x, py);
            c.text(y.labels().get(i), tick, PlotStyle.INK, plot.x - TICK - 4, py, 1, 0.5);
        }
        if (!yLabel.isBlank()) {
            c.rotatedText(yLabel, s.labelFont(), PlotStyle.INK, OUTER, plot.getCenterY(),
                    -Math.PI / 2, 0.5, 0);
        }
        if (!xLabel.isBlank()) {
            c.text(xLabel, s.labelFont(), PlotStyle.INK, plot.getCenterX(),
                    plot.y + plot.height + xTickBand + 6, 0.5, 0);
        }
    }

    /** Draws the left and bottom axis lines, on top of the data. */
    void drawAxes(Canvas c) {
        c.g.setColor(PlotStyle.INK);
        int bottom = plot.y + plot.height;
        hairline(c, plot.x, plot.y, plot.x, bottom);
        hairline(c, plot.x, bottom, plot.x + plot.width, bottom);
    }
}
