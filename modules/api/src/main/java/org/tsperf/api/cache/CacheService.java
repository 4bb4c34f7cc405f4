package org.tsperf.api.cache;

import java.util.concurrent.CompletableFuture;

/** The multi-level frame cache, as far as the workbench's other modules need it. Provided by the cache module. */
public interface CacheService {

    /**
     * Totals over all levels since start. Cheap once the cache is open, from any thread; the first call of any method
     * opens the disk levels (their MapDB indexes), so not from the event thread.
     */
    CacheStatistics statistics();

    /**
     * Empties every level (the monitor's "Clear Cache" button). Not from the event thread: it may open the disk levels.
     *
     * @return completes with a summary for the user, e.g. how many bytes were freed
     */
    CompletableFuture<String> clear();
}
