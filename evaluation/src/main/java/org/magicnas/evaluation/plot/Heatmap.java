package org.magicnas.evaluation.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;

/**
 * A labelled C x C matrix drawn as coloured cells with a colour bar, each cell annotated with its
 * value (e.g. the gradient cosine similarity between the child models "MHA6", "FFN", "CONV3").
 * Annotations use the tick font, shrunk (down to 7 px) to fit the cells.
 *
 * <pre>{@code
 * Heatmap.builder(List.of("MHA6", "FFN", "CONV3"), cosine)
 *         .title("Gradient cosine similarity").range(-1, 1).colorBarLabel("cosine")
 *         .build()
 *         .write(Path.of("cosine.png"));
 * }</pre>
 *
 * <p>Row labels are drawn left of the matrix, column labels below it (slanted when too wide for a
 * cell). Values are coloured by a {@link ColorScale} over a given range or, by default, over
 * [smallest, largest] finite value; the annotation text is black or white, whichever contrasts
 * more with the cell. NaN cells are grey and read "n/a". Annotations are left out when cells are
 * too small to hold them.
 */
public final class Heatmap implements Chart {

    /** Colour of NaN cells. */
    static final Color MISSING = new Color(0xBDBDBD);

    private static final int OUTER = 14;
    private static final int BAR_GAP = 24;
    private static final int BAR_WIDTH = 20;
    private static final double SLANT = Math.PI / 4;

    private final List<String> labels;
    private final double[][] matrix;
    private final String title;
    private final ColorScale scale;
    private final String colorBarLabel;
    private final int decimals;
    private final boolean annotate;
    private final PlotStyle style;

    private Heatmap(Builder b) {
        this.labels = b.labels;
        this.matrix = b.matrix;
        this.title = b.title;
        this.scale = b.range == null ? ColorScale.auto(b.palette, matrix)
                : new ColorScale(b.palette, b.range[0], b.range[1]);
        this.colorBarLabel = b.colorBarLabel;
        this.decimals = b.decimals;
        this.annotate = b.annotate;
        this.style = b.style;
    }

    /**
     * Starts a heatmap of a square matrix.
     *
     * @param labels the names of the rows and (in the same order) the columns, at least one
     * @param matrix the values, labels.size() rows of labels.size() entries; finite or NaN; it is
     *     copied
     * @return a builder
     * @throws IllegalArgumentException if the matrix is not square, its size does not match the
     *     labels, a value is infinite, or no value is finite
     */
    public static Builder builder(List<String> labels, double[][] matrix) {
        return new Builder(labels, matrix);
    }

    /**
     * Returns the colour scale the cells are drawn with.
     *
     * @return the scale, over the given or automatic range
     */
    public ColorScale scale() {
        return scale;
    }

    /**
     * Returns the text colour that contrasts more with a background: black on light colours,
     * white on dark ones (WCAG relative luminance, threshold 0.179).
     *
     * @param background the cell colour
     * @return {@link Color#BLACK} or {@link Color#WHITE}
     */
    static Color textColorOn(Color background) {
        double l = 0.2126 * linear(background.getRed()) + 0.7152 * linear(background.getGreen())
                + 0.0722 * linear(background.getBlue());
        return l > 0.179 ? Color.BLACK : Color.WHITE;
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /** The pixel geometry of a rendering. */
    private record Frame(int gridX, int gridY, int cell, boolean slanted, AxisTicks barTicks) {
        int size(int n) {
            return cell * n;
        }
    }

    private Frame frame(Canvas c) {
        int n = labels.size();
        Font labelFont = style.labelFont();
        Font tickFont = style.tickFont();
        int labelH = c.height(labelFont);
        int rowW = 0;
        for (String label : labels) {
            rowW = Math.max(rowW, c.width(label, labelFont));
        }
        int top = OUTER + (title.isBlank() ? 6 : c.height(style.titleFont()) + 14);
        AxisTicks barTicks = AxisTicks.within(scale.min(), scale.max(), 7);
        int tickW = 0;
        for (String label : barTicks.labels()) {
            tickW = Math.max(tickW, c.width(label, tickFont));
        }
        int right = BAR_GAP + BAR_WIDTH + PlotArea.TICK + 4 + tickW
                + (colorBarLabel.isBlank() ? 0 : 10 + labelH);
        int availW = style.width() - 2 * OUTER - rowW - 8 - right;
        int bottom = labelH + 8;
        int cell = Math.max(1, Math.min(availW, style.height() - top - OUTER - bottom) / n);
        boolean slanted = rowW > cell - 4;
        if (slanted) {
            bottom = (int) Math.ceil(rowW * Math.sin(SLANT) + labelH * Math.cos(SLANT)) + 10;
            cell = Math.max(1, Math.min(availW, style.height() - top - OUTER - bottom) / n);
        }
        int grid = cell * n;
        int availH = style.height() - top - OUTER - bottom;
        int gridX = OUTER + (style.width() - 2 * OUTER - (rowW + 8 + grid + right)) / 2 + rowW + 8;
        int gridY = top + Math.max(0, (availH - grid) / 2);
        return new Frame(gridX, gridY, cell, slanted, barTicks);
    }

    /**
     * Returns the pixel bounds of a cell, as {@link #render()} draws it (for tests).
     *
     * @param row the row
     * @param col the column
     * @return the cell's rectangle
     */
    Rectangle cellBounds(int row, int col) {
        Canvas c = Canvas.create(style);
        Frame f = frame(c);
        c.finish();
        return new Rectangle(f.gridX + col * f.cell, f.gridY + row * f.cell, f.cell, f.cell);
    }

    @Override
    public BufferedImage render() {
        Canvas c = Canvas.create(style);
        Frame f = frame(c);
        int n = labels.size();
        int grid = f.size(n);
        if (!title.isBlank()) {
            int w = c.width(title, style.titleFont());
            double cx = f.gridX + grid / 2.0;
            cx = Math.max(w / 2.0 + OUTER, Math.min(style.width() - w / 2.0 - OUTER, cx));
            c.text(title, style.titleFont(), PlotStyle.INK, cx, OUTER, 0.5, 0);
        }
        drawCells(c, f);
        Font labelFont = style.labelFont();
        for (int i = 0; i < n; i++) {
            double centre = f.cell * (i + 0.5);
            c.text(labels.get(i), labelFont, PlotStyle.INK, f.gridX - 8, f.gridY + centre, 1, 0.5);
            if (f.slanted) {
                c.rotatedText(labels.get(i), labelFont, PlotStyle.INK, f.gridX + centre + 4,
                        f.gridY + grid + 6, -SLANT, 1, 0);
            } else {
                c.text(labels.get(i), labelFont, PlotStyle.INK, f.gridX + centre,
                        f.gridY + grid + 6, 0.5, 0);
            }
        }
        drawColorBar(c, f);
        return c.finish();
    }

    private void drawCells(Canvas c, Frame f) {
        int n = labels.size();
        String widest = Numbers.fixed(-Math.max(Math.abs(scale.min()), Math.abs(scale.max())),
                decimals);
        Font font = style.tickFont();
        for (int size = style.tickSize(); size > 7 && !fits(c, font, widest, f.cell); size--) {
            font = style.font(size - 1);
        }
        boolean fits = annotate && fits(c, font, widest, f.cell);
        for (int r = 0; r < n; r++) {
            for (int k = 0; k < n; k++) {
                double v = matrix[r][k];
                Color fill = Double.isNaN(v) ? MISSING : scale.colorOf(v);
                int x = f.gridX + k * f.cell;
                int y = f.gridY + r * f.cell;
                c.g.setColor(fill);
                c.g.fillRect(x, y, f.cell, f.cell);
                if (fits) {
                    String text = Double.isNaN(v) ? "n/a" : Numbers.fixed(v, decimals);
                    Color ink = Double.isNaN(v) ? PlotStyle.INK : textColorOn(fill);
                    c.text(text, font, ink, x + f.cell / 2.0, y + f.cell / 2.0, 0.5, 0.5);
                }
            }
        }
        if (f.cell >= 12) {
            c.g.setColor(Color.WHITE);
            for (int i = 1; i < n; i++) {
                int at = f.cell * i;
                c.g.fillRect(f.gridX + at, f.gridY, 1, f.size(n));
                c.g.fillRect(f.gridX, f.gridY + at, f.size(n), 1);
            }
        }
    }

    /** Whether a text fits a cell with a margin, leaving its edges free of text. */
    private static boolean fits(Canvas c, Font font, String text, int cell) {
        return c.width(text, font) <= cell - 6 && c.height(font) <= cell / 2;
    }

    private void drawColorBar(Canvas c, Frame f) {
        int x = f.gridX + f.size(labels.size()) + BAR_GAP;
        int y = f.gridY;
        int h = f.size(labels.size());
        double span = scale.max() - scale.min();
        for (int j = 0; j < h; j++) {
            c.g.setColor(scale.colorOf(scale.max() - (j + 0.5) / h * span));
            c.g.fillRect(x, y + j, BAR_WIDTH, 1);
        }
        c.g.setColor(PlotStyle.INK);
        c.g.setStroke(new BasicStroke(1f));
        c.g.draw(new Rectangle2D.Double(x - 0.5, y - 0.5, BAR_WIDTH + 1, h + 1));
        AxisTicks ticks = f.barTicks;
        int labelX = x + BAR_WIDTH + PlotArea.TICK + 4;
        int tickW = 0;
        for (int i = 0; i < ticks.size(); i++) {
            double py = y + h * (scale.max() - ticks.value(i)) / span;
            c.g.setColor(PlotStyle.INK);
            PlotArea.hairline(c, x + BAR_WIDTH, py, x + BAR_WIDTH + PlotArea.TICK, py);
            c.text(ticks.labels().get(i), style.tickFont(), PlotStyle.INK, labelX, py, 0, 0.5);
            tickW = Math.max(tickW, c.width(ticks.labels().get(i), style.tickFont()));
        }
        if (!colorBarLabel.isBlank()) {
            c.rotatedText(colorBarLabel, style.labelFont(), PlotStyle.INK, labelX + tickW + 10,
                    y + h / 2.0, -Math.PI / 2, 0.5, 0);
        }
    }

    /** Configures a {@link Heatmap}; every setter returns this builder. */
    public static final class Builder extends ChartBuilder<Builder> {

        private final List<String> labels;
        private final double[][] matrix;
        private double[] range;
        private Palette palette = Palette.DIVERGING;
        private String colorBarLabel = "";
        private int decimals = 2;
        private boolean annotate = true;

        private Builder(List<String> labels, double[][] matrix) {
            this.labels = List.copyOf(labels);
            Objects.requireNonNull(matrix, "matrix");
            int n = this.labels.size();
            if (n == 0) {
                throw new IllegalArgumentException("heatmap has no labels");
            }
            if (matrix.length != n) {
                throw new IllegalArgumentException("matrix has " + matrix.length + " rows but "
                        + n + " labels " + this.labels);
            }
            this.matrix = new double[n][];
            boolean anyFinite = false;
            for (int r = 0; r < n; r++) {
                if (matrix[r] == null || matrix[r].length != n) {
                    throw new IllegalArgumentException("matrix is not square: row " + r + " has "
                            + (matrix[r] == null ? "no" : String.valueOf(matrix[r].length))
                            + " columns, expected " + n);
                }
                for (int k = 0; k < n; k++) {
                    if (Double.isInfinite(matrix[r][k])) {
                        throw new IllegalArgumentException("matrix[" + r + "][" + k
                                + "] is infinite: " + matrix[r][k]);
                    }
                    anyFinite |= Double.isFinite(matrix[r][k]);
                }
                this.matrix[r] = matrix[r].clone();
            }
            if (!anyFinite) {
                throw new IllegalArgumentException("matrix has only NaN values");
            }
        }

        /**
         * Fixes the colour range (e.g. [-1, 1] for cosine similarities); values outside take the
         * end colours. By default the range is [smallest, largest] finite value.
         *
         * @param min the value of the bottom colour
         * @param max the value of the top colour, greater than min
         * @return this builder
         * @throws IllegalArgumentException if a bound is not finite or min &gt;= max
         */
        public Builder range(double min, double max) {
            new ColorScale(Palette.DIVERGING, min, max);
            this.range = new double[] {min, max};
            return this;
        }

        /**
         * Sets the colour map; {@link Palette#DIVERGING} by default.
         *
         * @param colors the palette
         * @return this builder
         */
        public Builder palette(Palette colors) {
            this.palette = Objects.requireNonNull(colors, "palette");
            return this;
        }

        /**
         * Sets the title of the colour bar, drawn rotated right of it.
         *
         * @param text the label; empty for none
         * @return this builder
         */
        public Builder colorBarLabel(String text) {
            this.colorBarLabel = Objects.requireNonNull(text, "colorBarLabel");
            return this;
        }

        /**
         * Sets the decimals of the cell annotations; 2 by default.
         *
         * @param digits digits after the point, 0 to 10
         * @return this builder
         * @throws IllegalArgumentException if digits is out of range
         */
        public Builder decimals(int digits) {
            if (digits < 0 || digits > 10) {
                throw new IllegalArgumentException("decimals must be in [0, 10]: " + digits);
            }
            this.decimals = digits;
            return this;
        }

        /**
         * Writes or omits each cell's value in the cell; on by default.
         *
         * @param show whether to annotate cells
         * @return this builder
         */
        public Builder annotate(boolean show) {
            this.annotate = show;
            return this;
        }

        /**
         * Builds the heatmap.
         *
         * @return the heatmap
         */
        public Heatmap build() {
            return new Heatmap(this);
        }
    }
}
