package org.tsperf.cache;

import java.util.ArrayList;
import java.util.List;
import org.openide.util.lookup.ServiceProvider;
import org.tsperf.api.cache.CacheReplay;
import org.tsperf.api.cache.ReplayPolicy;
import org.tsperf.api.cache.ReplayResult;
import org.tsperf.api.cache.TraceAccess;
import org.tsperf.api.cache.TraceEvent;
import org.tsperf.api.cache.TraceHint;

/**
 * Replays traces through {@link AdaptiveL1} (the application's L1 policy) without or with the trace's playback hints,
 * plain LRU or Belady's MIN (these two ignore hints).
 */
@ServiceProvider(service = CacheReplay.class)
public final class TraceReplayer implements CacheReplay {

    @Override
    public ReplayResult replay(List<? extends TraceEvent> trace, long capacityBytes, ReplayPolicy policy) {
        if (capacityBytes < 1) {
            throw new IllegalArgumentException("capacity must be positive, not " + capacityBytes);
        }
        List<TraceAccess> accesses = accesses(trace);
        long[] r = switch (policy) {
            case DEFAULT -> replayL1(accesses, capacityBytes);
            case HINTED -> replayL1(trace, capacityBytes);
            case LRU -> LruSimulator.run(accesses, capacityBytes);
            case MIN -> BeladySimulator.run(accesses, capacityBytes);
        };
        long bytes = accesses.stream().mapToLong(TraceAccess::bytes).sum();
        return new ReplayResult(policy, capacityBytes, accesses.size(), r[0], bytes, r[1]);
    }

    @Override
    public List<String> editingTraceKinds() {
        return EditingTraces.KINDS;
    }

    @Override
    public List<TraceEvent> editingTrace(String kind, long seed, double scale) {
        if (!EditingTraces.KINDS.contains(kind) || !(scale > 0)) {
            throw new IllegalArgumentException("no editing trace '" + kind + "' at scale " + scale + ": kinds are "
                    + String.join(", ", EditingTraces.KINDS) + ", scale above 0");
        }
        return EditingTraces.all(scale, seed).get(kind);
    }

    /** The accesses of a trace, its hints left out. */
    static List<TraceAccess> accesses(List<? extends TraceEvent> trace) {
        List<TraceAccess> out = new ArrayList<>(trace.size());
        for (TraceEvent e : trace) {
            if (e instanceof TraceAccess a) {
                out.add(a);
            }
        }
        return out;
    }

    /** Every access a get, a miss followed by a put; every hint told to the cache as the player tells it. */
    private static long[] replayL1(List<? extends TraceEvent> trace, long capacity) {
        AdaptiveL1<String, Long> l1 = new AdaptiveL1<>(capacity, Long::longValue, (k, v) -> { });
        long hits = 0;
        long hitBytes = 0;
        for (TraceEvent e : trace) {
            if (e instanceof TraceHint h) {
                l1.hint(h.clip(), h.mode(), h.frame(), h.step(), h.frame(), h.loopLast(),
                        n -> TraceHint.frameKey(h.clip(), n));
            } else {
                TraceAccess a = (TraceAccess) e;
                if (l1.get(a.key()) != null) {
                    hits++;
                    hitBytes += a.bytes();
                } else {
                    l1.put(a.key(), a.bytes());
                }
            }
        }
        return new long[] {hits, hitBytes};
    }
}
