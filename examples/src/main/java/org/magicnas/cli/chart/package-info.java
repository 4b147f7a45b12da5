/**
 * PNG charts of the analysis commands, drawn with JFreeChart (headless), next to the command line
 * so that the library modules carry no charting.
 *
 * <ul>
 *   <li>{@link org.magicnas.cli.chart.HeatmapChart}: a labelled square matrix as coloured cells
 *       ({@code XYBlockRenderer}) with each value written in its cell and a colour bar ({@code
 *       PaintScaleLegend}), e.g. gradient cosines between child models;
 *   <li>{@link org.magicnas.cli.chart.IntervalLineChart}: series of {@link
 *       org.magicnas.cli.chart.IntervalSeries} with error bars ({@code XYErrorRenderer}) or bands
 *       ({@code DeviationRenderer}), e.g. mean cosine against m, Kendall tau against k;
 *   <li>{@link org.magicnas.cli.chart.IntervalBarChart}: bars with asymmetric intervals ({@link
 *       org.magicnas.cli.chart.WhiskerBarRenderer}), e.g. Kendall tau per method with bootstrap
 *       intervals.
 * </ul>
 *
 * <p>{@link org.magicnas.cli.chart.ChartFiles} renders a chart and writes it atomically; the same
 * input gives the same bytes on one machine (no time stamp in the PNG). Invalid input fails fast
 * with an {@link java.lang.IllegalArgumentException} naming the offending value.
 */
package org.magicnas.cli.chart;
