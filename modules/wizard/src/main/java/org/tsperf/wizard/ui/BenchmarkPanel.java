package org.tsperf.wizard.ui;

import java.awt.BorderLayout;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import org.openide.util.Lookup;
import org.openide.util.NbBundle.Messages;
import org.tsperf.api.gpu.BenchmarkReport;
import org.tsperf.api.gpu.GpuBenchmark;
import org.tsperf.api.optimize.HardwareDescription;
import org.tsperf.api.optimize.SystemDescription;

/**
 * Step 3, optional: the GPU benchmark at 1280x720 (a few seconds), with Cancel. Its path and figures replace the
 * measured ones, so the GPU recommendation rests on them.
 */
@Messages({
    "LBL_Benchmark=Quick Benchmark",
    "BTN_RunBenchmark=Run Benchmark",
    "BTN_CancelBenchmark=Cancel",
    "MSG_BenchmarkIntro=The GPU benchmark times every frame operation on Vulkan and on the CPU at 1280x720, a few"
        + " seconds. You may skip it.",
    "MSG_NoGpuModule=The GPU Scheduler module is not installed: there is nothing to benchmark.",
    "MSG_BenchmarkRunning=Running the GPU benchmark...",
    "MSG_BenchmarkCancelled=Benchmark cancelled.",
    "# {0} - why",
    "MSG_BenchmarkFailed=Benchmark failed: {0}"
})
final class BenchmarkPanel extends StepPanel {

    private static final Logger LOG = Logger.getLogger(BenchmarkPanel.class.getName());

    private final JTextArea text = new JTextArea(Bundle.MSG_BenchmarkIntro(), 12, 60);
    private final JProgressBar progress = new JProgressBar();
    private final JButton run = new JButton(Bundle.BTN_RunBenchmark());
    private final JButton cancel = new JButton(Bundle.BTN_CancelBenchmark());
    private CompletableFuture<BenchmarkReport> running;

    BenchmarkPanel(WizardModel model) {
        super(Bundle.LBL_Benchmark(), model);
    }

    @Override
    protected JComponent build() {
        text.setEditable(false);
        text.setLineWrap(true);
        text.setWrapStyleWord(true);
        text.setName("benchmarkText");
        run.setName("runBenchmark");
        cancel.setName("cancelBenchmark");
        progress.setName("benchmarkProgress");
        cancel.setEnabled(false);
        run.addActionListener(e -> start());
        cancel.addActionListener(e -> {
            if (running != null) {
                running.cancel(true);
            }
        });
        JPanel buttons = new JPanel();
        buttons.add(progress);
        buttons.add(run);
        buttons.add(cancel);
        JPanel p = new JPanel(new BorderLayout(4, 4));
        p.add(new JScrollPane(text), BorderLayout.CENTER);
        p.add(buttons, BorderLayout.SOUTH);
        return p;
    }

    @Override
    public boolean isValid() {
        return running == null || running.isDone();
    }

    private void start() {
        GpuBenchmark bench = Lookup.getDefault().lookup(GpuBenchmark.class);
        if (bench == null) {
            text.setText(Bundle.MSG_NoGpuModule());
            return;
        }
        run.setEnabled(false);
        cancel.setEnabled(true);
        progress.setIndeterminate(true);
        text.setText(Bundle.MSG_BenchmarkRunning());
        running = bench.measure(1280, 720, Duration.ofMillis(150));
        validityChanged();
        running.whenComplete((report, error) -> SwingUtilities.invokeLater(() -> done(report, error)));
    }

    private void done(BenchmarkReport report, Throwable error) {
        progress.setIndeterminate(false);
        run.setEnabled(true);
        cancel.setEnabled(false);
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof CancellationException) {
            text.setText(Bundle.MSG_BenchmarkCancelled());
        } else if (cause != null) {
            LOG.log(Level.WARNING, "the GPU benchmark failed", cause);
            text.setText(Bundle.MSG_BenchmarkFailed(cause.getMessage()));
        } else {
            StringBuilder b = new StringBuilder();
            for (BenchmarkReport.OperationResult o : report.operations()) {
                b.append(String.format(Locale.ROOT, "%s: Vulkan %.1f fps, CPU %.1f fps%n", o.operation(),
                        o.vulkanFps(), o.cpuFps()));
            }
            b.append("faster: ").append(report.fasterPath().name().toLowerCase(Locale.ROOT)).append(" (")
                    .append(report.status().reason()).append(')');
            text.setText(b.toString());
            SystemDescription s = model.system();
            HardwareDescription hw = s.hardware();
            model.setSystem(new SystemDescription(hw.withGpuPath(report.status().path().name()
                    .toLowerCase(Locale.ROOT), report.status().vulkanMillis(), report.status().cpuMillis()),
                    s.workload(), s.installedModules()));
        }
        validityChanged();
    }
}
