package org.tsperf.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tsperf.api.cache.CacheConfig;
import org.tsperf.api.cache.EntryType;

/**
 * Where the disk levels live and what each level may hold: the start options below win over the settings stored in
 * Tools &gt; Options ({@link StoredCacheConfiguration}), which win over the defaults. {@link #resolve} reads:
 * <ul>
 * <li>{@code tsperf.cache.dir}: base directory; default {@code $XDG_CACHE_HOME/tsperf}, else {@code ~/.cache/tsperf}.
 * L2 is {@code BASE/l2}, L3 {@code BASE/l3}, unless {@code tsperf.cache.l2.dir} / {@code tsperf.cache.l3.dir}
 * say otherwise (put L3 on the large, slow disk);</li>
 * <li>{@code tsperf.cache.l1.budget}, {@code tsperf.cache.l2.budget}, {@code tsperf.cache.l3.budget}: sizes such
 * as {@code 512M} or {@code 8G}; L1's default comes from the memory manager, else 512M; L2 8G, L3 32G;</li>
 * <li>{@code tsperf.cache.compress}: entry types compressed with LZ4 on disk, comma-separated; default
 * {@code thumbnail,waveform,preview} (decoded frames hardly compress).</li>
 * </ul>
 *
 * @param promoteAfterHits a disk entry used this many times moves up to L1
 */
record CacheSettings(long l1BudgetBytes, Path l2Dir, long l2BudgetBytes, Path l3Dir, long l3BudgetBytes,
        Set<EntryType> compressed, int promoteAfterHits) {

    static final long DEFAULT_L1 = 512L << 20;
    static final long DEFAULT_L2 = 8L << 30;
    static final long DEFAULT_L3 = 32L << 30;
    private static final Logger LOG = Logger.getLogger(CacheSettings.class.getName());

    CacheSettings {
        compressed = compressed.isEmpty() ? EnumSet.noneOf(EntryType.class) : EnumSet.copyOf(compressed);
    }

    /** @param memoryManagerBudget the L1 budget of the memory manager, or 0 when there is none */
    static CacheSettings fromSystemProperties(long memoryManagerBudget) {
        return resolve(defaults(), memoryManagerBudget);
    }

    /** What the cache uses when the user set nothing (folders under {@link #baseDirectory()}). */
    static CacheConfig defaults() {
        Path base = baseDirectory();
        return new CacheConfig(CacheConfig.L1_FOLLOWS_MEMORY_PROFILE, base.resolve("l2"), DEFAULT_L2,
                base.resolve("l3"), DEFAULT_L3);
    }

    /**
     * The settings to open the cache with: a start option ({@code -Dtsperf.cache.*}) wins, then the stored settings.
     * A stored folder that cannot be used (not creatable, not writable) gives the default folder and a WARNING.
     * Touches the disk: never on the event thread.
     *
     * @param memoryManagerBudget the L1 budget of the memory manager, or 0 when there is none
     */
    static CacheSettings resolve(CacheConfig stored, long memoryManagerBudget) {
        CacheConfig fallback = defaults();
        long l1Default = stored.l1BudgetBytes() != CacheConfig.L1_FOLLOWS_MEMORY_PROFILE ? stored.l1BudgetBytes()
                : memoryManagerBudget > 0 ? memoryManagerBudget : DEFAULT_L1;
        Path l2 = usable("cache L2 folder (l2.dir)", stored.l2Dir(), fallback.l2Dir());
        Path l3 = usable("cache L3 folder (l3.dir)", stored.l3Dir(), fallback.l3Dir());
        return new CacheSettings(
                size("tsperf.cache.l1.budget", l1Default),
                path("tsperf.cache.l2.dir", l2), size("tsperf.cache.l2.budget", stored.l2BudgetBytes()),
                path("tsperf.cache.l3.dir", l3), size("tsperf.cache.l3.budget", stored.l3BudgetBytes()),
                types(System.getProperty("tsperf.cache.compress", "thumbnail,waveform,preview")), 2);
    }

    /** {@code wanted} when it is (or can be made) a writable folder, else {@code fallback} with a WARNING. */
    private static Path usable(String setting, Path wanted, Path fallback) {
        if (wanted.equals(fallback)) {
            return wanted; // the default: the cache reports its own problems with it when it opens
        }
        try {
            Files.createDirectories(wanted);
            if (Files.isDirectory(wanted) && Files.isWritable(wanted)) {
                return wanted;
            }
            LOG.log(Level.WARNING, "The {0} {1} is not a writable folder; using the default {2}",
                    new Object[] {setting, wanted, fallback});
        } catch (IOException | SecurityException ex) {
            LOG.log(Level.WARNING, "The " + setting + " " + wanted + " cannot be used (" + ex + "); using the default "
                    + fallback, ex);
        }
        return fallback;
    }

    static Path baseDirectory() {
        String dir = System.getProperty("tsperf.cache.dir");
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "tsperf");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "tsperf");
    }

    boolean isL1Explicit() {
        return System.getProperty("tsperf.cache.l1.budget") != null;
    }

    private static Path path(String property, Path fallback) {
        String v = System.getProperty(property);
        return v == null || v.isBlank() ? fallback : Path.of(v);
    }

    private static long size(String property, long fallback) {
        String v = System.getProperty(property);
        return v == null || v.isBlank() ? fallback : parseSize(v);
    }

    /** {@code 1234}, {@code 64K}, {@code 512M}, {@code 8G} (binary units). */
    static long parseSize(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        long unit = 1;
        char last = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
        switch (last) {
            case 'K' -> unit = 1L << 10;
            case 'M' -> unit = 1L << 20;
            case 'G' -> unit = 1L << 30;
            case 'T' -> unit = 1L << 40;
            default -> unit = 1;
        }
        String digits = unit == 1 ? t : t.substring(0, t.length() - 1);
        try {
            long n = Long.parseLong(digits.trim());
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return Math.multiplyExact(n, unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("not a size (e.g. 512M, 8G): " + text, e);
        }
    }

    private static Set<EntryType> types(String list) {
        Set<EntryType> set = EnumSet.noneOf(EntryType.class);
        for (String s : list.split(",")) {
            if (!s.isBlank()) {
                set.add(EntryType.valueOf(s.trim().toUpperCase(Locale.ROOT)));
            }
        }
        return set;
    }
}
