package org.magicnas.evaluation.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/** A white RGB image with a configured graphics context and anchored text drawing. */
final class Canvas {

    final BufferedImage image;
    final Graphics2D g;
    final PlotStyle style;

    private Canvas(PlotStyle style) {
        this.style = style;
        this.image = new BufferedImage(style.width(), style.height(), BufferedImage.TYPE_INT_RGB);
        this.g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
                RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS,
                RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, style.width(), style.height());
    }

    /** Creates a white canvas of the style's size. */
    static Canvas create(PlotStyle style) {
        return new Canvas(style);
    }

    /** Returns the width of a text in a font. */
    int width(String text, Font font) {
        return g.getFontMetrics(font).stringWidth(text);
    }

    /** Returns the line height (ascent + descent) of a font. */
    int height(Font font) {
        FontMetrics m = g.getFontMetrics(font);
        return m.getAscent() + m.getDescent();
    }

    /**
     * Draws a text with its box anchored at (x, y).
     *
     * @param ax horizontal anchor: 0 left edge, 0.5 centre, 1 right edge at x
     * @param ay vertical anchor: 0 top, 0.5 middle, 1 bottom of the box at y
     */
    void text(String text, Font font, Color color, double x, double y, double ax, double ay) {
        FontMetrics m = g.getFontMetrics(font);
        float left = (float) (x - ax * m.stringWidth(text));
        float baseline = (float) (y - ay * (m.getAscent() + m.getDescent()) + m.getAscent());
        g.setFont(font);
        g.setColor(color);
        g.drawString(text, Math.round(left), Math.round(baseline));
    }

    /** Draws a text rotated by theta radians about (x, y), anchored as {@link #text}. */
    void rotatedText(String text, Font font, Color color, double x, double y, double theta,
            double ax, double ay) {
        AffineTransform saved = g.getTransform();
        g.translate(x, y);
        g.rotate(theta);
        text(text, font, color, 0, 0, ax, ay);
        g.setTransform(saved);
    }

    /** Releases the graphics context and returns the image. */
    BufferedImage finish() {
        g.dispose();
        return image;
    }
}
