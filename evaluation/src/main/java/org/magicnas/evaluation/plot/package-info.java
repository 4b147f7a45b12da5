/**
 * Small, dependency-free PNG charts for the search-analysis report (java.awt only, headless).
 *
 * <p>Three charts, each built from an immutable builder and rendered by {@link
 * org.magicnas.evaluation.plot.Chart#render()} or written by {@link
 * org.magicnas.evaluation.plot.Chart#write(java.nio.file.Path)}:
 *
 * <ul>
 *   <li>{@link org.magicnas.evaluation.plot.Heatmap}: a labelled C x C matrix (e.g. the gradient
 *       cosine similarity between child models) with a colour bar and annotated cells;
 *   <li>{@link org.magicnas.evaluation.plot.LineChart}: named {@link
 *       org.magicnas.evaluation.plot.LineSeries} over shared x values, with error bars or bands
 *       (e.g. mean cosine similarity vs m, Kendall tau vs k);
 *   <li>{@link org.magicnas.evaluation.plot.BarChart}: categories with one or more {@link
 *       org.magicnas.evaluation.plot.BarSeries} and asymmetric error bars (e.g. bootstrap
 *       confidence intervals per method).
 * </ul>
 *
 * <p>Shared pieces: {@link org.magicnas.evaluation.plot.PlotStyle} (size, fonts, series colours),
 * {@link org.magicnas.evaluation.plot.AxisTicks} ("nice" 1-2-5 tick steps), {@link
 * org.magicnas.evaluation.plot.ColorScale} and {@link org.magicnas.evaluation.plot.Palette}
 * (value to colour) and {@link org.magicnas.evaluation.plot.PngFiles} (deterministic encoding,
 * atomic writes). Rendering uses no clock, randomness or platform state other than the installed
 * fonts, so the same input gives byte-identical PNGs on one machine. Invalid input fails fast
 * with an {@link java.lang.IllegalArgumentException} naming the offending value.
 */
package org.magicnas.evaluation.plot;
