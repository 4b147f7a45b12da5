package org.magicnas.cli.chart;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/** Pixel helpers for the chart tests. */
final class Pixels {
    private Pixels() {}

    static Color at(BufferedImage img, double x, double y) {
        return new Color(img.getRGB((int) Math.round(x), (int) Math.round(y)));
    }

    /** The darkest pixel of a row within +-1 px of x (a 1.5 px line may fall between pixels). */
    static Color darkestNear(BufferedImage img, double x, double y) {
        Color best = Color.WHITE;
        for (int dx = -1; dx <= 1; dx++) {
            Color c = at(img, x + dx, y);
            if (c.getRed() + c.getGreen() + c.getBlue() < best.getRed() + best.getGreen() + best.getBlue()) {
                best = c;
            }
        }
        return best;
    }

    /** The share of pixels in an area that are not white. */
    static double inked(BufferedImage img, Rectangle2D area) {
        int inked = 0;
        int all = 0;
        for (int y = (int) area.getMinY(); y < (int) area.getMaxY(); y++) {
            for (int x = (int) area.getMinX(); x < (int) area.getMaxX(); x++) {
                all++;
                if ((img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    inked++;
                }
            }
        }
        return inked / (double) all;
    }

    /** Whether two colours differ by at most tol in every channel. */
    static boolean near(Color a, Color b, int tol) {
        return Math.abs(a.getRed() - b.getRed()) <= tol && Math.abs(a.getGreen() - b.getGreen()) <= tol && Math.abs(a.getBlue() - b.getBlue()) <= tol;
    }
}
