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
import org.tsperf.api.cache.TraceEvent;

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
        for (Map.Entry<String, List<TraceEvent>> e : tunedOn(EditingTraces.all(0.25)).entrySet()) {
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
     * where no policy that does not know the future can reach 0.9x MIN: there it must come near the online ceiling.
     */
    @Test
    void meetsTheTargetOnTheBenchmarkTraces() {
        for (Map.Entry<String, List<TraceEvent>> e : tunedOn(EditingTraces.all(1)).entrySet()) {
            double lru = replay.replay(e.getValue(), CAPACITY, ReplayPolicy.LRU).hitRate();
            double policy = replay.replay(e.getValue(), CAPACITY, ReplayPolicy.DEFAULT).hitRate();
            double min = replay.replay(e.getValue(), CAPACITY, ReplayPolicy.MIN).hitRate();
            assertTrue(policy >= lru, e.getKey() + ": policy " + policy + " below LRU " + lru);
            if (e.getKey().equals("jumps")) {
                double ceiling = JumpsCeiling.jumpsOnlineCeiling(0, framesIn(CAPACITY));
                assertTrue(ceiling < 0.9 * min, "jumps: the online ceiling " + ceiling + " reaches 0.9x MIN " + min
                        + ": the target applies there too");
                assertTrue(policy >= 0.85 * ceiling, "jumps: policy " + policy + " vs online ceiling " + ceiling);
            } else {
                assertTrue(policy >= 0.9 * min, e.getKey() + ": policy " + policy + " below 0.9x MIN " + min);
            }
        }
    }

    /**
     * The online ceiling is computed from the jumps generator's distributions and marker positions. A cache that
     * holds exactly its frames (after their first use) must hit about as often on the drawn traces, and MIN, which
     * knows the future, more.
     */
    @Test
    void jumpsCeilingAgreesWithTheDrawnTraces() {
        for (long seeds : new long[] {0, 100, 200}) {
            List<TraceAccess> jumps = EditingTraces.accesses(EditingTraces.all(1, seeds).get("jumps"));
            for (int frames : new int[] {64, 258, 600}) {
                long capacity = frames * (EditingTraces.FRAME + L1Policy.ENTRY_OVERHEAD);
                double ceiling = JumpsCeiling.jumpsOnlineCeiling(seeds, frames);
                java.util.Set<String> held = JumpsCeiling.jumpsMostLikelyFrames(seeds, frames).keySet();
                java.util.Set<String> seen = new java.util.HashSet<>();
                long hits = jumps.stream().filter(a -> held.contains(a.key()) && !seen.add(a.key())).count();
                double firstUses = seen.size() / (double) jumps.size();
                double min = replay.replay(jumps, capacity, ReplayPolicy.MIN).hitRate();
                String what = "seeds " + seeds + ", " + frames + " frames";
                assertEquals(ceiling, hits / (double) jumps.size() + firstUses, 0.05,
                        what + ": a cache holding the ceiling's frames vs the ceiling");
                assertTrue(min > ceiling - firstUses, what + ": MIN " + min + " vs ceiling " + ceiling);
            }
        }
    }

    /**
     * The six traces the policy was tuned on without hints. The shuttle trace (J/K/L, added with the hints) is left
     * out here: without hints the policy is up to 1 % below LRU and 0.82-0.87x MIN there (MIN knows when the user
     * turns round); HintedReplayTest covers it.
     */
    private static Map<String, List<TraceEvent>> tunedOn(Map<String, List<TraceEvent>> traces) {
        traces.remove("shuttle");
        return traces;
    }

    private static int framesIn(long capacity) {
        return (int) (capacity / (EditingTraces.FRAME + L1Policy.ENTRY_OVERHEAD));
    }

    /**
     * Other seeds and capacities than the benchmark's, so that the policy is not fitted to one draw; 64 frames is the
     * 8 GB profile's L1 (512 MiB) in 1080p frames. Measured when written: playback 0.949x LRU at worst (64 frames, hit
     * rates of 2-3 %; LRU itself at 0.77-0.81x MIN at 400 frames), all other traces 0.996x LRU or more; loop, scrub,
     * thumbnails and mixed at 0.89x MIN or more from 160 frames; jumps 1.2x LRU or more.
     */
    @Test
    void staysNearLruAndMinWithOtherSeedsAndCapacities() {
        for (long seeds : new long[] {100, 200}) {
            for (long frames : new long[] {64, 160, 400}) {
                long capacity = frames * EditingTraces.FRAME;
                for (Map.Entry<String, List<TraceEvent>> e : tunedOn(EditingTraces.all(1, seeds)).entrySet()) {
                    String what = e.getKey() + " (seeds " + seeds + ", " + frames + " frames)";
                    double lru = replay.replay(e.getValue(), capacity, ReplayPolicy.LRU).hitRate();
                    double policy = replay.replay(e.getValue(), capacity, ReplayPolicy.DEFAULT).hitRate();
                    double min = replay.replay(e.getValue(), capacity, ReplayPolicy.MIN).hitRate();
                    assertTrue(policy >= (e.getKey().equals("playback") ? 0.94 : 0.99) * lru,
                            what + ": policy " + policy + " vs LRU " + lru);
                    assertTrue(policy <= min + 1e-9, what + ": policy " + policy + " > MIN " + min);
                    if (e.getKey().equals("jumps")) {
                        assertTrue(policy >= 1.2 * lru, what + ": policy " + policy + " vs LRU " + lru);
                    } else if (!e.getKey().equals("playback") && frames >= 160) {
                        // playback: LRU itself is below 0.85x MIN; at 64 frames a nudged loop is 3-6 caches long
                        assertTrue(policy >= 0.85 * min, what + ": policy " + policy + " vs MIN " + min);
                    }
                }
            }
        }
    }

    @Test
    void loopsLongerThanTheCapacityStillHitWhereLruThrashes() {
        List<TraceEvent> loop = EditingTraces.all(0.25).get("loop");
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
