package org.tsperf.api.cache;

import java.time.Instant;

/** One entry as the Cache Viewer lists it. */
public record CacheEntryInfo(CacheKey key, CacheLevel level, long bytes, Instant lastAccess, long hits) {
}
