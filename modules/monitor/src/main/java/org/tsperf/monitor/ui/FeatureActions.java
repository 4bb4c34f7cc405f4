package org.tsperf.monitor.ui;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.JButton;
import javax.swing.SwingUtilities;
import org.netbeans.api.progress.ProgressHandle;
import org.openide.DialogDisplayer;
import org.openide.NotifyDescriptor;
import org.openide.awt.StatusDisplayer;
import org.openide.util.Lookup;
import org.openide.util.NbBundle.Messages;
import org.openide.windows.TopComponent;
import org.openide.windows.WindowManager;
import org.tsperf.api.cache.CacheService;
import org.tsperf.api.gpu.GpuBenchmark;
import org.tsperf.api.optimize.Optimizer;
import org.tsperf.api.proxy.ProxyService;

/**
 * The monitor's buttons. Each calls its service when the module that provides it is installed, with progress
 * and Cancel in the status bar; otherwise it is disabled and its tooltip names the module to install.
 */
@Messages({
    "HINT_GpuBenchmark=Measure every frame operation on the GPU and on the CPU; the results show in the GPU Scheduler"
        + " window",
    "MSG_BenchmarkDone=done; every operation's figures are in the GPU Scheduler window",
    "MSG_BenchmarkAlreadyRunning=already running; its results will show in the GPU Scheduler window"
})
final class FeatureActions {

    private static final Logger LOG = Logger.getLogger(FeatureActions.class.getName());

    private final Lookup lookup;
    /** In the order of the seed's mock-up. */
    private final Map<EngineFeature, JButton> buttons = new LinkedHashMap<>();
    private final Map<EngineFeature, String> descriptions = new EnumMap<>(EngineFeature.class);

    FeatureActions(Lookup lookup) {
        this.lookup = lookup;
        add(EngineFeature.OPTIMIZER, "Optimize Now", "optimizeNow",
                "Apply the recommended settings for this machine and media",
                service(Optimizer.class, Optimizer::optimizeNow));
        add(EngineFeature.CACHE, "Clear Cache", "clearCache", "Empty every cache level",
                service(CacheService.class, CacheService::clear));
        add(EngineFeature.PROXIES, "Generate Proxies", "generateProxies",
                "Queue every missing proxy of the known media", service(ProxyService.class, ProxyService::generateMissing));
        add(EngineFeature.GPU_BENCHMARK, "GPU Benchmark", "gpuBenchmark", Bundle.HINT_GpuBenchmark(),
                service(GpuBenchmark.class, FeatureActions::benchmarkInGpuScheduler));
    }

    /** The GPU Scheduler window's preferred ID: its table shows the results of every benchmark run. */
    static final String GPU_SCHEDULER = "GpuSchedulerTopComponent";

    /**
     * Runs the GPU benchmark with the results in the GPU Scheduler window's table (where its own button puts them):
     * the window opens now and shows the run in progress, then every operation's figures and whether the path in
     * use agrees. A run already in progress is not started twice. Event thread.
     */
    private static CompletableFuture<String> benchmarkInGpuScheduler(GpuBenchmark bench) {
        openGpuScheduler();
        if (bench.running()) {
            return CompletableFuture.completedFuture(Bundle.MSG_BenchmarkAlreadyRunning());
        }
        return bench.run().thenApply(summary -> Bundle.MSG_BenchmarkDone());
    }

    private static void openGpuScheduler() {
        TopComponent window = WindowManager.getDefault().findTopComponent(GPU_SCHEDULER);
        if (window == null) {
            LOG.log(Level.WARNING, "the GPU Scheduler window ({0}) is not found; the benchmark runs without it",
                    GPU_SCHEDULER);
            return;
        }
        window.open();
        window.requestActive();
    }

    Iterable<JButton> buttons() {
        return buttons.values();
    }

    /** Event thread. */
    void refresh(Set<EngineFeature> installed) {
        buttons.forEach((feature, button) -> {
            boolean on = installed.contains(feature);
            button.setEnabled(on);
            button.setToolTipText(on ? descriptions.get(feature) : feature.missingHint());
        });
    }

    private <S> Function<Lookup, CompletableFuture<String>> service(Class<S> type, Function<S, CompletableFuture<String>> call) {
        return l -> {
            S s = l.lookup(type);
            return s == null ? null : call.apply(s);
        };
    }

    private void add(EngineFeature feature, String label, String name, String description,
            Function<Lookup, CompletableFuture<String>> call) {
        JButton b = new JButton(label);
        b.setName(name);
        descriptions.put(feature, description);
        b.addActionListener(e -> run(feature, label, call));
        buttons.put(feature, b);
    }

    private void run(EngineFeature feature, String label, Function<Lookup, CompletableFuture<String>> call) {
        CompletableFuture<String> future;
        try {
            future = call.apply(lookup);
        } catch (RuntimeException ex) {
            LOG.log(Level.WARNING, label + " failed to start", ex);
            fail(label, ex);
            return;
        }
        if (future == null) { // the module went away between the click and now
            refresh(Set.of());
            return;
        }
        JButton button = buttons.get(feature);
        button.setEnabled(false);
        ProgressHandle progress = ProgressHandle.createHandle(label, () -> future.cancel(true));
        progress.start();
        progress.switchToIndeterminate();
        future.whenComplete((summary, error) -> SwingUtilities.invokeLater(() -> {
            progress.finish();
            button.setEnabled(lookup.lookup(feature.service) != null);
            if (error == null) {
                StatusDisplayer.getDefault().setStatusText(label + ": " + summary);
            } else if (unwrap(error) instanceof CancellationException) {
                StatusDisplayer.getDefault().setStatusText(label + ": cancelled");
            } else {
                LOG.log(Level.WARNING, label + " failed", error);
                fail(label, unwrap(error));
            }
        }));
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    private static void fail(String label, Throwable error) {
        DialogDisplayer.getDefault().notifyLater(new NotifyDescriptor.Message(
                label + " failed: " + error.getMessage(), NotifyDescriptor.ERROR_MESSAGE));
    }
}
