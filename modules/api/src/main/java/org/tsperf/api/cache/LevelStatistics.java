package org.tsperf.api.cache;

/**
 * Figures of one level since start, with its current content.
 *
 * @param location    where the level keeps its entries ("RAM" for L1, a directory for disk levels)
 * @param entries     entries held now
 * @param bytes       bytes held now; for disk levels measured on disk (allocated blocks, index included)
 * @param budgetBytes the most the level may hold
 * @param evictions   entries removed to stay within the budget (not counting invalidations and clears)
 */
public record LevelStatistics(CacheLevel level, String location, long entries, long bytes, long budgetBytes,
        long hits, long misses, long evictions) {

    public double hitRate() {
        return new CacheStatistics(hits, misses).hitRate();
    }
}
