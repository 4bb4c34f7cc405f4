package org.tsperf.wizard.ui;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.tsperf.api.optimize.Change;
import org.tsperf.api.optimize.OptimizationService;
import org.tsperf.api.optimize.Recommendations;
import org.tsperf.api.optimize.SystemDescription;
import org.tsperf.api.optimize.WorkloadDescription;

/**
 * One run of the wizard: what was measured, the recommendations as the user changed them, what was applied. The
 * work runs on the wizard's own thread, never the event thread; {@link #close()} ends it.
 */
final class WizardModel implements AutoCloseable {

    private final OptimizationService service;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tsperf-wizard");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean cancelMeasure = new AtomicBoolean();
    private volatile SystemDescription system;
    private volatile Recommendations recommendations;
    private volatile SystemDescription recommendedFor;
    private volatile List<Change> applied = List.of();

    WizardModel(OptimizationService service) {
        this.service = service;
    }

    CompletableFuture<SystemDescription> measure(Consumer<String> progress) {
        cancelMeasure.set(false);
        return CompletableFuture.supplyAsync(() -> service.measure(progress, cancelMeasure::get), worker)
                .thenApply(s -> {
                    system = s;
                    return s;
                });
    }

    void cancelMeasure() {
        cancelMeasure.set(true);
    }

    SystemDescription system() {
        return system;
    }

    void setWorkload(WorkloadDescription workload) {
        SystemDescription s = system;
        if (s != null && !s.workload().equals(workload)) {
            system = new SystemDescription(s.hardware(), workload, s.installedModules());
        }
    }

    void setSystem(SystemDescription s) {
        system = s;
    }

    /** The recommendations for the description now; the user's changes are kept while it stays the same. */
    Recommendations recommendations() {
        SystemDescription s = system;
        if (recommendations == null || !s.equals(recommendedFor)) {
            recommendations = service.recommend(s);
            recommendedFor = s;
        }
        return recommendations;
    }

    void setRecommendations(Recommendations r) {
        recommendations = r;
    }

    CompletableFuture<List<Change>> apply() {
        Recommendations r = recommendations();
        return CompletableFuture.supplyAsync(() -> service.apply(r), worker).thenApply(c -> {
            applied = c;
            return c;
        });
    }

    CompletableFuture<List<Change>> undo() {
        List<Change> c = applied;
        return CompletableFuture.supplyAsync(() -> service.undo(c), worker).thenApply(u -> {
            applied = List.of();
            return u;
        });
    }

    List<Change> applied() {
        return applied;
    }

    @Override
    public void close() {
        cancelMeasure.set(true);
        worker.shutdownNow();
    }
}
