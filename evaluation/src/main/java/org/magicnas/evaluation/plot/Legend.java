package org.magicnas.evaluation.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * A legend: boxed in the corner of the plot area that hides the least data, or as one row above
 * the plot.
 */
final class Legend {

    /** One legend line: a coloured key and a name; {@code swatch} draws a square, else a line. */
    record Entry(String name, Color color, boolean swatch) {}

    private static final int PAD = 8;
    private static final int KEY = 26;
    private static final int GAP = 6;
    private static final int MARGIN = 8;

    private final List<Entry> entries;

    Legend(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    private Rectangle size(Canvas c) {
        Font font = c.style.labelFont();
        int w = 0;
        for (Entry e : entries) {
            w = Math.max(w, c.width(e.name(), font));
        }
        int lineHeight = c.height(font) + 2;
        return new Rectangle(0, 0, 2 * PAD + KEY + GAP + w, 2 * PAD + lineHeight * entries.size());
    }

    /**
     * Picks the corner of the plot area (upper right, upper left, lower right, lower left, in
     * that order of preference) whose legend box overlaps the least area of the obstacles.
     */
    Rectangle place(Canvas c, Rectangle plot, List<Rectangle2D> obstacles) {
        Rectangle box = size(c);
        int left = plot.x + MARGIN;
        int right = plot.x + plot.width - MARGIN - box.width;
        int top = plot.y + MARGIN;
        int bottom = plot.y + plot.height - MARGIN - box.height;
        int[][] corners = {{right, top}, {left, top}, {right, bottom}, {left, bottom}};
        Rectangle best = null;
        double bestOverlap = Double.POSITIVE_INFINITY;
        for (int[] corner : corners) {
            Rectangle candidate = new Rectangle(corner[0], corner[1], box.width, box.height);
            double overlap = 0;
            for (Rectangle2D o : obstacles) {
                Rectangle2D cut = candidate.createIntersection(o);
                if (!cut.isEmpty()) {
                    overlap += Math.max(1, cut.getWidth() * cut.getHeight());
                }
            }
            if (overlap < bestOverlap - 1e-9) {
                best = candidate;
                bestOverlap = overlap;
            }
        }
        return best;
    }

    /** Returns the height of the legend laid out as one row ({@link #drawRow}). */
    int rowHeight(Canvas c) {
        return c.height(c.style.labelFont()) + 4;
    }

    /** Draws the legend as one unboxed row of entries centred on cx, its top at y. */
    void drawRow(Canvas c, double cx, double top) {
        Font font = c.style.labelFont();
        int spacing = 24;
        int total = -spacing;
        for (Entry e : entries) {
            total += KEY + GAP + c.width(e.name(), font) + spacing;
        }
        double x = cx - total / 2.0;
        double cy = top + rowHeight(c) / 2.0;
        for (Entry e : entries) {
            drawKey(c, e, x, cy);
            c.text(e.name(), font, PlotStyle.INK, x + KEY + GAP, cy, 0, 0.5);
            x += KEY + GAP + c.width(e.name(), font) + spacing;
        }
    }

    private static void drawKey(Canvas c, Entry e, double kx, double cy) {
        c.g.setColor(e.color());
        if (e.swatch()) {
            c.g.fill(new Rectangle2D.Double(kx + 6, cy - 7, 14, 14));
        } else {
            c.g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            c.g.draw(new Line2D.Double(kx, cy, kx + KEY, cy));
            c.g.fill(new Ellipse2D.Double(kx + KEY / 2.0 - 4, cy - 4, 8, 8));
        }
    }

    /** Draws the legend in a box previously returned by {@link #place}. */
    void draw(Canvas c, Rectangle box) {
        c.g.setColor(Color.WHITE);
        c.g.fill(box);
        c.g.setColor(new Color(0xBBBBBB));
        c.g.setStroke(new BasicStroke(1f));
        c.g.draw(new Rectangle2D.Double(box.x + 0.5, box.y + 0.5, box.width - 1,
                box.height - 1));
        Font font = c.style.labelFont();
        int lineHeight = c.height(font) + 2;
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            double cy = box.y + PAD + lineHeight * (i + 0.5);
            double kx = box.x + PAD;
            drawKey(c, e, kx, cy);
            c.text(e.name(), font, PlotStyle.INK, kx + KEY + GAP, cy, 0, 0.5);
        }
    }
}
