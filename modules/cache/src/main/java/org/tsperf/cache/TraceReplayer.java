package org.tsperf.cache;

import java.util.List;
import org.openide.util.lookup.ServiceProvider;
import org.tsperf.api.cache.CacheReplay;
import org.tsperf.api.cache.ReplayPolicy;
import org.tsperf.api.cache.ReplayResult;
import org.tsperf.api.cache.TraceAccess;

/** Replays traces through {@link AdaptiveL1} (the application's L1 policy), plain LRU or Belady's MIN. */
@ServiceProvider(service = CacheReplay.class)
public final class TraceReplayer implements CacheReplay {

    @Override
    public ReplayResult replay(List<TraceAccess> trace, long capacityBytes, ReplayPolicy policy) {
        if (capacityBytes < 1) {
            throw new IllegalArgumentException("capacity must be positive, not " + capacityBytes);
        }
        long[] r = switch (policy) {
            case DEFAULT -> replayL1(trace, capacityBytes);
            case LRU -> LruSimulator.run(trace, capacityBytes);
            case MIN -> BeladySimulator.run(trace, capacityBytes);
        };
        long bytes = trace.stream().mapToLong(TraceAccess::bytes).sum();
        return new ReplayResult(policy, capacityBytes, trace.size(), r[0], bytes, r[1]);
    }

    private static long[] replayL1(List<TraceAccess> trace, long capacity) {
        AdaptiveL1<String, Long> l1 = new AdaptiveL1<>(capacity, Long::longValue, (k, v) -> { });
        long hits = 0;
        long hitBytes = 0;
        for (TraceAccess a : trace) {
            if (l1.get(a.key()) != null) {
                hits++;
                hitBytes += a.bytes();
            } else {
                l1.put(a.key(), a.bytes());
            }
        }
        return new long[] {hits, hitBytes};
    }
}
