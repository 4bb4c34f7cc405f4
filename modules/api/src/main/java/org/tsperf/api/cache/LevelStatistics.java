package org.tsperf.api.cache;

/**
 * Figures of one level since start, with its current content.
 *
 * @param location    where the level keeps its entries ("RAM" for L1, a directory for disk levels)
 * @param entries     entries held now
 * @param bytes       bytes held now; for disk levels measured on disk (allocated blocks, index included, so an
 *                    empty disk level still counts its index: about 2 MiB)
 * @param budgetBytes the most the level may hold
 * @param evictions   entries removed to stay within the budget (not counting invalidations and clears)
 * @param entryBytes  bytes of the entries alone (for disk levels their value files in whole blocks, without the
 *                    index): 0 when {@code entries} is 0
 */
public record LevelStatistics(CacheLevel level, String location, long entries, long bytes, long budgetBytes,
        long hits, long misses, long evictions, long entryBytes) {

    /** Figures of a level whose bytes are all entries (a level in RAM). */
    public LevelStatistics(CacheLevel level, String location, long entries, long bytes, long budgetBytes, long hits,
            long misses, long evictions) {
        this(level, location, entries, bytes, budgetBytes, hits, misses, evictions, bytes);
    }

    /** Bytes on disk that are not entries (a disk level's index files and directories). */
    public long overheadBytes() {
        return Math.max(0, bytes - entryBytes);
    }

    public double hitRate() {
        return new CacheStatistics(hits, misses).hitRate();
    }
}
