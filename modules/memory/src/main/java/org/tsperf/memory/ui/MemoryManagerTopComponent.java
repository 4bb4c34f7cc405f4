package org.tsperf.memory.ui;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.GridLayout;
import java.time.Duration;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.SwingUtilities;
import javax.swing.table.DefaultTableModel;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.data.time.Millisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.netbeans.api.settings.ConvertAsProperties;
import org.openide.util.HelpCtx;
import org.openide.util.Lookup;
import org.openide.util.NbBundle.Messages;
import org.openide.windows.TopComponent;
import org.tsperf.api.memory.MemoryManager;
import org.tsperf.api.memory.MemoryStatistics;
import org.tsperf.api.memory.PoolStatistics;
import org.tsperf.api.memory.Priority;
import org.tsperf.api.util.ByteSizes;
import org.tsperf.libs.jfreechart.ChartTheming;
import org.tsperf.ui.support.FitOrScroll;
import org.tsperf.ui.support.FullTextTooltips;
import org.tsperf.ui.support.LiveSampler;
import org.tsperf.ui.support.LiveTopComponent;
import org.tsperf.ui.support.TableColumns;
import org.tsperf.ui.support.ReadOnlyTableModel;

/**
 * The Memory Manager: profile and budgets, the pools by size class, bytes lent by priority, the pressure level over
 * time and a "Free unused" action. Figures are read once a second on a background thread.
 */
@ConvertAsProperties(dtd = "-//org.tsperf.memory.ui//MemoryManager//EN", autostore = false)
@TopComponent.Description(preferredID = MemoryManagerTopComponent.ID, persistenceType = TopComponent.PERSISTENCE_ALWAYS)
@TopComponent.Registration(mode = "editor", openAtStartup = false, position = 510)
@Messages({
    "CTL_MemoryManagerTopComponent=Memory Manager",
    "HINT_MemoryManagerTopComponent=Buffer pools, budgets and memory pressure",
    "LBL_FreeUnused=Free unused",
    "HINT_FreeUnused=Take back idle buffers and give the pools' free buffers back to the system (Tools > Free Unused"
        + " Memory, Ctrl+Shift+F9)"
})
public final class MemoryManagerTopComponent extends LiveTopComponent {

    static final String ID = "MemoryManagerTopComponent";
    private static final Logger LOG = Logger.getLogger(MemoryManagerTopComponent.class.getName());

    /** The smallest size at which the figures, the table with its rows and the chart are all readable. */
    static final Dimension READABLE = new Dimension(700, 360);

    private final DefaultTableModel pools = new ReadOnlyTableModel("Buffer size", "In use", "Idle", "Free",
            "Capacity");
    private final JLabel profile = named("profileValue");
    private final JLabel pressure = named("pressureValue");
    private final JLabel budgets = named("budgetsValue");
    private final JLabel priorities = named("prioritiesValue");
    private final JLabel status = named("status");
    private final TimeSeries pressureSeries = new TimeSeries("Pressure");
    private final LiveSampler<Optional<MemoryStatistics>> live = new LiveSampler<>("tsperf-memory-viewer",
            Duration.ofSeconds(1), MemoryManagerTopComponent::sample, this::render);

    public MemoryManagerTopComponent() {
        sampleWhileShowing(live);
        setName(Bundle.CTL_MemoryManagerTopComponent());
        setToolTipText(Bundle.HINT_MemoryManagerTopComponent());
        pressureSeries.setMaximumItemAge(600_000);
        buildLayout();
    }

    private static JLabel named(String name) {
        JLabel l = new JLabel(" ");
        l.setName(name);
        return l;
    }

    private void buildLayout() {
        setLayout(new BorderLayout());
        JPanel figures = new JPanel(new GridLayout(0, 1, 0, 2));
        figures.add(profile);
        figures.add(pressure);
        figures.add(budgets);
        figures.add(priorities);
        JButton free = new JButton(Bundle.LBL_FreeUnused());
        free.setName("freeUnused");
        free.setToolTipText(Bundle.HINT_FreeUnused());
        free.addActionListener(e -> freeUnused());
        JPanel actions = new JPanel(new FlowLayout(FlowLayout.LEADING, 0, 0));
        actions.add(free);
        actions.add(Box.createHorizontalStrut(8));
        actions.add(status);
        figures.add(actions);

        JTable table = new JTable(pools);
        table.setName("poolsTable");
        table.setFillsViewportHeight(true);
        FullTextTooltips.install(table);
        TableColumns.keepHeadersWhole(table);
        JScrollPane tableScroll = new JScrollPane(table);
        tableScroll.setMinimumSize(new Dimension(300, 120));
        JFreeChart chart = ChartFactory.createTimeSeriesChart(null, null, null,
                new TimeSeriesCollection(pressureSeries), false, false, false);
        chart.getXYPlot().setRangeAxis(new SymbolAxis(null, new String[] {"normal", "elevated", "high", "critical"}));
        ChartTheming.apply(chart);
        ChartPanel chartPanel = new ChartPanel(chart);
        chartPanel.setName("pressureChart");
        ChartTheming.drawAtPanelSize(chartPanel);
        chartPanel.setMinimumSize(new Dimension(300, 120));
        JPanel centre = new JPanel(new GridLayout(1, 2, 8, 0));
        centre.add(tableScroll);
        centre.add(chartPanel);

        JPanel content = new JPanel(new BorderLayout(0, 6));
        content.setBorder(BorderFactory.createEmptyBorder(6, 8, 6, 8));
        content.add(figures, BorderLayout.NORTH);
        content.add(centre, BorderLayout.CENTER);
        add(FitOrScroll.wrap(content, READABLE), BorderLayout.CENTER);
    }

    /** The Free Unused Memory command; its outcome shows in this window. */
    private void freeUnused() {
        FreeUnusedMemoryAction.freeUnused().thenAccept(text -> SwingUtilities.invokeLater(() -> status.setText(text)));
    }

    /** On the sampler thread: the figures, or empty when the memory manager is not installed. */
    private static Optional<MemoryStatistics> sample() {
        MemoryManager m = Lookup.getDefault().lookup(MemoryManager.class);
        return m == null ? Optional.empty() : Optional.of(m.statistics());
    }

    private void render(Optional<MemoryStatistics> s) {
        s.ifPresentOrElse(this::show, () -> status.setText(Bundle.MSG_NoMemoryManager()));
    }

    /** The pools the table shows now (event thread). */
    private java.util.List<PoolStatistics> shownPools;

    private void show(MemoryStatistics s) {
        profile.setText(String.format(Locale.ROOT, "Profile: %s (heap %s, pools %s, cache %s)", s.profile().name(),
                ByteSizes.format(s.profile().heapBytes()), ByteSizes.format(s.profile().poolBytes()),
                ByteSizes.format(s.profile().cacheBytes())));
        pressure.setText("Pressure: " + s.pressure().name().toLowerCase(Locale.ROOT) + String.format(Locale.ROOT,
                " (machine %s available of %s, heap %s of %s)", ByteSizes.format(s.systemAvailableBytes()),
                ByteSizes.format(s.systemTotalBytes()), ByteSizes.format(s.heapUsedBytes()),
                ByteSizes.format(s.heapMaxBytes())));
        budgets.setText(String.format(Locale.ROOT, "Pools: %s used, %s allocated of %s; L1 cache budget %s;"
                + " waiting %d, timed out %d", ByteSizes.format(s.poolUsedBytes()),
                ByteSizes.format(s.poolCapacityBytes()), ByteSizes.format(s.poolBudgetBytes()),
                ByteSizes.format(s.cacheBudgetBytes()), s.waiting(), s.timedOut()));
        StringBuilder p = new StringBuilder("By priority:");
        for (Priority pr : Priority.values()) {
            p.append(' ').append(pr.name().toLowerCase(Locale.ROOT)).append(' ')
                    .append(ByteSizes.format(s.usedByPriority().getOrDefault(pr, 0L)));
        }
        priorities.setText(p.toString());
        for (JLabel l : new JLabel[] {profile, pressure, budgets, priorities}) {
            l.setToolTipText(l.getText()); // the whole line, where a narrow window cuts it
        }
        if (!s.pools().equals(shownPools)) { // the same pools: the table is not rebuilt (nor repainted)
            shownPools = s.pools();
            pools.setRowCount(0);
            for (PoolStatistics ps : s.pools()) {
                pools.addRow(new Object[] {ByteSizes.format(ps.bufferBytes()), ps.inUse(), ps.idle(), ps.free(),
                    ByteSizes.format(ps.capacityBytes())});
            }
        }
        pressureSeries.addOrUpdate(new Millisecond(new Date()), s.pressure().ordinal());
    }

    /** F1 and the help buttons open this window's page of the user guide (the help module maps the ID). */
    @Override
    public HelpCtx getHelpCtx() {
        return new HelpCtx("tsperf.memory");
    }


    void writeProperties(java.util.Properties p) {
        p.setProperty("version", "1.0");
    }

    void readProperties(java.util.Properties p) {
        // nothing to restore: the window shows live figures only
    }
}
