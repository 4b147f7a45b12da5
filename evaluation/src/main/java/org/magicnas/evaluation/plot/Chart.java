package org.magicnas.evaluation.plot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/** A chart that renders itself to an image and writes itself as a PNG file. */
public interface Chart {

    /**
     * Renders the chart.
     *
     * @return a new RGB image of the configured {@link PlotStyle#width()} x {@link
     *     PlotStyle#height()}, white background
     */
    BufferedImage render();

    /**
     * Renders the chart and encodes it as PNG.
     *
     * @return the PNG bytes; the same chart always gives the same bytes
     */
    default byte[] toPng() {
        return PngFiles.encode(render());
    }

    /**
     * Renders the chart and writes it atomically as a PNG file (see {@link PngFiles#write}).
     *
     * @param png the file to create or replace; missing parent directories are created
     * @throws IOException if the file cannot be written; no partial file is left behind
     */
    default void write(Path png) throws IOException {
        PngFiles.write(render(), png);
    }
}
