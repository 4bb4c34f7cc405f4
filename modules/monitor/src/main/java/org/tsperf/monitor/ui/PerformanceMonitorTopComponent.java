package org.tsperf.monitor.ui;

import java.awt.BorderLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.GridLayout;
import java.awt.Insets;
import java.beans.PropertyChangeListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import org.netbeans.api.settings.ConvertAsProperties;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.util.HelpCtx;
import org.openide.util.Lookup;
import org.openide.util.LookupListener;
import org.openide.util.NbBundle.Messages;
import org.openide.windows.TopComponent;
import org.tsperf.api.gpu.GpuUsage;
import org.tsperf.api.monitor.DiskUsage;
import org.tsperf.api.monitor.ResourceListener;
import org.tsperf.api.monitor.ResourceMonitor;
import org.tsperf.api.monitor.ResourceSnapshot;
import org.tsperf.api.util.Workbench;

/**
 * The Performance Monitor: usage bars, live charts, the figures of the other engine modules and the actions
 * that call them. It renders {@link DashboardState}s built on the sampler's thread; it does no I/O itself.
 */
@ConvertAsProperties(dtd = "-//org.tsperf.monitor.ui//PerformanceMonitor//EN", autostore = false)
@TopComponent.Description(preferredID = PerformanceMonitorTopComponent.ID,
        iconBase = "org/tsperf/monitor/ui/monitor.png", persistenceType = TopComponent.PERSISTENCE_ALWAYS)
@TopComponent.Registration(mode = "editor", openAtStartup = true, position = 100)
@ActionID(category = "Window", id = "org.tsperf.monitor.ui.PerformanceMonitorTopComponent")
@ActionReference(path = "Menu/Window", position = 100)
@TopComponent.OpenActionRegistration(displayName = "#CTL_PerformanceMonitorAction", preferredID = PerformanceMonitorTopComponent.ID)
@Messages({
    "CTL_PerformanceMonitorAction=Performance Monitor",
    "CTL_PerformanceMonitorTopComponent=Performance Monitor",
    "HINT_PerformanceMonitorTopComponent=Live CPU, memory, GPU and disk use of this machine"
})
public final class PerformanceMonitorTopComponent extends TopComponent {

    static final String ID = "PerformanceMonitorTopComponent";

    private final Lookup services = Lookup.getDefault();
    private final DashboardModel model = new DashboardModel(services, userDirectory());
    private final ResourceCharts charts = new ResourceCharts();
    private final FeatureActions actions = new FeatureActions(services);
    private final JProgressBar cpuBar = bar("cpuBar");
    private final JProgressBar ramBar = bar("ramBar");
    private final JProgressBar gpuBar = bar("gpuBar");
    private final JProgressBar diskBar = bar("diskBar");
    private final JLabel playback = value("playbackValue");
    private final JLabel preview = value("previewValue");
    private final JLabel renderSpeed = value("renderSpeedValue");
    private final JLabel proxies = value("proxiesValue");
    private final JLabel cache = value("cacheValue");
    private final JLabel tasks = value("tasksValue");
    private final JPanel warnings = new JPanel();
    /** Newest state not yet shown: a slow event thread skips states instead of queueing them. */
    private final AtomicReference<DashboardState> pending = new AtomicReference<>();
    private final ResourceListener listener = this::sampled;
    private final List<Lookup.Result<?>> featureResults;
    private final LookupListener featureListener = ev -> SwingUtilities.invokeLater(this::featuresChanged);
    private final PropertyChangeListener lafListener = ev -> {
        if ("lookAndFeel".equals(ev.getPropertyName())) {
            charts.applyLookAndFeel();
            shownWarnings = null; // their colours come from the look and feel: made again with the next snapshot
        }
    };
    private ResourceMonitor monitor;

    public PerformanceMonitorTopComponent() {
        setName(Bundle.CTL_PerformanceMonitorTopComponent());
        setToolTipText(Bundle.HINT_PerformanceMonitorTopComponent());
        featureResults = java.util.Arrays.stream(EngineFeature.values())
                .<Lookup.Result<?>>map(f -> services.lookupResult(f.service)).toList();
        buildLayout();
    }

    private void buildLayout() {
        setLayout(new BorderLayout());
        JPanel content = new JPanel(new GridBagLayout());
        content.setBorder(BorderFactory.createEmptyBorder(10, 12, 10, 12));
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = 0;
        c.gridy = 0;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.weightx = 1;
        c.insets = new Insets(0, 0, 10, 0);

        JPanel bars = new JPanel(new GridLayout(2, 2, 16, 8));
        bars.add(labelled("CPU", cpuBar));
        bars.add(labelled("RAM", ramBar));
        bars.add(labelled("GPU", gpuBar));
        bars.add(labelled("SSD", diskBar));
        content.add(bars, c);

        c.gridy++;
        c.fill = GridBagConstraints.BOTH;
        c.weighty = 1;
        JPanel chartRow = new JPanel(new GridLayout(1, 2, 12, 0));
        chartRow.add(charts.cpuPanel());
        chartRow.add(charts.memoryPanel());
        content.add(chartRow, c);

        c.gridy++;
        c.weighty = 0;
        c.fill = GridBagConstraints.HORIZONTAL;
        JPanel sections = new JPanel(new GridLayout(1, 2, 12, 0));
        sections.add(section("Timeline Performance",
                new String[] {"Playback", "Preview", "Render speed"}, playback, preview, renderSpeed));
        JPanel status = section("Optimization Status",
                new String[] {"Proxy files", "Cache", "Background tasks"}, proxies, cache, tasks);
        warnings.setName("warnings");
        warnings.setLayout(new BoxLayout(warnings, BoxLayout.Y_AXIS));
        warnings.setOpaque(false);
        status.add(warnings, rowConstraints(3, 0, 2));
        sections.add(status);
        content.add(sections, c);

        c.gridy++;
        c.insets = new Insets(0, 0, 0, 0);
        JPanel buttons = new JPanel(new GridLayout(1, 4, 8, 0));
        for (JButton b : actions.buttons()) {
            buttons.add(b);
        }
        content.add(buttons, c);

        JScrollPane scroll = new JScrollPane(content);
        scroll.setBorder(BorderFactory.createEmptyBorder());
        add(scroll, BorderLayout.CENTER);
    }

    /** F1 and the help buttons open this window's page of the user guide (the help module maps the ID). */
    @Override
    public HelpCtx getHelpCtx() {
        return new HelpCtx("tsperf.monitor");
    }

    @Override
    protected void componentOpened() {
        monitor = services.lookup(ResourceMonitor.class);
        featureResults.forEach(r -> r.addLookupListener(featureListener));
        UIManager.addPropertyChangeListener(lafListener);
        featuresChanged();
        if (monitor == null) {
            cpuBar.setString("Resource monitor service missing");
            return;
        }
        monitor.start(); // the history goes on while the window is behind another
    }

    /**
     * Rendered only while it can be seen: behind another tab the snapshots are not turned into figures; when it shows
     * again the charts catch up from the monitor's history.
     */
    @Override
    protected void componentShowing() {
        if (monitor != null) {
            charts.addAll(monitor.history());
            monitor.addListener(listener);
            monitor.latest().ifPresent(s -> show(model.build(s)));
        }
    }

    @Override
    protected void componentHidden() {
        if (monitor != null) {
            monitor.removeListener(listener);
        }
    }

    @Override
    protected void componentClosed() {
        if (monitor != null) {
            monitor.removeListener(listener);
        }
        featureResults.forEach(r -> r.removeLookupListener(featureListener));
        UIManager.removePropertyChangeListener(lafListener);
    }

    /** Sampler thread. */
    private void sampled(ResourceSnapshot snapshot) {
        if (pending.getAndSet(model.build(snapshot)) == null) {
            SwingUtilities.invokeLater(() -> show(pending.getAndSet(null)));
        }
    }

    private void featuresChanged() {
        monitor = monitor == null ? services.lookup(ResourceMonitor.class) : monitor;
        java.util.Set<EngineFeature> installed = java.util.EnumSet.noneOf(EngineFeature.class);
        for (EngineFeature f : EngineFeature.values()) {
            if (f.installed(services)) {
                installed.add(f);
            }
        }
        actions.refresh(installed);
        if (monitor != null) {
            monitor.latest().ifPresent(s -> show(model.build(s)));
        }
    }

    /** The warnings the panel shows now (event thread); null before the first snapshot. */
    private java.util.List<String> shownWarnings;

    private void show(DashboardState state) {
        ResourceSnapshot s = state.snapshot();
        charts.add(s);
        setBar(cpuBar, s.cpu().systemPercent(), String.format(Locale.ROOT, "%.0f %%  (this app %.0f %%)",
                s.cpu().systemPercent(), s.cpu().processPercent()));
        setBar(ramBar, s.memory().physicalPercent(), String.format(Locale.ROOT, "%.0f %%  (%s of %s)",
                s.memory().physicalPercent(), gb(s.memory().physicalUsed()), gb(s.memory().physicalTotal())));
        ramBar.setToolTipText(String.format(Locale.ROOT, "Java heap %s of %s, resident %s",
                gb(s.memory().heapUsed()), gb(s.memory().heapMax()), gb(s.memory().processResident())));
        GpuUsage gpu = s.gpu();
        if (gpu.available()) {
            setBar(gpuBar, gpu.utilisationPercent(), String.format(Locale.ROOT, "%.0f %%  (%s of %s)",
                    gpu.utilisationPercent(), gb(gpu.memoryUsedBytes()), gb(gpu.memoryBudgetBytes())));
            gpuBar.setToolTipText(gpu.deviceName());
        } else {
            gpuBar.setValue(0);
            gpuBar.setString("not available");
            gpuBar.setToolTipText(gpu.reason());
        }
        DiskUsage disk = state.workDisk();
        if (disk == null) {
            diskBar.setValue(0);
            diskBar.setString("no local disk found");
        } else {
            setBar(diskBar, disk.usedPercent(), String.format(Locale.ROOT, "%.0f %%  %s", disk.usedPercent(),
                    disk.throughputKnown() ? "R " + mb(disk.readBytesPerSecond()) + "  W " + mb(disk.writeBytesPerSecond())
                    : ""));
            diskBar.setToolTipText(String.format(Locale.ROOT, "%s on %s (%s): %s used, %s available of %s (as df"
                    + " counts: used / (used + available))", disk.mount(), disk.name(), disk.type(),
                    gb(disk.usedBytes()), gb(disk.availableBytes()), gb(disk.totalBytes())));
        }
        setValue(playback, state.playback(), EngineFeature.PLAYBACK);
        setValue(preview, state.preview(), EngineFeature.PLAYBACK);
        setValue(renderSpeed, state.renderSpeed(), EngineFeature.PLAYBACK);
        setValue(proxies, state.proxies(), EngineFeature.PROXIES);
        setValue(cache, state.cache(), EngineFeature.CACHE);
        setValue(tasks, state.tasks(), EngineFeature.TASKS);
        if (state.warnings().equals(shownWarnings)) {
            return; // the same warnings: the panel is not laid out again
        }
        shownWarnings = state.warnings();
        warnings.removeAll();
        if (state.warnings().isEmpty()) {
            warnings.add(warningLabel("No warnings", "Label.disabledForeground"));
        }
        for (String w : state.warnings()) {
            warnings.add(warningLabel("\u26A0 " + w, "Component.warning.focusedBorderColor"));
        }
        warnings.revalidate();
        warnings.repaint();
    }

    private static JLabel warningLabel(String text, String colorKey) {
        JLabel l = new JLabel(text);
        if (UIManager.getColor(colorKey) != null) {
            l.setForeground(UIManager.getColor(colorKey));
        }
        return l;
    }

    private static void setValue(JLabel label, String text, EngineFeature feature) {
        label.setText(text);
        label.setEnabled(!DashboardState.NOT_ACTIVE.equals(text));
        label.setToolTipText(label.isEnabled() ? null : feature.missingHint());
    }

    private static void setBar(JProgressBar bar, double percent, String text) {
        bar.setValue((int) Math.round(percent));
        bar.setString(text);
    }

    private static JProgressBar bar(String name) {
        JProgressBar b = new JProgressBar(0, 100);
        b.setName(name);
        b.setStringPainted(true);
        b.setString("waiting for the first sample");
        return b;
    }

    private static JLabel value(String name) {
        JLabel l = new JLabel("\u2013");
        l.setName(name);
        return l;
    }

    private static JComponent labelled(String caption, JProgressBar bar) {
        JPanel p = new JPanel(new BorderLayout(8, 0));
        JLabel l = new JLabel(caption);
        l.setPreferredSize(new java.awt.Dimension(36, l.getPreferredSize().height));
        p.add(l, BorderLayout.WEST);
        p.add(bar, BorderLayout.CENTER);
        return p;
    }

    private static JPanel section(String title, String[] captions, JLabel... values) {
        JPanel p = new JPanel(new GridBagLayout());
        p.setBorder(BorderFactory.createCompoundBorder(BorderFactory.createTitledBorder(title),
                BorderFactory.createEmptyBorder(4, 8, 6, 8)));
        for (int i = 0; i < captions.length; i++) {
            p.add(new JLabel(captions[i] + ":"), rowConstraints(i, 0, 1));
            p.add(values[i], rowConstraints(i, 1, 1));
        }
        return p;
    }

    private static GridBagConstraints rowConstraints(int row, int column, int width) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = column;
        c.gridy = row;
        c.gridwidth = width;
        c.anchor = GridBagConstraints.WEST;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.weightx = column == 0 && width == 1 ? 0 : 1;
        c.insets = new Insets(2, 0, 2, 12);
        return c;
    }

    private static String gb(long bytes) {
        return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
    }

    private static String mb(double bytesPerSecond) {
        return String.format(Locale.ROOT, "%.1f MB/s", bytesPerSecond / (1 << 20));
    }

    private static Path userDirectory() {
        return Workbench.userDirectory().orElseGet(() -> Path.of(System.getProperty("user.home")));
    }

    void writeProperties(Properties p) {
        p.setProperty("version", "1.0");
    }

    void readProperties(Properties p) {
        // nothing to restore: the window shows live figures only
    }
}
