package org.tsperf.api.cache;

import java.nio.file.Path;
import org.tsperf.api.util.ByteSizes;

/**
 * The cache's settings (Tools &gt; Options &gt; Performance &gt; Cache): how much RAM L1 may use, and where the disk
 * levels L2 and L3 live and how large each may grow. Immutable; the constructor refuses values the cache cannot use,
 * with a message that names the setting.
 *
 * @param l1BudgetBytes RAM for L1; {@link #L1_FOLLOWS_MEMORY_PROFILE} (0) follows the memory manager's profile
 * @param l2Dir         absolute folder of L2 (the fast disk)
 * @param l2BudgetBytes how large L2 may grow
 * @param l3Dir         absolute folder of L3 (the large disk), not L2's
 * @param l3BudgetBytes how large L3 may grow
 */
public record CacheConfig(long l1BudgetBytes, Path l2Dir, long l2BudgetBytes, Path l3Dir, long l3BudgetBytes) {

    /** L1's budget is the memory profile's (and follows its changes under pressure). */
    public static final long L1_FOLLOWS_MEMORY_PROFILE = 0;
    /** The smallest L1 budget: below it hardly one 4K frame fits. */
    public static final long MIN_L1_BYTES = 64L << 20;
    /** The smallest disk level. */
    public static final long MIN_DISK_BYTES = 256L << 20;
    /** The largest budget of any level (1 PiB): more is a typing error. */
    public static final long MAX_BYTES = 1L << 50;

    public CacheConfig {
        if (l1BudgetBytes != L1_FOLLOWS_MEMORY_PROFILE) {
            check("L1 (RAM) budget", l1BudgetBytes, MIN_L1_BYTES);
        }
        check("L2 budget", l2BudgetBytes, MIN_DISK_BYTES);
        check("L3 budget", l3BudgetBytes, MIN_DISK_BYTES);
        folder("L2 folder", l2Dir);
        folder("L3 folder", l3Dir);
        if (l2Dir.normalize().equals(l3Dir.normalize())) {
            throw new IllegalArgumentException("the L2 and L3 folders must differ (both are " + l2Dir + ")");
        }
    }

    private static void check(String what, long bytes, long min) {
        if (bytes < min || bytes > MAX_BYTES) {
            throw new IllegalArgumentException("the " + what + " must be between " + ByteSizes.format(min)
                    + " and 1 PiB (was " + (bytes < 0 ? bytes + " bytes" : ByteSizes.format(bytes)) + ")");
        }
    }

    private static void folder(String what, Path dir) {
        if (dir == null || dir.toString().isBlank()) {
            throw new IllegalArgumentException("the " + what + " is empty");
        }
        if (!dir.isAbsolute()) {
            throw new IllegalArgumentException("the " + what + " must be an absolute path (was " + dir + ")");
        }
    }

    public CacheConfig withL1Budget(long bytes) {
        return new CacheConfig(bytes, l2Dir, l2BudgetBytes, l3Dir, l3BudgetBytes);
    }

    public CacheConfig withL2(Path dir, long bytes) {
        return new CacheConfig(l1BudgetBytes, dir, bytes, l3Dir, l3BudgetBytes);
    }

    public CacheConfig withL3(Path dir, long bytes) {
        return new CacheConfig(l1BudgetBytes, l2Dir, l2BudgetBytes, dir, bytes);
    }
}
