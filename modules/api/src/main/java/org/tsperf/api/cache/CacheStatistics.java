package org.tsperf.api.cache;

/**
 * @param hits   requests served from any level
 * @param misses requests that had to be produced again
 */
public record CacheStatistics(long hits, long misses) {

    public CacheStatistics {
        if (hits < 0 || misses < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /** Hits per request, 0 to 1; 0 before the first request. */
    public double hitRate() {
        long requests = hits + misses;
        return requests == 0 ? 0 : (double) hits / requests;
    }
}
