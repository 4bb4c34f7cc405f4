package org.tsperf.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
