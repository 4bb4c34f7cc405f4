package org.tsperf.api.cache;

import java.util.concurrent.CompletableFuture;

/** The multi-level frame cache, as far as the workbench's other modules need it. Provided by the cache module. */
public interface CacheService {

    /** Totals over all levels since start. Cheap; may be called from any thread. */
    CacheStatistics statistics();

    /**
     * Empties every level (the monitor's "Clear Cache" button).
     *
     * @return completes with a summary for the user, e.g. how many bytes were freed
     */
    CompletableFuture<String> clear();
}
