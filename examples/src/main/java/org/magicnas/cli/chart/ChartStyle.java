package org.magicnas.cli.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The look shared by every chart: white background, sans-serif fonts (18 px bold title, 15 px axis
 * labels, 14 px ticks), light grey grid lines and the colour-blind-safe Okabe-Ito colours.
 */
final class ChartStyle {
    /** Okabe-Ito colours without the yellow, which is hard to read on white. */
    static final List<Color> SERIES = List.of(new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
            new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000));
    static final Color INK = new Color(0x222222);
    static final Color GRID = new Color(0xDDDDDD);
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final BasicStroke GRID_STROKE = new BasicStroke(1f);

    static {
        headless();
    }

    private ChartStyle() {}

    /** Sets {@code java.awt.headless=true} unless the JVM was started with a value: charts never need a display. */
    static void headless() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /**
     * The colour of the i-th series, cycling.
     *
     * @param i the series index
     * @return its colour
     */
    static Color series(int i) {
        return SERIES.get(Math.floorMod(i, SERIES.size()));
    }

    /**
     * Sets the background, title and legend fonts, and puts the legend (if any) below the plot,
     * where it covers no data. Axes, plots and renderers are styled where they are made.
     */
    static JFreeChart finish(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(8, 8, 8, 14));
        chart.getTitle().setFont(titleFont(chart.getTitle().getText()));
        chart.getTitle().setPaint(INK);
        chart.getTitle().setMargin(4, 0, 10, 0);
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setItemFont(LABEL);
            legend.setItemPaint(INK);
            legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 18));
            legend.setBackgroundPaint(Color.WHITE);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        return chart;
    }

    /** The bold title font, shrunk from 18 px (down to 13 px) until the title fits on one line of a 800 px chart. */
    static Font titleFont(String title) {
        Font f = TITLE;
        java.awt.font.FontRenderContext frc = new java.awt.font.FontRenderContext(null, true, true);
        while (f.getSize() > 13 && f.getStringBounds(title, frc).getWidth() > 770) {
            f = f.deriveFont((float) (f.getSize() - 1));
        }
        return f;
    }

    /** Axis fonts and colours. */
    static void axis(Axis axis) {
        axis.setLabelFont(LABEL);
        axis.setTickLabelFont(TICK);
        axis.setLabelPaint(INK);
        axis.setTickLabelPaint(INK);
        axis.setAxisLinePaint(INK);
        axis.setTickMarkPaint(INK);
    }

    /** Black or white text, whichever contrasts more with a background (WCAG relative luminance, threshold 0.179). */
    static Color textOn(Paint background) {
        if (!(background instanceof Color c)) {
            return Color.BLACK;
        }
        double l = 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
        return l > 0.179 ? Color.BLACK : Color.WHITE;
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
