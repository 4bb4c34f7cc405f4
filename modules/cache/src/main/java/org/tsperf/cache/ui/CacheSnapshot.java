package org.tsperf.cache.ui;

import java.util.List;
import org.tsperf.api.cache.CacheEntryInfo;
import org.tsperf.api.cache.LevelStatistics;

/** What the Cache Viewer shows at one moment; built off the event thread. */
record CacheSnapshot(long timeMillis, double hitRate, List<LevelStatistics> levels, List<CacheEntryInfo> entries) {
}
