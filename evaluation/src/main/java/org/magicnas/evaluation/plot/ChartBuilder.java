package org.magicnas.evaluation.plot;

import java.util.Objects;

/**
 * What every chart builder sets: a title and a style (size, fonts, colours). Setters return the
 * concrete builder.
 *
 * @param <B> the concrete builder
 */
public abstract class ChartBuilder<B extends ChartBuilder<B>> {
    String title = "";
    PlotStyle style = PlotStyle.defaults();

    ChartBuilder() {}

    @SuppressWarnings("unchecked")
    final B self() {
        return (B) this;
    }

    /**
     * Sets the title, drawn centred above the plot.
     *
     * @param text the title; empty for none
     * @return this builder
     */
    public B title(String text) {
        this.title = Objects.requireNonNull(text, "title");
        return self();
    }

    /**
     * Sets the style (size, fonts, colours); {@link PlotStyle#defaults()} by default.
     *
     * @param plotStyle the style
     * @return this builder
     */
    public B style(PlotStyle plotStyle) {
        this.style = Objects.requireNonNull(plotStyle, "style");
        return self();
    }

    /**
     * Sets the image size, keeping the rest of the style.
     *
     * @param width width in pixels
     * @param height height in pixels
     * @return this builder
     */
    public B size(int width, int height) {
        this.style = style.withSize(width, height);
        return self();
    }
}
