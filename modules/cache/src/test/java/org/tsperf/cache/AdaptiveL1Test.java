package org.tsperf.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The L1 policy: budget, evictions, adaptation. */
class AdaptiveL1Test {

    private static final int W = 10_000;

    @Test
    void bytesHeldNeverExceedTheCapacity() {
        long capacity = 1_000_000;
        List<String> evicted = new ArrayList<>();
        AdaptiveL1<String, byte[]> l1 = new AdaptiveL1<>(capacity, v -> v.length, (k, v) -> evicted.add(k));
        Random r = new Random(1);
        for (int i = 0; i < 20_000; i++) {
            String key = "k" + (int) Math.abs(r.nextGaussian() * 200);
            if (l1.get(key) == null) {
                l1.put(key, new byte[1000 + r.nextInt(30_000)]);
            }
            assertTrue(l1.weightedSize() <= capacity, "held " + l1.weightedSize() + " at access " + i);
        }
        long sum = l1.values().stream().mapToLong(v -> v.length + L1Policy.ENTRY_OVERHEAD).sum();
        assertEquals(sum, l1.weightedSize(), "accounting matches the content");
        assertTrue(!evicted.isEmpty());
    }

    @Test
    void shrinkingTheBudgetEvictsAtOnceAndReportsEvictions() {
        List<String> evicted = new ArrayList<>();
        AdaptiveL1<String, byte[]> l1 = new AdaptiveL1<>(100L * W, v -> v.length, (k, v) -> evicted.add(k));
        for (int i = 0; i < 50; i++) {
            l1.put("k" + i, new byte[W]);
        }
        assertEquals(50, l1.size());
        l1.setCapacity(20L * W);
        assertTrue(l1.weightedSize() <= 20L * W, "held " + l1.weightedSize());
        assertEquals(50 - l1.size(), evicted.size(), "every entry that left was reported");
    }

    @Test
    void recentlyPlayedFramesAreServedAgainAfterAReview() {
        // play 0..59, go back 30 and play again: a window-only (recency) workload inside the capacity
        AdaptiveL1<String, byte[]> l1 = new AdaptiveL1<>(100L * (W + L1Policy.ENTRY_OVERHEAD), v -> v.length, (k, v) -> { });
        for (int f = 0; f < 60; f++) {
            l1.put("f" + f, new byte[W]);
        }
        for (int f = 30; f < 60; f++) {
            assertNotNull(l1.get("f" + f), "frame " + f);
        }
    }

    @Test
    void leavesPlainLruForAFrequencyFilteredMainSpaceOnALoopAndComesBackForRecency() {
        long capacity = 100L * (W + L1Policy.ENTRY_OVERHEAD);
        AdaptiveL1<String, byte[]> l1 = new AdaptiveL1<>(capacity, v -> v.length, (k, v) -> { });
        assertEquals(capacity, l1.windowTarget(), "starts as plain LRU");
        long loopHits = 0;
        for (int pass = 0; pass < 20; pass++) {
            for (int f = 0; f < 150; f++) {
                loopHits += access(l1, "loop" + f);
            }
        }
        assertTrue(l1.windowTarget() <= capacity / 10, "window " + l1.windowTarget());
        assertTrue(loopHits > 10 * 50, "LRU: 0 hits; MIN about 99 a pass; got " + loopHits);
        // now play forward, stepping back 95 frames each time: only recency pays, and only with the whole capacity
        int pos = 0;
        for (int run = 0; run < 200; run++) {
            pos = Math.max(0, pos - 95);
            for (int f = pos; f < pos + 100; f++) {
                access(l1, "play" + f);
            }
            pos += 100;
        }
        assertEquals(capacity, l1.windowTarget(), "back to plain LRU");
    }

    private static int access(AdaptiveL1<String, byte[]> l1, String key) {
        if (l1.get(key) != null) {
            return 1;
        }
        l1.put(key, new byte[W]);
        return 0;
    }

    @Test
    void concurrentUseKeepsTheBudgetAndTheAccounting() throws Exception {
        long capacity = 500_000;
        AtomicLong evictions = new AtomicLong();
        AdaptiveL1<String, byte[]> l1 = new AdaptiveL1<>(capacity, v -> v.length, (k, v) -> evictions.incrementAndGet());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int seed = t;
                done.add(pool.submit(() -> {
                    Random r = new Random(seed);
                    for (int i = 0; i < 20_000; i++) {
                        String key = "k" + (int) Math.abs(r.nextGaussian() * 100);
                        if (l1.get(key) == null) {
                            l1.put(key, new byte[1000 + r.nextInt(9000)]);
                        }
                        if (l1.weightedSize() > capacity) {
                            throw new AssertionError("held " + l1.weightedSize());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        long sum = l1.values().stream().mapToLong(v -> v.length + L1Policy.ENTRY_OVERHEAD).sum();
        assertEquals(sum, l1.weightedSize(), "accounting matches the content");
        assertEquals(l1.values().size(), l1.size());
        assertTrue(evictions.get() > 0);
    }

    @Test
    void removeAndRemoveIfTakeEntriesOutWithoutCountingThemAsEvictions() {
        List<String> evicted = new ArrayList<>();
        AdaptiveL1<String, byte[]> l1 = new AdaptiveL1<>(100L * W, v -> v.length, (k, v) -> evicted.add(k));
        for (int i = 0; i < 10; i++) {
            l1.put("k" + i, new byte[W + i]);
        }
        assertNotNull(l1.remove("k3"));
        assertNull(l1.get("k3"));
        assertEquals(2, l1.removeIf(v -> v.length >= W + 8));
        assertEquals(7, l1.size());
        assertTrue(evicted.isEmpty());
    }
}
