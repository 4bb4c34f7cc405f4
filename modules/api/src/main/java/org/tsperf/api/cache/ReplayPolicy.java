package org.tsperf.api.cache;

/** The eviction policy a trace is replayed with. */
public enum ReplayPolicy {
    /** The L1 policy exactly as the application configures it, without the trace's playback hints. */
    DEFAULT,
    /** The same L1 policy told the trace's playback hints ({@link TraceHint}), as the player tells the cache. */
    HINTED,
    /** Plain least-recently-used, for comparison. */
    LRU,
    /** Belady's MIN (evicts what is needed furthest in the future): the offline ceiling, for comparison. */
    MIN
}
