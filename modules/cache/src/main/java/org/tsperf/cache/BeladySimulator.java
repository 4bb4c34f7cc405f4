package org.tsperf.cache;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.tsperf.api.cache.TraceAccess;

/**
 * Belady's MIN with bypass: on a miss the new entry competes with the cached ones, and entries needed furthest in
 * the future (or never) leave until the rest fits. Exact for equal sizes; with mixed sizes it is the usual
 * furthest-next-use approximation of the optimum.
 */
final class BeladySimulator {

    private BeladySimulator() {
    }

    /** @return {hits, hitBytes} */
    static long[] run(List<TraceAccess> trace, long capacity) {
        int n = trace.size();
        int[] next = new int[n];
        Map<String, Integer> seen = new HashMap<>();
        for (int i = n - 1; i >= 0; i--) {
            next[i] = seen.getOrDefault(trace.get(i).key(), Integer.MAX_VALUE);
            seen.put(trace.get(i).key(), i);
        }
        // cached entries ordered by next use, furthest first; ties by key
        TreeSet<Slot> byNextUse = new TreeSet<>((a, b) -> a.nextUse != b.nextUse
                ? Integer.compare(b.nextUse, a.nextUse) : a.key.compareTo(b.key));
        Map<String, Slot> cached = new HashMap<>();
        long used = 0;
        long hits = 0;
        long hitBytes = 0;
        for (int i = 0; i < n; i++) {
            TraceAccess a = trace.get(i);
            Slot s = cached.get(a.key());
            if (s != null) {
                hits++;
                hitBytes += a.bytes();
                byNextUse.remove(s);
                s.nextUse = next[i];
                byNextUse.add(s);
                continue;
            }
            long w = a.bytes() + L1Policy.ENTRY_OVERHEAD;
            if (w > capacity || next[i] == Integer.MAX_VALUE) {
                continue;
            }
            Slot incoming = new Slot(a.key(), w, next[i]);
            byNextUse.add(incoming);
            used += w;
            while (used > capacity) {
                Slot victim = byNextUse.pollFirst();
                used -= victim.weight;
                cached.remove(victim.key);
            }
            if (byNextUse.contains(incoming)) {
                cached.put(a.key(), incoming);
            }
        }
        return new long[] {hits, hitBytes};
    }

    private static final class Slot {
        final String key;
        final long weight;
        int nextUse;

        Slot(String key, long weight, int nextUse) {
            this.key = key;
            this.weight = weight;
            this.nextUse = nextUse;
        }
    }
}
