package org.tsperf.cache;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tsperf.api.cache.TraceAccess;

/** Plain least-recently-used by bytes: the baseline for replays. */
final class LruSimulator {

    private LruSimulator() {
    }

    /** @return {hits, hitBytes} */
    static long[] run(List<TraceAccess> trace, long capacity) {
        LinkedHashMap<String, Long> cache = new LinkedHashMap<>(16, 0.75f, true);
        long used = 0;
        long hits = 0;
        long hitBytes = 0;
        for (TraceAccess a : trace) {
            if (cache.get(a.key()) != null) {
                hits++;
                hitBytes += a.bytes();
                continue;
            }
            long w = a.bytes() + L1Policy.ENTRY_OVERHEAD;
            if (w > capacity) {
                continue;
            }
            Iterator<Map.Entry<String, Long>> eldest = cache.entrySet().iterator();
            while (used + w > capacity) {
                used -= eldest.next().getValue();
                eldest.remove();
            }
            cache.put(a.key(), w);
            used += w;
        }
        return new long[] {hits, hitBytes};
    }
}
