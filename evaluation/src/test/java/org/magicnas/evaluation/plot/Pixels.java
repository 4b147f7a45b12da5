package org.magicnas.evaluation.plot;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;

/** Pixel sampling helpers for the chart tests. */
final class Pixels {

    private Pixels() {}

    static Color at(BufferedImage img, double x, double y) {
        return new Color(img.getRGB((int) Math.floor(x), (int) Math.floor(y)) & 0xFFFFFF);
    }

    /** Counts pixels in a region whose channels are all at most {@code max} (dark pixels). */
    static int countDark(BufferedImage img, Rectangle r, int max) {
        int n = 0;
        for (int y = Math.max(0, r.y); y < Math.min(img.getHeight(), r.y + r.height); y++) {
            for (int x = Math.max(0, r.x); x < Math.min(img.getWidth(), r.x + r.width); x++) {
                Color c = new Color(img.getRGB(x, y) & 0xFFFFFF);
                if (c.getRed() <= max && c.getGreen() <= max && c.getBlue() <= max) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Counts pixels in a region whose channels are all at least {@code min} (light pixels). */
    static int countLight(BufferedImage img, Rectangle r, int min) {
        int n = 0;
        for (int y = r.y; y < r.y + r.height; y++) {
            for (int x = r.x; x < r.x + r.width; x++) {
                Color c = new Color(img.getRGB(x, y) & 0xFFFFFF);
                if (c.getRed() >= min && c.getGreen() >= min && c.getBlue() >= min) {
                    n++;
                }
            }
        }
        return n;
    }
}
