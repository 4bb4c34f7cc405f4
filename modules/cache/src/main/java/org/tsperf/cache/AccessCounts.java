package org.tsperf.cache;

import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * How often each recently used key was used: the frequency that the L1 policy's admission compares (TinyLFU's role,
 * counted exactly instead of sketched). A key is remembered while the distinct keys used after it weigh at most the
 * horizon (a few capacities); beyond that its count starts again. Counts stop at {@link #MAX_COUNT} and are halved
 * after every period of accesses (ten per remembered key), so that what was popular once fades. Not thread-safe (the
 * owner's lock guards it).
 */
final class AccessCounts<K> {

    /** As TinyLFU's 4-bit counters: beyond this, more uses say nothing new. */
    static final int MAX_COUNT = 15;

    private final LinkedHashMap<K, Count> counts = new LinkedHashMap<>(); // eldest use first
    private long horizon;
    private long bytes;
    private long sinceAging;

    AccessCounts(long horizonBytes) {
        this.horizon = horizonBytes;
    }

    /** Counts one use of {@code key}, weighing {@code weight} bytes. */
    void record(K key, long weight) {
        Count c = counts.remove(key);
        if (c == null) {
            c = new Count();
        } else {
            bytes -= c.weight;
        }
        counts.put(key, c); // now the latest use
        c.weight = weight;
        bytes += weight;
        c.count = Math.min(MAX_COUNT, c.count + 1);
        Iterator<Count> eldest = counts.values().iterator();
        while (bytes - weight > horizon && eldest.hasNext()) {
            Count old = eldest.next();
            if (old == c) {
                break;
            }
            bytes -= old.weight;
            eldest.remove();
        }
        if (++sinceAging >= 10L * counts.size() + 64) {
            sinceAging = 0;
            for (Iterator<Count> all = counts.values().iterator(); all.hasNext(); ) {
                Count old = all.next();
                old.count >>= 1;
            }
        }
    }

    /** Uses of {@code key} recently counted; 0 when it is not remembered. */
    int count(K key) {
        Count c = counts.get(key);
        return c == null ? 0 : c.count;
    }

    void forget(K key) {
        Count c = counts.remove(key);
        if (c != null) {
            bytes -= c.weight;
        }
    }

    void setHorizon(long horizonBytes) {
        horizon = horizonBytes;
    }

    private static final class Count {
        int count;
        long weight;
    }
}
