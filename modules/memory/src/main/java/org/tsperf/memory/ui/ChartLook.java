package org.tsperf.memory.ui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import javax.swing.UIManager;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;

/** Gives a JFreeChart chart the colours and fonts of the look and feel, as the Performance Monitor's charts. */
final class ChartLook {

    static final Color[] SERIES = {new Color(0x4A9EFF), new Color(0xF2994A), new Color(0x6FCF97), new Color(0xEB5757)};

    private ChartLook() {
    }

    static void apply(JFreeChart chart) {
        Color background = color("Panel.background", Color.DARK_GRAY);
        Color foreground = color("Label.foreground", Color.LIGHT_GRAY);
        Color grid = new Color((background.getRed() * 4 + foreground.getRed()) / 5,
                (background.getGreen() * 4 + foreground.getGreen()) / 5, (background.getBlue() * 4 + foreground.getBlue()) / 5);
        Font font = UIManager.getFont("Label.font");
        Font small = font == null ? new Font(Font.SANS_SERIF, Font.PLAIN, 11) : font.deriveFont(font.getSize2D() - 1f);
        chart.setBackgroundPaint(background);
        if (chart.getTitle() != null) {
            chart.getTitle().setPaint(foreground);
            chart.getTitle().setFont(small.deriveFont(Font.BOLD));
        }
        if (chart.getLegend() != null) {
            chart.getLegend().setBackgroundPaint(background);
            chart.getLegend().setItemPaint(foreground);
            chart.getLegend().setItemFont(small);
            chart.getLegend().setFrame(BlockBorder.NONE);
        }
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(background);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinePaint(grid);
        plot.setRangeGridlinePaint(grid);
        for (ValueAxis axis : new ValueAxis[] {plot.getDomainAxis(), plot.getRangeAxis()}) {
            axis.setTickLabelPaint(foreground);
            axis.setLabelPaint(foreground);
            axis.setTickLabelFont(small);
            axis.setLabelFont(small);
            axis.setAxisLinePaint(grid);
        }
        for (int i = 0; i < SERIES.length; i++) {
            plot.getRenderer().setSeriesPaint(i, SERIES[i]);
            plot.getRenderer().setSeriesStroke(i, new BasicStroke(1.6f));
        }
    }

    private static Color color(String key, Color fallback) {
        Color c = UIManager.getColor(key);
        return c == null ? fallback : new Color(c.getRGB());
    }
}
