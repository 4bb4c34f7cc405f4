package org.tsperf.libs.jfreechart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import javax.swing.UIManager;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.title.LegendTitle;

/**
 * Gives JFreeChart charts the colours and fonts of the current look and feel (they default to white), so that every
 * window's charts look alike. Call on the event thread, again after a look-and-feel change.
 */
public final class ChartTheming {

    /** Series colours that read well on both FlatLaf Dark and Light. */
    private static final Color[] SERIES = {new Color(0x4A9EFF), new Color(0xF2994A), new Color(0x6FCF97), new Color(0xEB5757)};

    private ChartTheming() {
    }

    public static void apply(JFreeChart chart) {
        Color background = color("Panel.background", Color.DARK_GRAY);
        Color foreground = color("Label.foreground", Color.LIGHT_GRAY);
        Color grid = mix(background, foreground, 0.18);
        Font font = UIManager.getFont("Label.font");
        Font small = font == null ? new Font(Font.SANS_SERIF, Font.PLAIN, 11) : font.deriveFont(font.getSize2D() - 1f);

        chart.setBackgroundPaint(background);
        chart.setBorderVisible(false);
        if (chart.getTitle() != null) {
            chart.getTitle().setPaint(foreground);
            chart.getTitle().setFont(small.deriveFont(Font.BOLD));
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setBackgroundPaint(background);
            legend.setItemPaint(foreground);
            legend.setItemFont(small);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
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
            axis.setTickMarkPaint(grid);
        }
        XYItemRenderer renderer = plot.getRenderer();
        for (int i = 0; i < SERIES.length; i++) {
            renderer.setSeriesPaint(i, SERIES[i]);
            renderer.setSeriesStroke(i, new BasicStroke(1.6f));
        }
    }

    /**
     * Makes a chart panel draw at its own size, however small or large: by default a ChartPanel below 300x200 draws
     * at 300x200 and shrinks the picture (tiny, unreadable text in a short dock) and above 1024x768 stretches it.
     */
    public static void drawAtPanelSize(org.jfree.chart.ChartPanel panel) {
        panel.setMinimumDrawWidth(1);
        panel.setMinimumDrawHeight(1);
        panel.setMaximumDrawWidth(16_384);
        panel.setMaximumDrawHeight(16_384);
    }

    private static Color color(String key, Color fallback) {
        Color c = UIManager.getColor(key);
        return c == null ? fallback : new Color(c.getRGB());
    }

    private static Color mix(Color a, Color b, double t) {
        return new Color((int) (a.getRed() + (b.getRed() - a.getRed()) * t),
                (int) (a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) (a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }
}
