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
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import javax.swing.table.DefaultTableModel;
import org.netbeans.api.progress.ProgressHandle;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.util.Lookup;
import org.openide.util.NbBundle.Messages;
import org.openide.util.RequestProcessor;
import org.openide.windows.TopComponent;
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
import org.tsperf.api.gpu.SchedulerSnapshot;
import org.tsperf.api.util.ByteSizes;
import org.tsperf.ui.support.LiveSampler;

/**
 * The GPU Scheduler window: devices and the one in use (or "CPU fallback" and why), the path frame operations take
 * and how it was chosen, the scheduler's queues, memory against the budget, the pipeline cache, and a benchmark
 * action with per-operation results. Talks to the GPU services only through Lookup; everything that may block
 * (opening Vulkan, measuring) runs on a background thread and the view renders the result.
 */
@TopComponent.Description(preferredID = GpuSchedulerTopComponent.ID, persistenceType = TopComponent.PERSISTENCE_NEVER)
@TopComponent.Registration(mode = "output", openAtStartup = false, position = 300)
@ActionID(category = "Window", id = "org.tsperf.gpu.ui.GpuSchedulerTopComponent")
@ActionReference(path = "Menu/Window", position = 300)
@TopComponent.OpenActionRegistration(displayName = "#CTL_GpuSchedulerAction", preferredID = GpuSchedulerTopComponent.ID)
@Messages({
    "CTL_GpuSchedulerAction=GPU Scheduler",
    "CTL_GpuSchedulerTopComponent=GPU Scheduler",
    "HINT_GpuSchedulerTopComponent=Vulkan devices, the path frame operations take, GPU queues, memory and benchmark",
    "LBL_Benchmark=Run GPU Benchmark",
    "LBL_BenchmarkProgress=GPU benchmark (1920x1080)",
    "LBL_DeviceChoice=Run frame operations on:",
    "LBL_Automatic=Automatic (best device, faster path measured)",
    "LBL_CpuReference=CPU reference",
    "# {0} - the system property",
    "HINT_ChoiceOverridden=Decided by {0}, which wins over this choice",
    "HINT_DeviceChoice=Applied at once: the GPU runtime restarts (Vulkan released, pipeline cache saved). Remembered."
})
public final class GpuSchedulerTopComponent extends TopComponent {

    static final String ID = "GpuSchedulerTopComponent";
    private static final Logger LOG = Logger.getLogger(GpuSchedulerTopComponent.class.getName());
    private static final RequestProcessor RP = new RequestProcessor(GpuSchedulerTopComponent.class.getName(), 1, true);

    private final JLabel path = label("gpu.path");
    private final JLabel memory = label("gpu.memory");
    private final JLabel utilisation = label("gpu.utilisation");
    private final JLabel cache = label("gpu.pipelineCache");
    private final JLabel batches = label("gpu.batches");
    private final JComboBox<Choice> deviceChoice = new JComboBox<>();
    private boolean updatingChoice;
    private final JTextArea devices = new JTextArea(4, 60);
    private final DefaultTableModel queueModel = new DefaultTableModel(
            new Object[] {"Queue", "Waiting", "Running", "Capacity", "Completed", "Rejected", "Failed"}, 0);
    private final DefaultTableModel benchModel = new DefaultTableModel(
            new Object[] {"Operation", "Vulkan fps", "CPU fps", "CPU 1 thread fps", "Vulkan/CPU"}, 0);
    private final JButton benchmark = new JButton(Bundle.LBL_Benchmark());
    private final JLabel benchStatus = label("gpu.benchmarkStatus");
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
        top.add(choiceRow, c);
        top.add(path, c);
        top.add(new JScrollPane(devices), c);
        top.add(memory, c);
        top.add(utilisation, c);
        top.add(batches, c);
        top.add(cache, c);
        JPanel queuePanel = new JPanel(new BorderLayout());
        queuePanel.setBorder(BorderFactory.createTitledBorder("Queues"));
        queuePanel.add(new JScrollPane(queues));
        JPanel benchPanel = new JPanel(new BorderLayout());
        benchPanel.setBorder(BorderFactory.createTitledBorder("Benchmark"));
        JPanel benchTop = new JPanel(new BorderLayout(8, 0));
        benchTop.add(benchmark, BorderLayout.WEST);
        benchTop.add(benchStatus, BorderLayout.CENTER);
        benchPanel.add(benchTop, BorderLayout.NORTH);
        benchPanel.add(new JScrollPane(results), BorderLayout.CENTER);
        JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, queuePanel, benchPanel);
        split.setResizeWeight(0.4);
        add(top, BorderLayout.NORTH);
        add(split, BorderLayout.CENTER);
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
    }

    private record View(GpuInfo info, SchedulerSnapshot scheduler, BatchFigures batches,
            GpuUsage usage, String problem) {
    }

    private View gather() {
        try {
            GpuInformation infoService = Lookup.getDefault().lookup(GpuInformation.class);
            GpuScheduler scheduler = Lookup.getDefault().lookup(GpuScheduler.class);
            GpuMetrics metrics = Lookup.getDefault().lookup(GpuMetrics.class);
            if (infoService == null || scheduler == null) {
                return new View(null, null, null, null, "the GPU module is not installed");
            }
            GpuInfo i = info.get();
            if (i == null) {
                long generation = infoGeneration.get();
                i = infoService.info(); // opens Vulkan and measures the path once
                if (infoGeneration.get() != generation) {
                    return new View(null, null, null, null, "switching devices...");
                }
                info.compareAndSet(null, i);
            }
            return new View(i, scheduler.snapshot(), scheduler.batchFigures(), metrics == null ? null : metrics.sample(), "");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "reading the GPU figures failed", e);
            return new View(null, null, null, null, "reading the GPU figures failed: " + e.getMessage());
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
        path.setText("Frame operations: " + i.status().path() + " (" + i.status().reason() + ")");
        StringBuilder d = new StringBuilder();
        boolean cpuChosen = i.status().path() == ProcessingPath.CPU && i.status().reason().contains("chosen by the user");
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
        benchmark.setText("Cancel");
        benchStatus.setText("measuring every operation on Vulkan and on the CPU...");
        running = bench.measure(1920, 1080, Duration.ofMillis(500));
        running.whenComplete((report, error) -> SwingUtilities.invokeLater(() -> {
            progress.finish();
            running = null;
            benchmark.setText(Bundle.LBL_Benchmark());
            if (report != null) {
                showReport(report);
            } else if (error instanceof java.util.concurrent.CancellationException) {
                benchStatus.setText("cancelled");
            } else {
                benchStatus.setText("failed: " + (error == null ? "?" : error.getMessage()));
            }
        }));
    }

    private void showReport(BenchmarkReport r) {
        benchModel.setRowCount(0);
        for (BenchmarkReport.OperationResult o : r.operations()) {
            benchModel.addRow(new Object[] {o.operation(), fps(o.vulkanFps()), fps(o.cpuFps()),
                fps(o.cpuSingleThreadFps()), fps(o.ratio())});
        }
        benchStatus.setText(String.format(Locale.ROOT, "%dx%d on %s; upload %.1f ms, readback %.1f ms a frame",
                r.width(), r.height(), r.device().isEmpty() ? "the CPU only" : r.device(), r.uploadMillis(),
                r.readbackMillis()));
    }

    private static String fps(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }
}
