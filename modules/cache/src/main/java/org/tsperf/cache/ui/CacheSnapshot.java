package org.tsperf.cache.ui;

import java.util.List;
import java.util.Map;
import org.tsperf.api.cache.CacheEntryInfo;
import org.tsperf.api.cache.LevelStatistics;

/** What the Cache Viewer shows at one moment (hit rates by chart series, see {@link HitRateSampler}); built off the event thread. */
record CacheSnapshot(long timeMillis, Map<String, Double> hitRates, List<LevelStatistics> levels,
        List<CacheEntryInfo> entries) {
}
