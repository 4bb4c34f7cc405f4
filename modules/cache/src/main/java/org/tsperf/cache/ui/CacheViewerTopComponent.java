package org.tsperf.cache.ui;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.RowFilter;
import javax.swing.SwingUtilities;
import javax.swing.table.DefaultTableModel;
import javax.swing.table.TableRowSorter;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.data.time.Millisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.netbeans.api.settings.ConvertAsProperties;
import org.openide.util.HelpCtx;
import org.openide.util.Lookup;
import org.openide.util.NbBundle.Messages;
import org.openide.windows.TopComponent;
import org.tsperf.api.cache.CacheEntryInfo;
import org.tsperf.api.cache.CacheLevel;
import org.tsperf.api.cache.EntryType;
import org.tsperf.api.cache.LevelStatistics;
import org.tsperf.api.cache.MultiLevelCache;
import org.tsperf.api.util.ByteSizes;
import org.tsperf.libs.jfreechart.ChartTheming;
import org.tsperf.ui.support.FitOrScroll;
import org.tsperf.ui.support.FullTextTooltips;
import org.tsperf.ui.support.LiveSampler;
import org.tsperf.ui.support.LiveTopComponent;
import org.tsperf.ui.support.ReadOnlyTableModel;
import org.tsperf.ui.support.TableColumns;
import org.tsperf.ui.support.TextChanges;
import org.tsperf.ui.support.WrapLayout;

/**
 * The Cache Viewer: each level (location, size against budget, entries, hit rate), the hit rate over time of each
 * level and of all together, the entries filtered by key and type, clearing by level or type. Figures are gathered once a second on a background thread; the
 * view only renders them.
 */
@ConvertAsProperties(dtd = "-//org.tsperf.cache.ui//CacheViewer//EN", autostore = false)
@TopComponent.Description(preferredID = CacheViewerTopComponent.ID, persistenceType = TopComponent.PERSISTENCE_ALWAYS)
@TopComponent.Registration(mode = "editor", openAtStartup = false, position = 500)
@Messages({
    "CTL_CacheViewerTopComponent=Cache Viewer",
    "HINT_CacheViewerTopComponent=The frame cache in RAM and on disk: levels, hit rate, entries",
    "COL_Level=Level",
    "COL_Location=Location",
    "COL_Entries=Entries",
    "COL_SizeBudget=Size / budget",
    "COL_OnDisk=On disk",
    "COL_HitRate=Hit rate",
    "COL_Evictions=Evictions",
    "COL_Key=Key",
    "COL_Type=Type",
    "COL_Size=Size",
    "COL_LastAccess=Last access",
    "COL_Hits=Hits",
    "LBL_HitRateAxis=hit rate % (per second)",
    "LBL_Filter=Filter",
    "HINT_EntriesFilter=Show entries whose key contains this (a regular expression)",
    "HINT_EntriesTypeFilter=Show entries of this type only",
    "LBL_ClearLevel=Clear level",
    "LBL_ClearType=Clear type",
    "# {0} - bytes on disk, {1} - of which the index",
    "VAL_OnDisk={0} (index {1})",
    "VAL_InRam=in RAM",
    "# {0} - bytes of the entries, {1} - the level's budget",
    "VAL_SizeOfBudget={0} / {1}",
    "VAL_AllLevels=all levels",
    "VAL_AllTypes=all types",
    "# {0} - a hit rate in percent",
    "VAL_HitRate={0} %",
    "MSG_NoCacheService=The cache service is not installed",
    "MSG_Clearing=Clearing...",
    "# {0} - why",
    "MSG_ClearingFailed=Clearing failed: {0}",
    "# {0} - why",
    "MSG_CacheUnavailable=Cache unavailable: {0}"
})
public final class CacheViewerTopComponent extends LiveTopComponent {

    static final String ID = "CacheViewerTopComponent";
    private static final Logger LOG = Logger.getLogger(CacheViewerTopComponent.class.getName());
    private static final int ENTRY_ROWS = 500;
    static final String ALL_LEVELS = Bundle.VAL_AllLevels();
    static final String ALL_TYPES = Bundle.VAL_AllTypes();

    /** The smallest size at which the levels, the chart, the tools and some entries are all readable. */
    static final Dimension READABLE = new Dimension(780, 470);

    private final DefaultTableModel levels = readOnly(Bundle.COL_Level(), Bundle.COL_Location(), Bundle.COL_Entries(),
            Bundle.COL_SizeBudget(), Bundle.COL_OnDisk(), Bundle.COL_HitRate(), Bundle.COL_Evictions());
    private final DefaultTableModel entries = readOnly(Bundle.COL_Key(), Bundle.COL_Type(), Bundle.COL_Level(),
            Bundle.COL_Size(), Bundle.COL_LastAccess(), Bundle.COL_Hits());
    private final TableRowSorter<DefaultTableModel> entrySorter = new TableRowSorter<>(entries);
    private final JTextField filter = new JTextField(24);
    private final JLabel status = new JLabel(" ");
    /** Hit rate over each sampling interval: all levels together, then one series per level. */
    private final TimeSeriesCollection hitRates = new TimeSeriesCollection();
    private final JComboBox<CacheLevel> levelChoice = new JComboBox<>(CacheLevel.values());
    private final JComboBox<EntryType> typeChoice = new JComboBox<>(EntryType.values());
    private final JComboBox<String> typeFilter = new JComboBox<>(typeFilterChoices());
    private final LiveSampler<CacheView> live = new LiveSampler<>("tsperf-cache-viewer", Duration.ofSeconds(1),
            this::sample, this::render);
    /** The previous sample's counters, read and written on the sampler thread only. */
    private HitRateSampler rates = new HitRateSampler();
    /** The cache's modification count at the last sample (sampler thread only); -1: nothing read yet. */
    private long seenModifications = -1;
    /** Whether the last sample saw a change: one more sample follows, for what settles after it (index commits). */
    private boolean settling;

    public CacheViewerTopComponent() {
        setName(Bundle.CTL_CacheViewerTopComponent());
        setToolTipText(Bundle.HINT_CacheViewerTopComponent());
        sampleWhileShowing(live);
        hitRates.addSeries(series(ALL_LEVELS));
        for (CacheLevel level : CacheLevel.values()) {
            hitRates.addSeries(series(level.name()));
        }
        buildLayout();
    }

    private static TimeSeries series(String name) {
        TimeSeries s = new TimeSeries(name);
        s.setMaximumItemAge(600_000);
        return s;
    }

    private static String[] typeFilterChoices() {
        EntryType[] types = EntryType.values();
        String[] choices = new String[types.length + 1];
        choices[0] = ALL_TYPES;
        for (int i = 0; i < types.length; i++) {
            choices[i + 1] = types[i].name().toLowerCase(Locale.ROOT);
        }
        return choices;
    }

    private static DefaultTableModel readOnly(String... columns) {
        return new ReadOnlyTableModel((Object[]) columns);
    }

    private void buildLayout() {
        setLayout(new BorderLayout());
        JTable levelTable = new JTable(levels);
        levelTable.setName("levelsTable");
        FullTextTooltips.install(levelTable);
        TableColumns.widths(levelTable, 50, 260, 60, 150, 180, 70, 70);
        JScrollPane levelScroll = new JScrollPane(levelTable);
        // exactly the header and the three levels: the table never scrolls, nor takes room from the chart
        int levelsHeight = levelTable.getTableHeader().getPreferredSize().height
                + CacheLevel.values().length * levelTable.getRowHeight() + 4;
        levelScroll.setPreferredSize(new Dimension(600, levelsHeight));
        levelScroll.setMinimumSize(new Dimension(300, levelsHeight));

        JFreeChart chart = ChartFactory.createTimeSeriesChart(null, null, Bundle.LBL_HitRateAxis(), hitRates,
                true, true, false);
        chart.getXYPlot().getRangeAxis().setRange(0, 100);
        ChartTheming.apply(chart);
        ChartPanel chartPanel = new ChartPanel(chart);
        chartPanel.setName("hitRateChart");
        ChartTheming.drawAtPanelSize(chartPanel);
        chartPanel.setPreferredSize(new Dimension(600, 180));
        chartPanel.setMinimumSize(new Dimension(300, 130));

        JTable entryTable = new JTable(entries);
        entryTable.setName("entriesTable");
        entryTable.setRowSorter(entrySorter);
        entryTable.setFillsViewportHeight(true);
        FullTextTooltips.install(entryTable);
        TableColumns.widths(entryTable, 420, 80, 50, 80, 90, 50);
        filter.setName("entriesFilter");
        filter.setToolTipText(Bundle.HINT_EntriesFilter());
        TextChanges.onChange(filter, this::applyFilter);
        typeFilter.setName("entriesTypeFilter");
        typeFilter.setToolTipText(Bundle.HINT_EntriesTypeFilter());
        typeFilter.addActionListener(e -> applyFilter());
        levelChoice.setName("levelChoice");
        typeChoice.setName("typeChoice");
        JButton clearLevel = new JButton(Bundle.LBL_ClearLevel());
        clearLevel.setName("clearLevel");
        clearLevel.addActionListener(e -> clear(c -> c.clear((CacheLevel) levelChoice.getSelectedItem())));
        JButton clearType = new JButton(Bundle.LBL_ClearType());
        clearType.setName("clearType");
        clearType.addActionListener(e -> clear(c -> c.clear((EntryType) typeChoice.getSelectedItem())));
        status.setName("status");

        JPanel tools = new JPanel(new WrapLayout(FlowLayout.LEADING, 5, 3));
        tools.add(new JLabel(Bundle.LBL_Filter()));
        tools.add(filter);
        tools.add(typeFilter);
        tools.add(levelChoice);
        tools.add(clearLevel);
        tools.add(typeChoice);
        tools.add(clearType);
        tools.add(status);
        JPanel bottom = new JPanel(new BorderLayout());
        bottom.add(tools, BorderLayout.NORTH);
        JScrollPane entryScroll = new JScrollPane(entryTable);
        entryScroll.setMinimumSize(new Dimension(300, 120));
        bottom.add(entryScroll, BorderLayout.CENTER);

        // the levels on top, whole; below them the chart and the entries share the rest
        JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, chartPanel, bottom);
        split.setResizeWeight(0.4);
        split.setBorder(BorderFactory.createEmptyBorder());
        JPanel content = new JPanel(new BorderLayout(0, 6));
        content.setBorder(BorderFactory.createEmptyBorder(6, 6, 6, 6));
        content.add(levelScroll, BorderLayout.NORTH);
        content.add(split, BorderLayout.CENTER);
        add(FitOrScroll.wrap(content, READABLE), BorderLayout.CENTER);
    }

    /** Key text (a regular expression, else plain text) and type, both at once. */
    private void applyFilter() {
        List<RowFilter<Object, Object>> both = new ArrayList<>();
        String text = filter.getText();
        if (!text.isBlank()) {
            try {
                both.add(RowFilter.regexFilter("(?i)" + text, 0));
            } catch (PatternSyntaxException e) {
                both.add(RowFilter.regexFilter("(?i)" + Pattern.quote(text), 0));
            }
        }
        Object type = typeFilter.getSelectedItem();
        if (type != null && !ALL_TYPES.equals(type)) {
            both.add(RowFilter.regexFilter("^" + Pattern.quote(type.toString()) + "$", 1));
        }
        entrySorter.setRowFilter(both.isEmpty() ? null : RowFilter.andFilter(both));
    }

    private interface Clearing {
        CompletableFuture<String> start(MultiLevelCache cache);
    }

    private void clear(Clearing how) {
        MultiLevelCache cache = Lookup.getDefault().lookup(MultiLevelCache.class);
        if (cache == null) {
            status.setText(Bundle.MSG_NoCacheService());
            return;
        }
        status.setText(Bundle.MSG_Clearing());
        CompletableFuture.supplyAsync(() -> how.start(cache).join()).whenComplete((summary, error) ->
                SwingUtilities.invokeLater(() -> {
                    if (error != null) {
                        LOG.log(Level.WARNING, "clearing the cache failed", error);
                        status.setText(Bundle.MSG_ClearingFailed(error.getMessage()));
                    } else {
                        status.setText(summary);
                    }
                    if (live.isRunning()) {
                        live.refreshNow(); // the clearing changed the modification count: it is read again
                    }
                }));
    }

    /** What one sample found: a snapshot, or why there is none. */
    private record CacheView(CacheSnapshot snapshot, String problem) {
    }

    /** On the sampler thread: reads the cache into a snapshot for the event thread. */
    private CacheView sample() {
        MultiLevelCache cache = Lookup.getDefault().lookup(MultiLevelCache.class);
        if (cache == null) {
            return new CacheView(null, Bundle.MSG_NoCacheService());
        }
        try {
            long modifications = cache.modifications();
            boolean changed = modifications != seenModifications;
            if (!changed && !settling) {
                return null; // nothing happened in the cache: nothing is read, nothing is rendered
            }
            settling = changed;
            seenModifications = modifications;
            List<LevelStatistics> levelFigures = cache.levels();
            return new CacheView(new CacheSnapshot(System.currentTimeMillis(), rates.next(levelFigures), levelFigures,
                    cache.entries(ENTRY_ROWS)), "");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot read the cache figures", e);
            return new CacheView(null, Bundle.MSG_CacheUnavailable(e.getMessage()));
        }
    }

    private void render(CacheView v) {
        if (v.snapshot() == null) {
            status.setText(v.problem());
        } else {
            show(v.snapshot());
        }
    }

    private void show(CacheSnapshot s) {
        levels.setRowCount(0);
        for (LevelStatistics l : s.levels()) {
            // the size is the entries' own (0 entries: 0 bytes); a disk level's index shows under "On disk"
            levels.addRow(new Object[] {l.level(), l.location(), l.entries(),
                Bundle.VAL_SizeOfBudget(ByteSizes.format(l.entryBytes()), ByteSizes.format(l.budgetBytes())),
                l.level() == CacheLevel.L1 ? Bundle.VAL_InRam()
                        : Bundle.VAL_OnDisk(ByteSizes.format(l.bytes()), ByteSizes.format(l.overheadBytes())),
                Bundle.VAL_HitRate(String.format(Locale.ROOT, "%.1f", l.hitRate() * 100)), l.evictions()});
        }
        entries.setRowCount(0);
        SimpleDateFormat time = new SimpleDateFormat("HH:mm:ss", Locale.ROOT);
        for (CacheEntryInfo e : s.entries()) {
            entries.addRow(new Object[] {e.key().id(), e.key().type().name().toLowerCase(Locale.ROOT), e.level(),
                ByteSizes.format(e.bytes()), time.format(Date.from(e.lastAccess())), e.hits()});
        }
        Millisecond now = new Millisecond(new Date(s.timeMillis()));
        s.hitRates().forEach((series, rate) -> hitRates.getSeries(series).addOrUpdate(now, rate * 100));
    }

    /** F1 and the help buttons open this window's page of the user guide (the help module maps the ID). */
    @Override
    public HelpCtx getHelpCtx() {
        return new HelpCtx("tsperf.cache");
    }

    @Override
    protected void componentOpened() {
        rates = new HitRateSampler();
        seenModifications = -1;
    }

    void writeProperties(java.util.Properties p) {
        p.setProperty("version", "1.0");
    }

    void readProperties(java.util.Properties p) {
        // nothing to restore: the window shows live figures only
    }
}
