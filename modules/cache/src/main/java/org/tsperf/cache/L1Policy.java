package org.tsperf.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalListener;

/**
 * The L1 policy, in one place so that the application's RAM level and {@code tsperf cache replay} use exactly the
 * same configuration: Caffeine (W-TinyLFU: a small LRU window, a frequency-filtered main space), weighed in bytes,
 * maintenance on the calling thread so that the weight never stays above the maximum between calls.
 */
final class L1Policy {

    /** Bookkeeping bytes counted per entry on top of the value (key, node, record). */
    static final int ENTRY_OVERHEAD = 96;

    private L1Policy() {
    }

    static <K, V> Cache<K, V> build(long capacityBytes, Weigher<V> weigher, RemovalListener<K, V> evictions) {
        return Caffeine.newBuilder()
                .maximumWeight(capacityBytes)
                .weigher((K k, V v) -> (int) Math.min(Integer.MAX_VALUE, weigher.bytes(v) + ENTRY_OVERHEAD))
                .executor(Runnable::run)
                .evictionListener(evictions)
                .build();
    }

    /** The size of a value in bytes. */
    @FunctionalInterface
    interface Weigher<V> {
        long bytes(V value);
    }
}
