package org.tsperf.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * What the application's RAM level and {@code tsperf cache replay} share, so that both use exactly the same L1
 * configuration: how entries are weighed and where values are stored (the policy itself is {@link AdaptiveL1}).
 */
final class L1Policy {

    /** Bookkeeping bytes counted per entry on top of the value (key, node, record). */
    static final int ENTRY_OVERHEAD = 96;

    private L1Policy() {
    }

    /**
     * The storage of the RAM level's values: Caffeine with no bound of its own (the policy decides what stays, see
     * {@link AdaptiveL1}), maintenance on the calling thread.
     */
    static <K, V> Cache<K, V> storage() {
        return Caffeine.newBuilder().executor(Runnable::run).build();
    }
}
