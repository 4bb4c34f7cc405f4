package org.tsperf.api.cache;

import java.util.List;

/** Replays access traces through the L1 policy, for tuning and benchmarks. Provided by the cache module. */
public interface CacheReplay {

    /**
     * Replays in a fresh, private cache of {@code capacityBytes}; touches no real cache level. The trace's
     * {@link TraceHint}s reach only {@link ReplayPolicy#HINTED}; the other policies replay its accesses alone.
     */
    ReplayResult replay(List<? extends TraceEvent> trace, long capacityBytes, ReplayPolicy policy);

    /** The kinds of simulated editing session {@link #editingTrace} draws (playback, loop, scrub, ..., mixed). */
    List<String> editingTraceKinds();

    /**
     * A simulated editing session with the hints its player gives, as the benchmarks replay it: the same trace for
     * the same kind, seed and scale.
     *
     * @param scale 1 for the benchmarks' length; smaller for shorter traces
     * @throws IllegalArgumentException for an unknown kind or a scale not above 0
     */
    List<TraceEvent> editingTrace(String kind, long seed, double scale);
}
