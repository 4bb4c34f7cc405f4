package org.tsperf.cache.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tsperf.api.cache.CacheLevel;
import org.tsperf.api.cache.LevelStatistics;

/** The Cache Viewer's chart points: hit rates over each interval, per level and for all levels together. */
class HitRateSamplerTest {

    private static List<LevelStatistics> levels(long l1Hits, long l1Misses, long l2Hits, long l2Misses, long l3Hits,
            long l3Misses) {
        return List.of(new LevelStatistics(CacheLevel.L1, "RAM", 0, 0, 1, l1Hits, l1Misses, 0),
                new LevelStatistics(CacheLevel.L2, "l2", 0, 0, 1, l2Hits, l2Misses, 0),
                new LevelStatistics(CacheLevel.L3, "l3", 0, 0, 1, l3Hits, l3Misses, 0));
    }

    @Test
    void ratesCoverOnlyTheIntervalSinceThePreviousSample() {
        HitRateSampler sampler = new HitRateSampler();
        sampler.next(levels(90, 10, 0, 10, 0, 10)); // the past: 90 % from L1
        // then 10 requests: 5 from L1, 3 from L2, 2 from nowhere
        Map<String, Double> r = sampler.next(levels(95, 15, 3, 12, 0, 12));
        assertEquals(0.5, r.get("L1"), 1e-9);
        assertEquals(0.6, r.get("L2"), 1e-9);
        assertEquals(0.0, r.get("L3"), 1e-9);
        assertEquals(0.8, r.get(CacheViewerTopComponent.ALL_LEVELS), 1e-9);
    }

    @Test
    void aLevelWithoutRequestsHasNoPoint() {
        HitRateSampler sampler = new HitRateSampler();
        sampler.next(levels(5, 5, 0, 5, 0, 5));
        Map<String, Double> r = sampler.next(levels(7, 5, 0, 5, 0, 5));
        assertEquals(1.0, r.get("L1"), 1e-9);
        assertFalse(r.containsKey("L2"));
        assertFalse(r.containsKey("L3"));
        assertEquals(1.0, r.get(CacheViewerTopComponent.ALL_LEVELS), 1e-9);
    }
}
