package org.tsperf.api.optimize;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The Optimization Wizard's engine: measures the machine and workload, recommends settings, applies them through
 * each module's service and undoes that. Provided through Lookup by the wizard module. Thread-safe; {@link #measure}
 * and {@link #apply} do I/O and never run on the event thread.
 */
public interface OptimizationService {

    /**
     * Measures cores, memory, GPU devices and path, each disk's free space and speed (a short fsync'd write and
     * read), and the media the Proxy Manager knows. Under a minute.
     *
     * @param progress  called with each step in words, from the calling thread
     * @param cancelled polled between and inside steps
     * @throws java.util.concurrent.CancellationException when {@code cancelled} turned true
     */
    SystemDescription measure(Consumer<String> progress, BooleanSupplier cancelled);

    /** The recommendations: a pure function of the description. */
    Recommendations recommend(SystemDescription system);

    /** Applies every recommendation a module's service can take; the rest say what to do instead. */
    List<Change> apply(Recommendations recommendations);

    /** Restores the values from before {@code changes} were applied. */
    List<Change> undo(List<Change> changes);
}
