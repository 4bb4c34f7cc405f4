package org.tsperf.wizard;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.openide.util.Lookup;
import org.openide.util.lookup.ServiceProvider;
import org.tsperf.api.optimize.Change;
import org.tsperf.api.optimize.OptimizationService;
import org.tsperf.api.optimize.Recommendations;
import org.tsperf.api.optimize.SystemDescription;

/**
 * The wizard's engine in Lookup. The disk test writes {@code tsperf.optimize.disk.test} bytes per disk (default 32M,
 * e.g. 1M in tests).
 */
@ServiceProvider(service = OptimizationService.class)
public final class DefaultOptimizationService implements OptimizationService {

    static final long DEFAULT_DISK_TEST = 32L << 20;

    private final SettingsApplier applier = new SettingsApplier(Lookup.getDefault());

    @Override
    public SystemDescription measure(Consumer<String> progress, BooleanSupplier cancelled) {
        String size = System.getProperty("tsperf.optimize.disk.test");
        long bytes = size == null || size.isBlank() ? DEFAULT_DISK_TEST : Figures.parseSize(size);
        return new MachineSurvey(Lookup.getDefault(), bytes).measure(progress, cancelled);
    }

    @Override
    public Recommendations recommend(SystemDescription system) {
        return Recommender.recommend(system);
    }

    @Override
    public List<Change> apply(Recommendations recommendations) {
        return applier.apply(recommendations);
    }

    @Override
    public List<Change> undo(List<Change> changes) {
        return applier.undo(changes);
    }
}
