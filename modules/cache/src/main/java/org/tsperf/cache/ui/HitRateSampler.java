package org.tsperf.cache.ui;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tsperf.api.cache.CacheLevel;
import org.tsperf.api.cache.LevelStatistics;

/**
 * Hit rates over the interval since the previous sample, from the levels' counters since start: all levels together
 * (the requests L1 saw, served by any level) and each level on its own. A level that saw no request in the
 * interval has no rate then. Used by one thread.
 */
final class HitRateSampler {

    private final Map<CacheLevel, long[]> previous = new EnumMap<>(CacheLevel.class);

    /** @return rate (0..1) by series name: {@link CacheViewerTopComponent#ALL_LEVELS} and the level names */
    Map<String, Double> next(List<LevelStatistics> levels) {
        Map<String, Double> rates = new LinkedHashMap<>();
        long firstRequests = -1;
        long servedAnywhere = 0;
        for (LevelStatistics l : levels) {
            long[] before = previous.getOrDefault(l.level(), new long[2]);
            long hits = Math.max(0, l.hits() - before[0]);
            long misses = Math.max(0, l.misses() - before[1]);
            previous.put(l.level(), new long[] {l.hits(), l.misses()});
            if (firstRequests < 0) {
                firstRequests = hits + misses;
            }
            servedAnywhere += hits;
            if (hits + misses > 0) {
                rates.put(l.level().name(), hits / (double) (hits + misses));
            }
        }
        if (firstRequests > 0) {
            rates.put(CacheViewerTopComponent.ALL_LEVELS, Math.min(1.0, servedAnywhere / (double) firstRequests));
        }
        return rates;
    }
}
