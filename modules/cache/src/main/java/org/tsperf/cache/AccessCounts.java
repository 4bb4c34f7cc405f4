package org.tsperf.cache;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * How often each key was used lately: the frequency that the L1 policy's admission compares (TinyLFU's role, counted
 * exactly instead of in a sketch). Counts stop at {@link #MAX_COUNT}; after every {@link #SAMPLE} capacities of
 * requested bytes all counts are halved and keys whose count reaches 0 are forgotten, so what was popular once
 * fades and the table holds at most the keys of about two such periods. Not thread-safe (the owner's lock guards
 * it).
 */
final class AccessCounts<K> {

    /** As TinyLFU's 4-bit counters: beyond this, more uses say nothing new. */
    static final int MAX_COUNT = 15;
    /** The aging period in capacities of requested bytes (TinyLFU's sample of ten times the cache size). */
    static final int SAMPLE = 10;

    private final Map<K, int[]> counts = new HashMap<>();
    private long capacity;
    private long sinceAging;

    AccessCounts(long capacityBytes) {
        this.capacity = capacityBytes;
    }

    /** Counts one use of {@code key}, weighing {@code weight} bytes. */
    void record(K key, long weight) {
        int[] c = counts.computeIfAbsent(key, k -> new int[1]);
        c[0] = Math.min(MAX_COUNT, c[0] + 1);
        sinceAging += weight;
        if (sinceAging >= SAMPLE * capacity) {
            sinceAging = 0;
            for (Iterator<int[]> all = counts.values().iterator(); all.hasNext(); ) {
                int[] old = all.next();
                old[0] >>= 1;
                if (old[0] == 0) {
                    all.remove();
                }
            }
        }
    }

    /** Uses of {@code key} lately; 0 when it is not remembered. */
    int count(K key) {
        int[] c = counts.get(key);
        return c == null ? 0 : c[0];
    }

    int keys() {
        return counts.size();
    }

    void setCapacity(long capacityBytes) {
        capacity = capacityBytes;
    }
}
