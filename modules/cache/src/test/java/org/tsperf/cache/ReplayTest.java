package org.tsperf.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openide.util.Lookup;
import org.tsperf.api.cache.CacheReplay;
import org.tsperf.api.cache.ReplayPolicy;
import org.tsperf.api.cache.ReplayResult;
import org.tsperf.api.cache.TraceAccess;

/** Replays: LRU and MIN exact on hand-made traces; the application's policy between LRU and MIN on editing traces. */
class ReplayTest {

    private static final long CAPACITY = 2L << 30;

    private final CacheReplay replay = Lookup.getDefault().lookup(CacheReplay.class);

    private static List<TraceAccess> trace(String... keys) {
        List<TraceAccess> t = new ArrayList<>();
        for (String k : keys) {
            t.add(new TraceAccess(k, 1000 - L1Policy.ENTRY_OVERHEAD));
        }
        return t;
    }

    @Test
    void lruAndMinAreExactOnASmallTrace() {
        // capacity of two entries; a b c a b c: LRU never hits, MIN hits a and c (or b) once each
        List<TraceAccess> t = trace("a", "b", "c", "a", "b", "c");
        assertEquals(0, replay.replay(t, 2000, ReplayPolicy.LRU).hits());
        assertEquals(2, replay.replay(t, 2000, ReplayPolicy.MIN).hits());
        List<TraceAccess> recency = trace("a", "b", "a", "c", "a", "b");
        assertEquals(2, replay.replay(recency, 2000, ReplayPolicy.LRU).hits()); // a, a
    }

    @Test
    void resultCountsRequestsAndBytes() {
        ReplayResult r = replay.replay(trace("a", "a", "a", "b"), 10_000, ReplayPolicy.DEFAULT);
        assertEquals(4, r.requests());
        assertEquals(2, r.hits());
        assertEquals(4L * (1000 - L1Policy.ENTRY_OVERHEAD), r.requestedBytes());
        assertEquals(0.5, r.hitRate(), 1e-9);
    }

    @Test
    void applicationPolicyIsNotBelowLruAndNeverAboveMinOnEditingTraces() {
        for (Map.Entry<String, List<TraceAccess>> e : EditingTraces.all(0.25).entrySet()) {
            double lru = replay.replay(e.getValue(), CAPACITY, ReplayPolicy.LRU).hitRate();
            double policy = replay.replay(e.getValue(), CAPACITY, ReplayPolicy.DEFAULT).hitRate();
            double min = replay.replay(e.getValue(), CAPACITY, ReplayPolicy.MIN).hitRate();
            // short traces (a quarter of the benchmark's): the switches between shares cost up to 1 % here
            assertTrue(policy >= lru * 0.97, e.getKey() + ": policy " + policy + " well below LRU " + lru);
            assertTrue(policy <= min + 1e-9, e.getKey() + ": policy " + policy + " > MIN " + min);
        }
    }

    /**
     * The target of docs/benchmarks.md at the benchmark's size: at least LRU and 0.9x MIN on every trace but jumps,
     * where no policy that does not know the future can come near (even the best fixed set, chosen knowing every
     * count, reaches only ~0.86x MIN there: the markers are drawn independently).
     */
    @Test
    void meetsTheTargetOnTheBenchmarkTraces() {
        for (Map.Entry<String, List<TraceAccess>> e : EditingTraces.all(1).entrySet()) {
            double lru = replay.replay(e.getValue(), CAPACITY, ReplayPolicy.LRU).hitRate();
            double policy = replay.replay(e.getValue(), CAPACITY, ReplayPolicy.DEFAULT).hitRate();
            double min = replay.replay(e.getValue(), CAPACITY, ReplayPolicy.MIN).hitRate();
            assertTrue(policy >= lru, e.getKey() + ": policy " + policy + " below LRU " + lru);
            if (e.getKey().equals("jumps")) {
                double fixed = HitRateBenchmark.bestFixedSet(e.getValue(), CAPACITY);
                assertTrue(policy >= 0.85 * fixed, "jumps: policy " + policy + " vs best fixed set " + fixed);
            } else {
                assertTrue(policy >= 0.9 * min, e.getKey() + ": policy " + policy + " below 0.9x MIN " + min);
            }
        }
    }

    /**
     * Other seeds and capacities than the benchmark's, so that the policy is not fitted to one draw. Measured when
     * written (worst of the four runs): playback 0.956x LRU (LRU itself at 0.77-0.81x MIN there), scrub 0.995x LRU,
     * mixed 0.999x LRU; loop, scrub, thumbnails and mixed at 0.89x MIN or more; jumps 1.25x LRU or more.
     */
    @Test
    void staysNearLruAndMinWithOtherSeedsAndCapacities() {
        for (long seeds : new long[] {100, 200}) {
            for (long frames : new long[] {160, 400}) {
                long capacity = frames * EditingTraces.FRAME;
                for (Map.Entry<String, List<TraceAccess>> e : EditingTraces.all(1, seeds).entrySet()) {
                    String what = e.getKey() + " (seeds " + seeds + ", " + frames + " frames)";
                    double lru = replay.replay(e.getValue(), capacity, ReplayPolicy.LRU).hitRate();
                    double policy = replay.replay(e.getValue(), capacity, ReplayPolicy.DEFAULT).hitRate();
                    double min = replay.replay(e.getValue(), capacity, ReplayPolicy.MIN).hitRate();
                    assertTrue(policy >= 0.95 * lru, what + ": policy " + policy + " vs LRU " + lru);
                    assertTrue(policy <= min + 1e-9, what + ": policy " + policy + " > MIN " + min);
                    if (e.getKey().equals("jumps")) {
                        assertTrue(policy >= 1.2 * lru, what + ": policy " + policy + " vs LRU " + lru);
                    } else if (!e.getKey().equals("playback")) { // playback: LRU itself is below 0.85x MIN
                        assertTrue(policy >= 0.85 * min, what + ": policy " + policy + " vs MIN " + min);
                    }
                }
            }
        }
    }

    @Test
    void loopsLongerThanTheCapacityStillHitWhereLruThrashes() {
        List<TraceAccess> loop = EditingTraces.all(0.25).get("loop");
        assertEquals(0, replay.replay(loop, CAPACITY, ReplayPolicy.LRU).hits());
        double min = replay.replay(loop, CAPACITY, ReplayPolicy.MIN).hitRate();
        double policy = replay.replay(loop, CAPACITY, ReplayPolicy.DEFAULT).hitRate();
        assertTrue(policy >= 0.85 * min, "policy " + policy + " vs MIN " + min);
    }

    @Test
    void replayRespectsTheCapacity() {
        // 10 distinct keys cycled in a cache of 5: LRU thrashes completely
        List<TraceAccess> t = new ArrayList<>();
        for (int round = 0; round < 20; round++) {
            for (int k = 0; k < 10; k++) {
                t.add(new TraceAccess("k" + k, 1000 - L1Policy.ENTRY_OVERHEAD));
            }
        }
        assertEquals(0, replay.replay(t, 5000, ReplayPolicy.LRU).hits());
        ReplayResult min = replay.replay(t, 5000, ReplayPolicy.MIN);
        assertTrue(min.hits() > 0 && min.hitRate() < 0.5, min.toString());
        ReplayResult policy = replay.replay(t, 5000, ReplayPolicy.DEFAULT);
        assertTrue(policy.hitRate() <= min.hitRate(), policy + " vs " + min);
    }
}
