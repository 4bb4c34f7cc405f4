package org.tsperf.api.cache;

import java.util.List;

/** Replays access traces through the L1 policy, for tuning and benchmarks. Provided by the cache module. */
public interface CacheReplay {

    /** Replays in a fresh, private cache of {@code capacityBytes}; touches no real cache level. */
    ReplayResult replay(List<TraceAccess> trace, long capacityBytes, ReplayPolicy policy);
}
