package org.tsperf.monitor.ui;

import java.awt.BorderLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.GridLayout;
import java.awt.Insets;
import java.beans.PropertyChangeListener;
import java.time.Duration;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.UIManager;
import org.netbeans.api.settings.ConvertAsProperties;
import org.openide.util.HelpCtx;
import org.openide.util.Lookup;
import org.openide.util.LookupListener;
import org.openide.util.NbBundle.Messages;
import org.openide.util.RequestProcessor;
import org.openide.windows.TopComponent;
import org.tsperf.api.gpu.GpuUsage;
import org.tsperf.api.monitor.DiskUsage;
import org.tsperf.api.monitor.ResourceMonitor;
import org.tsperf.api.monitor.ResourceSnapshot;
import org.tsperf.api.util.ByteSizes;
import org.tsperf.api.util.Workbench;
import org.tsperf.ui.support.LiveSampler;
import org.tsperf.ui.support.ModuleWindows;

/**
 * The Performance Monitor: usage bars, live charts, the figures of the other engine modules and the actions
 * that call them. A {@link LiveSampler} builds a {@link MonitorView} on its own thread while the window shows
 * ({@link MonitorSampler}: the monitor's history and the modules' figures); the event thread only renders it.
 */
@ConvertAsProperties(dtd = "-//org.tsperf.monitor.ui//PerformanceMonitor//EN", autostore = false)
@TopComponent.Description(preferredID = PerformanceMonitorTopComponent.ID,
        iconBase = "org/tsperf/monitor/ui/monitor.png", persistenceType = TopComponent.PERSISTENCE_ALWAYS)
@TopComponent.Registration(mode = "editor", openAtStartup = true, position = 100)
@Messages({
    "CTL_PerformanceMonitorTopComponent=Performance Monitor",
    "HINT_PerformanceMonitorTopComponent=Live CPU, memory, GPU and disk use of this machine",
    "LBL_Cpu=CPU",
    "LBL_Ram=RAM",
    "LBL_Gpu=GPU",
    "LBL_Disk=SSD",
    "LBL_TimelinePerformance=Timeline Performance",
    "LBL_Playback=Playback:",
    "LBL_Preview=Preview:",
    "LBL_RenderSpeed=Render speed:",
    "LBL_OptimizationStatus=Optimization Status",
    "LBL_ProxyFiles=Proxy files:",
    "LBL_Cache=Cache:",
    "LBL_BackgroundTasks=Background tasks:",
    "MSG_MonitorMissing=Resource monitor service missing",
    "MSG_WaitingFirstSample=waiting for the first sample",
    "# {0} - system CPU percent", "# {1} - this application's CPU percent",
    "FMT_Cpu={0} %  (this app {1} %)",
    "# {0} - percent used", "# {1} - bytes used", "# {2} - bytes in all",
    "FMT_UsedOf={0} %  ({1} of {2})",
    "# {0} - heap used", "# {1} - heap maximum", "# {2} - resident memory",
    "FMT_RamTip=Java heap {0} of {1}, resident {2}",
    "MSG_GpuNotAvailable=not available",
    "MSG_NoLocalDisk=no local disk found",
    "# {0} - percent used", "# {1} - throughput or nothing",
    "FMT_Disk={0} %  {1}",
    "# {0} - bytes read per second", "# {1} - bytes written per second",
    "FMT_Throughput=R {0}/s  W {1}/s",
    "# {0} - mount point", "# {1} - device", "# {2} - file system", "# {3} - used", "# {4} - available", "# {5} - total",
    "FMT_DiskTip={0} on {1} ({2}): {3} used, {4} available of {5} (as df counts: used / (used + available))",
    "MSG_NoWarnings=No warnings"
})
public final class PerformanceMonitorTopComponent extends TopComponent {

    static final String ID = "PerformanceMonitorTopComponent";
    /** Starts the resource monitor when the window opens: its first start reads the machine (not on the event thread). */
    private static final RequestProcessor STARTER = new RequestProcessor(PerformanceMonitorTopComponent.class.getName());

    private final Lookup services = Lookup.getDefault();
    private final MonitorSampler sampler = new MonitorSampler(services, new DashboardModel(services, userDirectory()));
    private final LiveSampler<MonitorView> live = new LiveSampler<>("tsperf-monitor-viewer", Duration.ofSeconds(1),
            sampler::sample, this::render);
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
    private final ClusterLines cluster = new ClusterLines();
    private final JPanel warnings = new JPanel();
    private final List<Lookup.Result<?>> featureResults;
    /** A module came or went: one sample now (the lookup's thread; the sample runs on the sampler's). */
    private final LookupListener featureListener = ev -> live.refreshNow();
    private final PropertyChangeListener lafListener = ev -> {
        if ("lookAndFeel".equals(ev.getPropertyName())) {
            charts.applyLookAndFeel();
            shownWarnings = null; // their colours come from the look and feel: made again with the next snapshot
        }
    };

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
        bars.add(labelled(Bundle.LBL_Cpu(), cpuBar));
        bars.add(labelled(Bundle.LBL_Ram(), ramBar));
        bars.add(labelled(Bundle.LBL_Gpu(), gpuBar));
        bars.add(labelled(Bundle.LBL_Disk(), diskBar));
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
        JPanel timeline = section(Bundle.LBL_TimelinePerformance(), new String[] {Bundle.LBL_Playback(),
            Bundle.LBL_Preview(), Bundle.LBL_RenderSpeed()}, playback, preview, renderSpeed);
        timeline.add(cluster.caption, rowConstraints(3, 0, 1));
        timeline.add(cluster.summary, rowConstraints(3, 1, 1));
        timeline.add(cluster.details, rowConstraints(4, 0, 2));
        sections.add(timeline);
        JPanel status = section(Bundle.LBL_OptimizationStatus(), new String[] {Bundle.LBL_ProxyFiles(),
            Bundle.LBL_Cache(), Bundle.LBL_BackgroundTasks()}, proxies, cache, tasks);
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
        featureResults.forEach(r -> r.addLookupListener(featureListener));
        UIManager.addPropertyChangeListener(lafListener);
        STARTER.post(() -> { // the history goes on while the window is behind another
            ResourceMonitor monitor = services.lookup(ResourceMonitor.class);
            if (monitor != null) {
                monitor.start();
            }
        });
    }

    /**
     * Sampled only while it can be seen: behind another tab nothing is read; when it shows again the charts catch up
     * from the monitor's history.
     */
    @Override
    protected void componentShowing() {
        live.start();
    }

    @Override
    protected void componentHidden() {
        live.stop();
    }

    @Override
    protected void componentClosed() {
        live.stop();
        featureResults.forEach(r -> r.removeLookupListener(featureListener));
        UIManager.removePropertyChangeListener(lafListener);
        ModuleWindows.releaseToolTip();
    }

    /** The modules installed at the last render (event thread). */
    private java.util.Set<EngineFeature> shownFeatures;
    /** The warnings the panel shows now (event thread); null before the first snapshot. */
    private java.util.List<String> shownWarnings;

    /** Event thread: renders a sample, reads nothing. */
    private void render(MonitorView view) {
        if (!view.installed().equals(shownFeatures)) {
            shownFeatures = view.installed();
            actions.refresh(view.installed());
        }
        if (!view.monitorFound()) {
            cpuBar.setString(Bundle.MSG_MonitorMissing());
            return;
        }
        charts.addAll(view.newSnapshots());
        if (view.state() != null) {
            show(view.state());
        }
    }

    private void show(DashboardState state) {
        ResourceSnapshot s = state.snapshot();
        setBar(cpuBar, s.cpu().systemPercent(), Bundle.FMT_Cpu(percent(s.cpu().systemPercent()),
                percent(s.cpu().processPercent())));
        setBar(ramBar, s.memory().physicalPercent(), Bundle.FMT_UsedOf(percent(s.memory().physicalPercent()),
                ByteSizes.format(s.memory().physicalUsed()), ByteSizes.format(s.memory().physicalTotal())));
        ramBar.setToolTipText(Bundle.FMT_RamTip(ByteSizes.format(s.memory().heapUsed()),
                ByteSizes.format(s.memory().heapMax()), ByteSizes.format(s.memory().processResident())));
        GpuUsage gpu = s.gpu();
        if (gpu.available()) {
            setBar(gpuBar, gpu.utilisationPercent(), Bundle.FMT_UsedOf(percent(gpu.utilisationPercent()),
                    ByteSizes.format(gpu.memoryUsedBytes()), ByteSizes.format(gpu.memoryBudgetBytes())));
            gpuBar.setToolTipText(gpu.deviceName());
        } else {
            gpuBar.setValue(0);
            gpuBar.setString(Bundle.MSG_GpuNotAvailable());
            gpuBar.setToolTipText(gpu.reason());
        }
        DiskUsage disk = state.workDisk();
        if (disk == null) {
            diskBar.setValue(0);
            diskBar.setString(Bundle.MSG_NoLocalDisk());
        } else {
            setBar(diskBar, disk.usedPercent(), Bundle.FMT_Disk(percent(disk.usedPercent()), disk.throughputKnown()
                    ? Bundle.FMT_Throughput(ByteSizes.format((long) disk.readBytesPerSecond()),
                            ByteSizes.format((long) disk.writeBytesPerSecond())) : ""));
            diskBar.setToolTipText(Bundle.FMT_DiskTip(disk.mount(), disk.name(), disk.type(),
                    ByteSizes.format(disk.usedBytes()), ByteSizes.format(disk.availableBytes()),
                    ByteSizes.format(disk.totalBytes())));
        }
        setValue(playback, state.playback(), EngineFeature.PLAYBACK);
        setValue(preview, state.preview(), EngineFeature.PLAYBACK);
        setValue(renderSpeed, state.renderSpeed(), EngineFeature.PLAYBACK);
        setValue(proxies, state.proxies(), EngineFeature.PROXIES);
        setValue(cache, state.cache(), EngineFeature.CACHE);
        setValue(tasks, state.tasks(), EngineFeature.TASKS);
        cluster.show(state.cluster());
        if (state.warnings().equals(shownWarnings)) {
            return; // the same warnings: the panel is not laid out again
        }
        shownWarnings = state.warnings();
        warnings.removeAll();
        if (state.warnings().isEmpty()) {
            warnings.add(warningLabel(Bundle.MSG_NoWarnings(), "Label.disabledForeground"));
        }
        for (String w : state.warnings()) {
            warnings.add(warningLabel("\u26A0 " + w, "Component.warning.focusedBorderColor"));
        }
        warnings.revalidate();
        warnings.repaint();
    }

    private static String percent(double p) {
        return String.format(Locale.ROOT, "%.0f", p);
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
        b.setString(Bundle.MSG_WaitingFirstSample());
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
            p.add(new JLabel(captions[i]), rowConstraints(i, 0, 1));
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
