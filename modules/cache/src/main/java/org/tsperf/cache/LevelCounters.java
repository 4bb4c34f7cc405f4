package org.tsperf.cache;

import java.util.concurrent.atomic.LongAdder;
import org.tsperf.api.cache.CacheLevel;
import org.tsperf.api.cache.EntryType;

/** Hits, misses and evictions per level and entry type since start. Lock-free; any thread. */
final class LevelCounters {

    private final LongAdder[][] hits = adders();
    private final LongAdder[][] misses = adders();
    private final LongAdder[][] evictions = adders();

    private static LongAdder[][] adders() {
        LongAdder[][] a = new LongAdder[CacheLevel.values().length][EntryType.values().length];
        for (LongAdder[] row : a) {
            for (int i = 0; i < row.length; i++) {
                row[i] = new LongAdder();
            }
        }
        return a;
    }

    void hit(CacheLevel level, EntryType type) {
        hits[level.ordinal()][type.ordinal()].increment();
    }

    void miss(CacheLevel level, EntryType type) {
        misses[level.ordinal()][type.ordinal()].increment();
    }

    void evicted(CacheLevel level, EntryType type) {
        evictions[level.ordinal()][type.ordinal()].increment();
    }

    long hits(CacheLevel level, EntryType type) {
        return hits[level.ordinal()][type.ordinal()].sum();
    }

    long misses(CacheLevel level, EntryType type) {
        return misses[level.ordinal()][type.ordinal()].sum();
    }

    long evictions(CacheLevel level, EntryType type) {
        return evictions[level.ordinal()][type.ordinal()].sum();
    }

    long hits(CacheLevel level) {
        long n = 0;
        for (EntryType t : EntryType.values()) {
            n += hits(level, t);
        }
        return n;
    }

    long misses(CacheLevel level) {
        long n = 0;
        for (EntryType t : EntryType.values()) {
            n += misses(level, t);
        }
        return n;
    }

    long evictions(CacheLevel level) {
        long n = 0;
        for (EntryType t : EntryType.values()) {
            n += evictions(level, t);
        }
        return n;
    }
}
