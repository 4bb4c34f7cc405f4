package org.tsperf.monitor.ui;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.awt.event.ActionEvent;
import javax.swing.Action;
import javax.swing.JButton;
import javax.swing.SwingUtilities;
import org.netbeans.api.progress.ProgressHandle;
import org.openide.DialogDisplayer;
import org.openide.NotifyDescriptor;
import org.openide.awt.Actions;
import org.openide.awt.StatusDisplayer;
import org.openide.util.Lookup;
import org.openide.util.NbBundle.Messages;
import org.openide.util.RequestProcessor;
import org.tsperf.api.cache.CacheService;
import org.tsperf.api.gpu.GpuBenchmark;
import org.tsperf.api.optimize.Optimizer;
import org.tsperf.api.proxy.ProxyService;

/**
 * The monitor's buttons. Each calls its service when the module that provides it is installed, with progress
 * and Cancel in the status bar; otherwise it is disabled and its tooltip names the module to install. The services are
 * called on a background thread (clearing the cache opens its disk levels, a benchmark starts the GPU): a click only
 * disables the button and starts the progress bar on the event thread.
 */
@Messages({
    "LBL_OptimizeNow=Optimize Now",
    "HINT_OptimizeNow=Apply the recommended settings for this machine and media",
    "LBL_ClearCache=Clear Cache",
    "HINT_ClearCache=Empty every cache level",
    "LBL_GenerateProxies=Generate Proxies",
    "HINT_GenerateProxies=Queue every missing proxy of the known media",
    "LBL_GpuBenchmark=GPU Benchmark",
    "# {0} - the button's label", "# {1} - the service's summary",
    "MSG_ActionDone={0}: {1}",
    "# {0} - the button's label",
    "MSG_ActionCancelled={0}: cancelled",
    "# {0} - the button's label", "# {1} - the reason",
    "MSG_ActionFailed={0} failed: {1}",
    "HINT_GpuBenchmark=Measure every frame operation on the GPU and on the CPU; the results show in the GPU Scheduler"
        + " window",
    "MSG_BenchmarkDone=done; every operation's figures are in the GPU Scheduler window",
    "MSG_BenchmarkAlreadyRunning=already running; its results will show in the GPU Scheduler window"
})
final class FeatureActions {

    private static final Logger LOG = Logger.getLogger(FeatureActions.class.getName());
    /** Where the buttons' services are called: never the event thread. */
    private static final RequestProcessor CALLS = new RequestProcessor(FeatureActions.class.getName(), 2);

    private final Lookup lookup;
    /** In the order of the seed's mock-up. */
    private final Map<EngineFeature, JButton> buttons = new LinkedHashMap<>();
    private final Map<EngineFeature, String> descriptions = new EnumMap<>(EngineFeature.class);

    FeatureActions(Lookup lookup) {
        this.lookup = lookup;
        add(EngineFeature.OPTIMIZER, Bundle.LBL_OptimizeNow(), "optimizeNow", Bundle.HINT_OptimizeNow(),
                service(Optimizer.class, Optimizer::optimizeNow));
        add(EngineFeature.CACHE, Bundle.LBL_ClearCache(), "clearCache", Bundle.HINT_ClearCache(),
                service(CacheService.class, CacheService::clear));
        add(EngineFeature.PROXIES, Bundle.LBL_GenerateProxies(), "generateProxies", Bundle.HINT_GenerateProxies(),
                service(ProxyService.class, ProxyService::generateMissing));
        add(EngineFeature.GPU_BENCHMARK, Bundle.LBL_GpuBenchmark(), "gpuBenchmark", Bundle.HINT_GpuBenchmark(),
                service(GpuBenchmark.class, FeatureActions::benchmarkInGpuScheduler));
    }

    /** Window &gt; GPU Scheduler (the GPU module's action): its table shows the results of every benchmark run. */
    static final String GPU_SCHEDULER_ACTION = "org.tsperf.gpu.ui.GpuSchedulerTopComponent";

    /**
     * Runs the GPU benchmark with the results in the GPU Scheduler window's table (where its own button puts them):
     * the window opens now and shows the run in progress, then every operation's figures and whether the path in
     * use agrees. A run already in progress is not started twice. Background thread (the window opens on the event
     * thread).
     */
    private static CompletableFuture<String> benchmarkInGpuScheduler(GpuBenchmark bench) {
        SwingUtilities.invokeLater(FeatureActions::openGpuScheduler);
        if (bench.running()) {
            return CompletableFuture.completedFuture(Bundle.MSG_BenchmarkAlreadyRunning());
        }
        return bench.run().thenApply(summary -> Bundle.MSG_BenchmarkDone());
    }

    /** Through the GPU module's Window action, which opens that module's own window (after a reinstall too). */
    private static void openGpuScheduler() {
        Action open = Actions.forID("Window", GPU_SCHEDULER_ACTION);
        if (open == null) {
            LOG.log(Level.WARNING, "the GPU Scheduler window ({0}) is not found; the benchmark runs without it",
                    GPU_SCHEDULER_ACTION);
            return;
        }
        open.actionPerformed(new ActionEvent(FeatureActions.class, ActionEvent.ACTION_PERFORMED, "open"));
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
        b.setEnabled(false); // until the first sample of the window says which modules are installed
        b.setToolTipText(description);
        descriptions.put(feature, description);
        b.addActionListener(e -> run(feature, label, call));
        buttons.put(feature, b);
    }

    /** Event thread: the service is asked on {@link #CALLS}; its outcome is shown back on the event thread. */
    private void run(EngineFeature feature, String label, Function<Lookup, CompletableFuture<String>> call) {
        JButton button = buttons.get(feature);
        button.setEnabled(false);
        AtomicReference<CompletableFuture<String>> started = new AtomicReference<>();
        CompletableFuture<String> future = CompletableFuture.supplyAsync(() -> call.apply(lookup), CALLS)
                .thenCompose(f -> {
                    started.set(f);
                    return f == null ? CompletableFuture.completedFuture(null) : f;
                });
        ProgressHandle progress = ProgressHandle.createHandle(label, () -> {
            CompletableFuture<String> f = started.get();
            if (f != null) {
                f.cancel(true);
            }
            return future.cancel(true);
        });
        progress.start();
        progress.switchToIndeterminate();
        future.whenComplete((summary, error) -> SwingUtilities.invokeLater(() -> {
            progress.finish();
            button.setEnabled(lookup.lookup(feature.service) != null);
            if (error == null && summary == null) { // the module went away between the click and now
                refresh(Set.of());
            } else if (error == null) {
                StatusDisplayer.getDefault().setStatusText(Bundle.MSG_ActionDone(label, summary));
            } else if (unwrap(error) instanceof CancellationException) {
                StatusDisplayer.getDefault().setStatusText(Bundle.MSG_ActionCancelled(label));
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
                Bundle.MSG_ActionFailed(label, error.getMessage()), NotifyDescriptor.ERROR_MESSAGE));
    }
}
