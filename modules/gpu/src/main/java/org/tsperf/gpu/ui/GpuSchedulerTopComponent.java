package org.tsperf.gpu.ui;

import java.awt.BorderLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import javax.swing.table.DefaultTableModel;
import org.netbeans.api.progress.ProgressHandle;
import org.openide.util.HelpCtx;
import org.openide.util.Lookup;
import org.openide.util.NbBundle.Messages;
import org.openide.util.RequestProcessor;
import org.openide.windows.TopComponent;
import org.openide.windows.WindowManager;
import org.tsperf.api.gpu.BatchFigures;
import org.tsperf.api.gpu.BenchmarkReport;
import org.tsperf.api.gpu.GpuBenchmark;
import org.tsperf.api.gpu.GpuDeviceChoice;
import org.tsperf.api.gpu.GpuDeviceInfo;
import org.tsperf.api.gpu.GpuInfo;
import org.tsperf.api.gpu.GpuInformation;
import org.tsperf.api.gpu.GpuMetrics;
import org.tsperf.api.gpu.GpuScheduler;
import org.tsperf.api.gpu.GpuUsage;
import org.tsperf.api.gpu.ProcessingPath;
import org.tsperf.api.gpu.ProcessorStatus;
import org.tsperf.api.gpu.SchedulerSnapshot;
import org.tsperf.api.gpu.VideoProcessor;
import org.tsperf.api.util.ByteSizes;
import org.tsperf.api.util.SettingsNotSavedException;
import org.tsperf.gpu.GpuRuntimes;
import org.tsperf.ui.support.FitOrScroll;
import org.tsperf.ui.support.FullTextTooltips;
import org.tsperf.ui.support.LiveSampler;
import org.tsperf.ui.support.ModuleWindows;
import org.tsperf.ui.support.ReadOnlyTableModel;
import org.tsperf.ui.support.SettingsSaving;
import org.tsperf.ui.support.TableColumns;

/**
 * The GPU Scheduler window: devices and the one in use (or "CPU fallback" and why), the path frame operations take
 * and how it was chosen, the scheduler's queues, memory against the budget, the pipeline cache, and a benchmark
 * action with per-operation results. Talks to the GPU services only through Lookup; everything that may block
 * (opening Vulkan, measuring) runs on a background thread and the view renders the result.
 */
@TopComponent.Description(preferredID = GpuSchedulerTopComponent.ID, persistenceType = TopComponent.PERSISTENCE_NEVER)
@TopComponent.Registration(mode = "editor", openAtStartup = false, position = 600)
@Messages({
    "CTL_GpuSchedulerTopComponent=GPU Scheduler",
    "HINT_GpuSchedulerTopComponent=Vulkan devices, the path frame operations take, GPU queues, memory and benchmark",
    "LBL_Benchmark=Run GPU Benchmark",
    "LBL_BenchmarkProgress=GPU benchmark (1920x1080)",
    "LBL_DeviceChoice=Run frame operations on:",
    "LBL_Automatic=Automatic (best device, faster path measured)",
    "LBL_CpuReference=CPU reference",
    "# {0} - the system property",
    "HINT_ChoiceOverridden=Decided by {0}, which wins over this choice",
    "HINT_DeviceChoice=Applied at once: the GPU runtime restarts (Vulkan released, pipeline cache saved). Remembered.",
    "LBL_Queues=Queues",
    "LBL_BenchmarkPanel=Benchmark",
    "LBL_CancelBenchmark=Cancel",
    "MSG_BenchmarkMeasuring=measuring every operation on Vulkan and on the CPU...",
    "MSG_BenchmarkElsewhere=measuring every operation on Vulkan and on the CPU (started from the Performance Monitor)...",
    "HINT_BenchmarkElsewhere=A benchmark is running; its results will show here",
    "# {0} - width, {1} - height, {2} - the device, {3} - upload ms, {4} - readback ms",
    "MSG_BenchmarkResult={0}x{1} on {2}; upload {3} ms, readback {4} ms a frame",
    "MSG_BenchmarkCpuOnly=the CPU only",
    "# {0} - the path, {1} - operations faster there, {2} - operations measured",
    "MSG_VerdictAgrees=Frames run on {0}, the faster path in this benchmark ({0} faster on {1} of {2} operations).",
    "# {0} - the path in use, {1} - the faster path, {2} - operations faster there, {3} - operations measured,"
        + " {4} - why the path in use",
    "MSG_VerdictDiffers=Frames run on {0} although this benchmark found {1} faster on {2} of {3} operations: {4}."
        + " Choose \"Automatic\" above to follow the benchmark.",
    "# {0} - why the path in use",
    "MSG_VerdictFallback=Frames run on the CPU although this benchmark found Vulkan faster: {0}.",
    "VAL_PathCpu=the CPU",
    "VAL_PathVulkan=Vulkan",
    "MSG_VerdictNoVulkan=Vulkan was not measured (no device): frames run on the CPU.",
    "# {0} - the benchmarked device, {1} - the device in use",
    "MSG_VerdictOtherDevice=This benchmark measured {0}; frames now run on {1}. Run it again to compare."
})
public final class GpuSchedulerTopComponent extends TopComponent {

    static final String ID = "GpuSchedulerTopComponent";

    /** Window &gt; GPU Scheduler: this module's window, also after the module was installed again. Event thread. */
    static void openOne() {
        ModuleWindows.open(ID, GpuSchedulerTopComponent.class, GpuSchedulerTopComponent::new);
    }

    private static final Logger LOG = Logger.getLogger(GpuSchedulerTopComponent.class.getName());
    private static final RequestProcessor RP = new RequestProcessor(GpuSchedulerTopComponent.class.getName(), 1, true);

    private final JLabel path = label("gpu.path");
    private final JLabel memory = label("gpu.memory");
    private final JLabel utilisation = label("gpu.utilisation");
    private final JLabel cache = label("gpu.pipelineCache");
    private final JLabel batches = label("gpu.batches");
    private final JComboBox<Choice> deviceChoice = new JComboBox<>();
    private boolean updatingChoice;
    private final JTextArea devices = new JTextArea(2, 60);
    private final DefaultTableModel queueModel = new ReadOnlyTableModel(
            "Queue", "Waiting", "Running", "Capacity", "Completed", "Rejected", "Failed");
    private final DefaultTableModel benchModel = new ReadOnlyTableModel(
            "Operation", "Vulkan fps", "CPU fps", "CPU 1 thread fps", "Vulkan/CPU");
    private final JButton benchmark = new JButton(Bundle.LBL_Benchmark());
    private final JLabel benchStatus = label("gpu.benchmarkStatus");
    /** Whether the path in use agrees with the benchmark shown, and why not. */
    private final JLabel verdict = label("gpu.benchmarkVerdict");
    /** The report in the table (from this window's button, the monitor's or any other caller), or null. */
    private BenchmarkReport shownReport;
    /** The smallest size at which the settings, the queues and the benchmark with its rows are all readable. */
    static final java.awt.Dimension READABLE = new java.awt.Dimension(760, 560);
    /** The figures, gathered once a second off the event thread (opening Vulkan, measuring); the view renders them. */
    private final LiveSampler<View> live = new LiveSampler<>("tsperf-gpu-scheduler-view", Duration.ofSeconds(1),
            this::gather, this::show);
    private final AtomicReference<GpuInfo> info = new AtomicReference<>();
    private CompletableFuture<BenchmarkReport> running;
    /** The figures shown now (event thread): the same figures again are not rendered again. */
    private View shown;

    public GpuSchedulerTopComponent() {
        setName(Bundle.CTL_GpuSchedulerTopComponent());
        setToolTipText(Bundle.HINT_GpuSchedulerTopComponent());
        setLayout(new BorderLayout());
        devices.setName("gpu.devices");
        devices.setEditable(false);
        devices.setRows(2);
        JTable queues = new JTable(queueModel);
        queues.setName("gpu.queues");
        JTable results = new JTable(benchModel);
        results.setName("gpu.benchmarkResults");
        benchmark.setName("gpu.benchmark");
        benchmark.addActionListener(e -> toggleBenchmark());

        JPanel top = new JPanel(new GridBagLayout());
        top.setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = 0;
        c.anchor = GridBagConstraints.WEST;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.weightx = 1;
        c.insets = new Insets(2, 0, 2, 0);
        JPanel choiceRow = new JPanel(new BorderLayout(8, 0));
        JLabel choiceLabel = new JLabel(Bundle.LBL_DeviceChoice());
        choiceLabel.setLabelFor(deviceChoice);
        choiceRow.add(choiceLabel, BorderLayout.WEST);
        choiceRow.add(deviceChoice, BorderLayout.CENTER);
        deviceChoice.setName("gpu.deviceChoice");
        deviceChoice.addActionListener(e -> {
            if (!updatingChoice && deviceChoice.getSelectedItem() instanceof Choice choice) {
                choose(choice);
            }
        });
        setChoices(java.util.List.of());
        JScrollPane deviceScroll = new JScrollPane(devices);
        // full height always, any width: a line longer than the window is cut (its tooltip has it), never a row
        // squashed, as GridBagLayout does to every row once one line is wider than the window
        for (JComponent row : new JComponent[] {choiceRow, path, deviceScroll, memory, utilisation, batches, cache}) {
            row.setMinimumSize(new java.awt.Dimension(0, row.getPreferredSize().height));
            top.add(row, c);
        }
        JPanel queuePanel = new JPanel(new BorderLayout());
        queuePanel.setBorder(BorderFactory.createTitledBorder(Bundle.LBL_Queues()));
        JScrollPane queueScroll = new JScrollPane(queues);
        // the header and the three queues, whole
        int queueHeight = queues.getTableHeader().getPreferredSize().height + 3 * queues.getRowHeight() + 4;
        queueScroll.setPreferredSize(new java.awt.Dimension(600, queueHeight));
        queueScroll.setMinimumSize(new java.awt.Dimension(300, queueHeight));
        queuePanel.add(queueScroll);
        JPanel benchPanel = new JPanel(new BorderLayout());
        benchPanel.setBorder(BorderFactory.createTitledBorder(Bundle.LBL_BenchmarkPanel()));
        JPanel benchTop = new JPanel(new BorderLayout(8, 2));
        benchTop.add(benchmark, BorderLayout.WEST);
        benchTop.add(benchStatus, BorderLayout.CENTER);
        benchTop.add(verdict, BorderLayout.SOUTH);
        benchPanel.add(benchTop, BorderLayout.NORTH);
        JScrollPane resultScroll = new JScrollPane(results);
        resultScroll.setMinimumSize(new java.awt.Dimension(300, results.getTableHeader().getPreferredSize().height
                + 4 * results.getRowHeight() + 4));
        benchPanel.add(resultScroll, BorderLayout.CENTER);
        results.setFillsViewportHeight(true);
        FullTextTooltips.install(queues);
        FullTextTooltips.install(results);
        TableColumns.keepHeadersWhole(queues);
        TableColumns.widths(results, 360, 90, 90, 120, 90);

        JPanel centre = new JPanel(new BorderLayout(0, 4));
        centre.add(queuePanel, BorderLayout.NORTH);
        centre.add(benchPanel, BorderLayout.CENTER);
        JPanel content = new JPanel(new BorderLayout());
        content.add(top, BorderLayout.NORTH);
        content.add(centre, BorderLayout.CENTER);
        add(FitOrScroll.wrap(content, READABLE), BorderLayout.CENTER);
        path.setText("Frame operations: measuring...");
        updateBenchmarkEnabled();
    }

    /** An entry of the device combo: a {@link GpuDeviceChoice} value and its text. */
    private record Choice(String value, String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    /** Fills the combo with automatic, the devices and the CPU reference; selects the stored choice. */
    private void setChoices(java.util.List<GpuDeviceInfo> devs) {
        if (deviceChoice.isPopupVisible()) {
            return; // the user is choosing: rebuilding the list now would drop the choice
        }
        java.util.List<Choice> items = new java.util.ArrayList<>();
        GpuDeviceChoice choices = Lookup.getDefault().lookup(GpuDeviceChoice.class);
        if (choices == null) {
            return;
        }
        items.add(new Choice(GpuDeviceChoice.AUTOMATIC, Bundle.LBL_Automatic()));
        for (GpuDeviceInfo d : devs) {
            items.add(new Choice(d.name(), d.name() + " (" + d.type() + ")"));
        }
        items.add(new Choice(GpuDeviceChoice.CPU, Bundle.LBL_CpuReference()));
        String current = choices.current();
        if (items.stream().noneMatch(i -> i.value().equals(current))) {
            items.add(items.size() - 1, new Choice(current, current + " (not present)"));
        }
        updatingChoice = true;
        try {
            boolean same = deviceChoice.getItemCount() == items.size();
            for (int i = 0; same && i < items.size(); i++) {
                same = items.get(i).equals(deviceChoice.getItemAt(i));
            }
            if (!same) {
                deviceChoice.removeAllItems();
                items.forEach(deviceChoice::addItem);
            }
            items.stream().filter(i -> i.value().equals(current)).findFirst().ifPresent(deviceChoice::setSelectedItem);
        } finally {
            updatingChoice = false;
        }
        String overridden = choices.overriddenBy().orElse(null);
        deviceChoice.setEnabled(overridden == null && !switching);
        deviceChoice.setToolTipText(overridden == null ? Bundle.HINT_DeviceChoice()
                : Bundle.HINT_ChoiceOverridden(overridden));
    }

    private boolean switching;
    /** Bumped at every device switch, so that figures of the replaced runtime are not kept. */
    private final java.util.concurrent.atomic.AtomicLong infoGeneration = new java.util.concurrent.atomic.AtomicLong();

    /** Stores the user's choice and restarts the runtime with it, off the event thread. */
    private void choose(Choice choice) {
        GpuDeviceChoice choices = Lookup.getDefault().lookup(GpuDeviceChoice.class);
        if (choices == null || choice.value().equals(choices.current())) {
            return;
        }
        switching = true;
        deviceChoice.setEnabled(false);
        path.setText("Frame operations: switching to " + choice.text() + "...");
        RP.post(() -> {
            try {
                choices.choose(choice.value());
            } catch (SettingsNotSavedException e) { // a full disk: the old choice stays, shown again below
                SettingsSaving.report("The GPU settings", e);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "restarting the GPU runtime for " + choice.value() + " failed", e);
            } finally {
                infoGeneration.incrementAndGet(); // a gather still reading the old runtime must not cache it
                info.set(null);
                SwingUtilities.invokeLater(() -> {
                    switching = false;
                    live.refreshNow();
                });
            }
        });
    }

    private static JLabel label(String name) {
        JLabel l = new JLabel(" ");
        l.setName(name);
        return l;
    }

    /** F1 and the help buttons open this window's page of the user guide (the help module maps the ID). */
    @Override
    public HelpCtx getHelpCtx() {
        return new HelpCtx("tsperf.gpu");
    }

    /** Sampled only while it can be seen: a window in a tab behind another reads nothing. */
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
        ModuleWindows.releaseToolTip();
    }

    private record View(GpuInfo info, SchedulerSnapshot scheduler, BatchFigures batches,
            GpuUsage usage, String problem, ProcessorStatus status, BenchmarkReport benchmark, boolean benchRunning) {

        View(String problem) {
            this(null, null, null, null, problem, null, null, false);
        }
    }

    private View gather() {
        GpuRuntimes runtimes = Lookup.getDefault().lookup(GpuRuntimes.class);
        try {
            GpuInformation infoService = Lookup.getDefault().lookup(GpuInformation.class);
            GpuScheduler scheduler = Lookup.getDefault().lookup(GpuScheduler.class);
            GpuMetrics metrics = Lookup.getDefault().lookup(GpuMetrics.class);
            if (infoService == null || scheduler == null) {
                return new View("the GPU module is not installed");
            }
            if (runtimes == null || runtimes.isShutDown()) { // the module is going; this window closes with it
                return new View("the GPU module is switched off");
            }
            GpuInfo i = info.get();
            if (i == null) {
                long generation = infoGeneration.get();
                i = infoService.info(); // opens Vulkan and measures the path once
                if (infoGeneration.get() != generation) {
                    return new View("switching devices...");
                }
                info.compareAndSet(null, i);
            }
            // the path now: a benchmark may have changed it since the devices were read
            VideoProcessor processor = Lookup.getDefault().lookup(VideoProcessor.class);
            ProcessorStatus status = processor == null ? i.status() : processor.status();
            GpuBenchmark bench = Lookup.getDefault().lookup(GpuBenchmark.class);
            BenchmarkReport latest = bench == null ? null : bench.latest().orElse(null);
            return new View(i, scheduler.snapshot(), scheduler.batchFigures(), metrics == null ? null : metrics.sample(),
                    "", status, latest, bench != null && bench.running());
        } catch (RuntimeException e) {
            if (runtimes != null && runtimes.isShutDown()) { // the module went while this sample ran
                LOG.log(Level.FINE, "GPU figures ended by the module going", e);
                return new View("the GPU module is switched off");
            }
            LOG.log(Level.WARNING, "reading the GPU figures failed", e);
            return new View("reading the GPU figures failed: " + e.getMessage());
        }
    }

    private void show(View v) {
        if (v.equals(shown)) {
            return; // nothing changed: no table rebuilt, nothing repainted
        }
        if (v.info() == null) {
            path.setText("GPU: " + v.problem());
            shown = v;
            return;
        }
        GpuInfo i = v.info();
        if (switching) {
            return; // figures of the runtime being replaced
        }
        shown = v;
        setChoices(i.devices());
        ProcessorStatus now = v.status();
        path.setText("Frame operations: " + now.path() + " (" + now.reason() + ")");
        path.setToolTipText(path.getText());
        StringBuilder d = new StringBuilder();
        boolean cpuChosen = now.path() == ProcessingPath.CPU && now.reason().contains("chosen by the user");
        if (cpuChosen) {
            d.append("in use: CPU reference (chosen by the user)");
        } else if (!i.vulkanAvailable()) {
            d.append("CPU fallback: ").append(i.problem());
        }
        for (GpuDeviceInfo dev : i.devices()) {
            if (d.length() > 0) {
                d.append('\n');
            }
            d.append(dev.chosen() && !cpuChosen ? "in use: " : "available: ").append(dev.name()).append(" (").append(dev.type())
                    .append(", Vulkan ").append(dev.apiVersion())
                    .append(", ").append(ByteSizes.format(dev.deviceLocalBytes())).append(" device-local)");
        }
        if (!devices.getText().equals(d.toString())) {
            devices.setText(d.toString());
        }
        SchedulerSnapshot s = v.scheduler();
        StringBuilder mem = new StringBuilder(String.format(Locale.ROOT,
                "Scheduler working memory: %s reserved of %s budget", ByteSizes.format(s.memoryReservedBytes()),
                ByteSizes.format(s.memoryBudgetBytes())));
        if (v.usage() != null && v.usage().available()) {
            mem.append(String.format(Locale.ROOT, "; device memory used by tsperf: %s of %s",
                    ByteSizes.format(v.usage().memoryUsedBytes()), ByteSizes.format(v.usage().memoryBudgetBytes())));
        }
        memory.setText(mem.toString());
        utilisation.setText(String.format(Locale.ROOT, "Workers: %d, busy %.0f %%; queue busy %s", s.workers(),
                s.utilisationPercent(), v.usage() != null && v.usage().available()
                        ? String.format(Locale.ROOT, "%.0f %%", v.usage().utilisationPercent()) : "n/a"));
        BatchFigures b = v.batches();
        batches.setText(b == null ? "Batches: n/a" : String.format(Locale.ROOT, "Batches of small tasks: %d (%d tasks,"
                + " largest %d); Vulkan submissions: %d", b.batches(), b.batchedTasks(), b.largestBatch(),
                b.vulkanSubmits()));
        cache.setText("Pipeline cache: " + (i.pipelineCache().isEmpty() ? "none (no Vulkan)" : i.pipelineCache()));
        cache.setToolTipText(cache.getText());
        memory.setToolTipText(memory.getText());
        if (v.benchmark() != null && v.benchmark() != shownReport) {
            showReport(v.benchmark());
        }
        if (shownReport != null) {
            showVerdict(shownReport, now);
        }
        if (running == null) { // a run started elsewhere (the monitor's button) shows here too
            benchmark.setEnabled(!v.benchRunning() && Lookup.getDefault().lookup(GpuBenchmark.class) != null);
            benchmark.setToolTipText(v.benchRunning() ? Bundle.HINT_BenchmarkElsewhere() : null);
            if (v.benchRunning()) {
                benchStatus.setText(Bundle.MSG_BenchmarkElsewhere());
            }
        }
        queueModel.setRowCount(0);
        for (SchedulerSnapshot.QueueState q : s.queues()) {
            queueModel.addRow(new Object[] {q.priority(), q.waiting(), q.running(), q.capacity(), q.completed(),
                q.rejected(), q.failed()});
        }
    }

    private void updateBenchmarkEnabled() {
        boolean present = Lookup.getDefault().lookup(GpuBenchmark.class) != null;
        benchmark.setEnabled(present);
        if (!present) {
            benchStatus.setText("the GPU module is not installed");
        }
    }

    /** Starts the benchmark, or cancels the running one. */
    private void toggleBenchmark() {
        if (running != null) {
            running.cancel(true);
            return;
        }
        GpuBenchmark bench = Lookup.getDefault().lookup(GpuBenchmark.class);
        if (bench == null) {
            updateBenchmarkEnabled();
            return;
        }
        ProgressHandle progress = ProgressHandle.createHandle(Bundle.LBL_BenchmarkProgress(), () -> {
            CompletableFuture<BenchmarkReport> r = running;
            return r != null && r.cancel(true);
        });
        progress.start();
        progress.switchToIndeterminate();
        benchmark.setText(Bundle.LBL_CancelBenchmark());
        benchStatus.setText(Bundle.MSG_BenchmarkMeasuring());
        running = bench.measure(1920, 1080, Duration.ofMillis(500));
        running.whenComplete((report, error) -> SwingUtilities.invokeLater(() -> {
            progress.finish();
            running = null;
            benchmark.setText(Bundle.LBL_Benchmark());
            if (report != null) {
                showReport(report);
                live.refreshNow(); // the path may have followed the benchmark
            } else if (error instanceof java.util.concurrent.CancellationException) {
                benchStatus.setText("cancelled");
            } else {
                benchStatus.setText("failed: " + (error == null ? "?" : error.getMessage()));
            }
        }));
    }

    private void showReport(BenchmarkReport r) {
        shownReport = r;
        benchModel.setRowCount(0);
        for (BenchmarkReport.OperationResult o : r.operations()) {
            benchModel.addRow(new Object[] {o.operation(), fps(o.vulkanFps()), fps(o.cpuFps()),
                fps(o.cpuSingleThreadFps()), fps(o.ratio())});
        }
        benchStatus.setText(Bundle.MSG_BenchmarkResult(Integer.toString(r.width()), Integer.toString(r.height()),
                r.device().isEmpty() ? Bundle.MSG_BenchmarkCpuOnly() : r.device(), millis(r.uploadMillis()),
                millis(r.readbackMillis())));
        benchStatus.setToolTipText(benchStatus.getText());
        showVerdict(r, r.status());
    }

    /** Says whether the path in use is the one the benchmark found faster, and why not where it is not. */
    private void showVerdict(BenchmarkReport r, ProcessorStatus now) {
        verdict.setText(BenchmarkVerdict.of(r, now));
        verdict.setToolTipText(verdict.getText());
    }

    private static String millis(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String fps(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }
}
