package org.tsperf.api.cache;

import java.util.List;

/** Replays access traces through the L1 policy, for tuning and benchmarks. Provided by the cache module. */
public interface CacheReplay {

    /**
     * Replays in a fresh, private cache of {@code capacityBytes}; touches no real cache level. The trace's
     * {@link TraceHint}s reach only {@link ReplayPolicy#HINTED}; the other policies replay its accesses alone.
     */
    ReplayResult replay(List<? extends TraceEvent> trace, long capacityBytes, ReplayPolicy policy);
}
