package org.magicnas.cli.chart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnit;
import org.jfree.chart.axis.TickUnitSource;
import org.jfree.chart.ui.RectangleEdge;

/**
 * A number axis that takes JFreeChart's automatic tick unit (the smallest whose labels do not
 * overlap) and then coarsens it to at most a given number of ticks, so that 14 px labels are not
 * packed edge to edge.
 */
final class NiceAxis extends NumberAxis {
    private static final long serialVersionUID = 1L;
    private final int maxTicks;

    /**
     * Creates the axis.
     *
     * @param label the axis label, or null
     * @param maxTicks the most ticks to show, at least 2
     */
    NiceAxis(String label, int maxTicks) {
        super(label);
        this.maxTicks = maxTicks;
        ChartStyle.axis(this);
    }

    @Override
    protected void selectAutoTickUnit(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        super.selectAutoTickUnit(g2, dataArea, edge);
        double span = getRange().getLength();
        TickUnitSource units = getStandardTickUnits();
        TickUnit unit = getTickUnit();
        while (span / unit.getSize() > maxTicks) {
            TickUnit larger = units.getLargerTickUnit(unit);
            if (larger.getSize() <= unit.getSize()) {
                break;
            }
            unit = larger;
        }
        setTickUnit((NumberTickUnit) unit, false, false);
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && o instanceof NiceAxis a && a.maxTicks == maxTicks;
    }

    @Override
    public int hashCode() {
        return super.hashCode() * 31 + maxTicks;
    }
}
