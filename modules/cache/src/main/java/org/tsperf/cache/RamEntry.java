package org.tsperf.cache;

import java.util.concurrent.atomic.AtomicLong;
import org.tsperf.api.cache.CacheKey;

/** A value in L1 with its use, for spill decisions and the entries table. */
final class RamEntry {

    final CacheKey key;
    final byte[] value;
    final AtomicLong hits;
    volatile long lastAccessMillis;

    RamEntry(CacheKey key, byte[] value, long hits) {
        this.key = key;
        this.value = value;
        this.hits = new AtomicLong(hits);
        this.lastAccessMillis = System.currentTimeMillis();
    }

    void touch() {
        hits.incrementAndGet();
        lastAccessMillis = System.currentTimeMillis();
    }
}
