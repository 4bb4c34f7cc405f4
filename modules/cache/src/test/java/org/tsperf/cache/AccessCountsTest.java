package org.tsperf.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Use counts for admission: capped, halved after each sample period, forgotten at zero. */
class AccessCountsTest {

    @Test
    void countsAreCappedThenHalvedAndForgottenAfterEachPeriod() {
        long capacity = 1000;
        AccessCounts<String> counts = new AccessCounts<>(capacity);
        for (int i = 0; i < 20; i++) {
            counts.record("hot", 1);
        }
        counts.record("once", 1);
        assertEquals(AccessCounts.MAX_COUNT, counts.count("hot"));
        assertEquals(1, counts.count("once"));
        assertEquals(0, counts.count("never"));
        // the rest of one period of requested bytes: every count halves, "once" drops to 0 and is forgotten
        counts.record("big", AccessCounts.SAMPLE * capacity - 21);
        assertEquals(AccessCounts.MAX_COUNT / 2, counts.count("hot"));
        assertEquals(0, counts.count("once"));
        assertEquals(0, counts.count("big"));
        assertEquals(1, counts.keys());
    }
}
