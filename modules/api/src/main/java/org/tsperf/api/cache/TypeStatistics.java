package org.tsperf.api.cache;

/** Figures of one entry type on one level since start, with its current content. */
public record TypeStatistics(CacheLevel level, EntryType type, long entries, long bytes, long hits, long misses,
        long evictions) {

    public double hitRate() {
        return new CacheStatistics(hits, misses).hitRate();
    }
}
