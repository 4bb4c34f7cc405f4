package org.tsperf.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tsperf.api.cache.TraceAccess;

/** The L1 policy's bookkeeping: LRU at a full window, a stable main space on loops, following a shadow. */
class WindowedSlruTest {

    private static final long W = 1000;

    private static long hits(WindowedSlru<String> cache, AccessCounts<String> counts, List<TraceAccess> trace) {
        long hits = 0;
        for (TraceAccess a : trace) {
            long w = a.bytes() + L1Policy.ENTRY_OVERHEAD;
            counts.record(a.key(), w);
            if (cache.hit(a.key())) {
                hits++;
            } else {
                cache.add(a.key(), w);
            }
            assertTrue(cache.weightedSize() <= cache.capacity(), "held " + cache.weightedSize());
        }
        return hits;
    }

    @Test
    void windowOfTheWholeCapacityIsExactlyLru() {
        Random r = new Random(7);
        List<TraceAccess> trace = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            trace.add(new TraceAccess("k" + (int) Math.abs(r.nextGaussian() * 150), 500 + r.nextInt(5000)));
        }
        long capacity = 200_000;
        AccessCounts<String> counts = new AccessCounts<>(capacity);
        long lru = LruSimulator.run(trace, capacity)[0];
        assertTrue(lru > 1000 && lru < 19_000, "a trace where LRU neither always nor never hits: " + lru);
        assertEquals(lru, hits(new WindowedSlru<>(capacity, capacity, counts, k -> { }), counts, trace));
    }

    @Test
    void loopLongerThanTheCacheKeepsAStablePartInsteadOfThrashing() {
        List<TraceAccess> loop = new ArrayList<>();
        for (int pass = 0; pass < 10; pass++) {
            for (int f = 0; f < 300; f++) {
                loop.add(new TraceAccess("f" + f, W - L1Policy.ENTRY_OVERHEAD));
            }
        }
        long capacity = 100 * W;
        assertEquals(0, LruSimulator.run(loop, capacity)[0]);
        AccessCounts<String> counts = new AccessCounts<>(capacity);
        long hits = hits(new WindowedSlru<>(capacity, capacity / 100, counts, k -> { }), counts, loop);
        // MIN: 99 of 300 a pass after the first; the counts' aging costs a few
        assertTrue(hits >= 9 * 90, "hits " + hits);
    }

    @Test
    void evictionsAreReportedAndTheBudgetHolds() {
        List<String> evicted = new ArrayList<>();
        AccessCounts<String> counts = new AccessCounts<>(10 * W);
        WindowedSlru<String> cache = new WindowedSlru<>(10 * W, 5 * W, counts, evicted::add);
        for (int i = 0; i < 30; i++) {
            counts.record("k" + i, W);
            cache.add("k" + i, W);
        }
        assertEquals(10, cache.size());
        assertEquals(20, evicted.size());
        assertFalse(evicted.stream().anyMatch(cache::contains));
        cache.setCapacity(4 * W, 2 * W);
        assertEquals(4 * W, cache.weightedSize());
        assertEquals(26, evicted.size());
    }

    @Test
    void followingAShadowEvictsWhatTheShadowDoesNotHoldFirst() {
        AccessCounts<String> counts = new AccessCounts<>(4 * W);
        List<String> evicted = new ArrayList<>();
        WindowedSlru<String> real = new WindowedSlru<>(4 * W, 4 * W, counts, evicted::add); // LRU
        WindowedSlru<String> shadow = new WindowedSlru<>(4 * W, 0, counts, k -> { });
        for (String k : List.of("a", "b", "c", "d")) {
            counts.record(k, W);
            real.add(k, W);
            if (!k.equals("b")) {
                shadow.add(k, W);
            }
        }
        real.follow(shadow);
        assertEquals(0, real.windowTarget());
        assertEquals(4 * W, real.weightedSize(), "following moves nothing out");
        counts.record("e", W);
        counts.record("e", W); // used more than any held entry: admitted, displacing one
        real.add("e", W);
        assertEquals(List.of("b"), evicted, "LRU alone would have evicted a");
    }
}
