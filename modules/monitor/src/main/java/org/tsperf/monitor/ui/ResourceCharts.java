package org.tsperf.monitor.ui;

import java.awt.Dimension;
import java.util.Date;
import java.util.List;
import javax.swing.JComponent;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.time.FixedMillisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.openide.util.NbBundle;
import org.tsperf.api.monitor.ResourceSnapshot;
import org.tsperf.libs.jfreechart.ChartTheming;

/** The live CPU and memory time series of the monitor. Event thread only: JFreeChart datasets are not thread-safe. */
@NbBundle.Messages({
    "LBL_SeriesSystem=System",
    "LBL_SeriesThisApp=Timeline Studio",
    "LBL_SeriesRam=RAM",
    "LBL_SeriesHeap=Java heap",
    "LBL_CpuChart=CPU %",
    "LBL_MemoryChart=Memory %"
})
final class ResourceCharts {

    /** What the charts show; the service keeps more history than this. */
    static final long VISIBLE_MILLIS = 2 * 60 * 1000L;

    /** The time of the newest snapshot in the charts (event thread). */
    private java.time.Instant newest;
    private final TimeSeries cpuSystem = series(Bundle.LBL_SeriesSystem());
    private final TimeSeries cpuProcess = series(Bundle.LBL_SeriesThisApp());
    private final TimeSeries ram = series(Bundle.LBL_SeriesRam());
    private final TimeSeries heap = series(Bundle.LBL_SeriesHeap());
    private final JFreeChart cpuChart = chart(Bundle.LBL_CpuChart(), cpuSystem, cpuProcess);
    private final JFreeChart memoryChart = chart(Bundle.LBL_MemoryChart(), ram, heap);
    private final ChartPanel cpuPanel = panel(cpuChart, "cpuChart");
    private final ChartPanel memoryPanel = panel(memoryChart, "memoryChart");

    JComponent cpuPanel() {
        return cpuPanel;
    }

    JComponent memoryPanel() {
        return memoryPanel;
    }

    /** Adds the snapshots newer than the newest shown (the history since the window was last seen). */
    void addAll(List<ResourceSnapshot> snapshots) {
        for (ResourceSnapshot s : snapshots) {
            if (newest == null || s.time().isAfter(newest)) {
                add(s);
            }
        }
    }

    void add(ResourceSnapshot s) {
        if (newest == null || s.time().isAfter(newest)) {
            newest = s.time();
        }
        FixedMillisecond t = new FixedMillisecond(Date.from(s.time()));
        cpuSystem.addOrUpdate(t, s.cpu().systemPercent());
        cpuProcess.addOrUpdate(t, s.cpu().processPercent());
        ram.addOrUpdate(t, s.memory().physicalPercent());
        heap.addOrUpdate(t, s.memory().heapPercent());
    }

    int pointCount() {
        return cpuSystem.getItemCount();
    }

    void applyLookAndFeel() {
        ChartTheming.apply(cpuChart);
        ChartTheming.apply(memoryChart);
    }

    private static TimeSeries series(String name) {
        TimeSeries s = new TimeSeries(name);
        s.setMaximumItemAge(VISIBLE_MILLIS); // in periods; FixedMillisecond periods are milliseconds
        return s;
    }

    private static JFreeChart chart(String title, TimeSeries... series) {
        TimeSeriesCollection data = new TimeSeriesCollection();
        for (TimeSeries s : series) {
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createTimeSeriesChart(title, null, null, data, true, true, false);
        XYPlot plot = chart.getXYPlot();
        plot.getDomainAxis().setAutoRange(true);
        plot.getDomainAxis().setFixedAutoRange(VISIBLE_MILLIS);
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setRange(0, 100);
        range.setAutoRange(false);
        ChartTheming.apply(chart);
        return chart;
    }

    private static ChartPanel panel(JFreeChart chart, String name) {
        ChartPanel p = new ChartPanel(chart, false, false, false, false, true);
        p.setName(name);
        p.setPopupMenu(null);
        p.setMouseZoomable(false);
        p.setPreferredSize(new Dimension(360, 200));
        p.setMinimumSize(new Dimension(200, 140));
        return p;
    }
}
