package org.tsperf.cache;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.tsperf.api.cache.CacheEntryInfo;
import org.tsperf.api.cache.CacheKey;
import org.tsperf.api.cache.CacheLevel;
import org.tsperf.api.cache.EntryType;
import org.tsperf.api.cache.LevelStatistics;
import org.tsperf.api.cache.TypeStatistics;

/** The figures of the three levels for the Cache Viewer and {@code cache stats}: read from them, changing nothing. */
final class CacheReport {

    private CacheReport() {
    }

    static List<LevelStatistics> levels(AdaptiveL1<CacheKey, RamEntry> l1, DiskStore l2, DiskStore l3,
            LevelCounters counters) {
        return List.of(
                new LevelStatistics(CacheLevel.L1, "RAM", l1.size(), l1.weightedSize(), l1.capacity(),
                        counters.hits(CacheLevel.L1), counters.misses(CacheLevel.L1),
                        counters.evictions(CacheLevel.L1)),
                disk(CacheLevel.L2, l2, counters), disk(CacheLevel.L3, l3, counters));
    }

    private static LevelStatistics disk(CacheLevel level, DiskStore s, LevelCounters counters) {
        long[] bytes = s.bytesOnDiskEntryBytesAndCount();
        return new LevelStatistics(level, s.directory().toString(), bytes[2], bytes[0], s.budgetBytes(),
                counters.hits(level), counters.misses(level), counters.evictions(level), bytes[1]);
    }

    static List<TypeStatistics> byType(List<RamEntry> inRam, DiskStore l2, DiskStore l3, LevelCounters counters) {
        List<TypeStatistics> out = new ArrayList<>();
        Map<EntryType, long[]> ram = new EnumMap<>(EntryType.class);
        for (RamEntry e : inRam) {
            long[] a = ram.computeIfAbsent(e.key.type(), t -> new long[2]);
            a[0]++;
            a[1] += e.length;
        }
        add(out, CacheLevel.L1, ram, counters);
        add(out, CacheLevel.L2, byType(l2), counters);
        add(out, CacheLevel.L3, byType(l3), counters);
        return out;
    }

    private static Map<EntryType, long[]> byType(DiskStore s) {
        Map<EntryType, long[]> m = new EnumMap<>(EntryType.class);
        for (EntryRecord r : s.entries()) {
            long[] a = m.computeIfAbsent(r.key().type(), t -> new long[2]);
            a[0]++;
            a[1] += r.storedBytes();
        }
        return m;
    }

    private static void add(List<TypeStatistics> out, CacheLevel level, Map<EntryType, long[]> content,
            LevelCounters counters) {
        for (EntryType t : EntryType.values()) {
            long[] a = content.getOrDefault(t, new long[2]);
            out.add(new TypeStatistics(level, t, a[0], a[1], counters.hits(level, t), counters.misses(level, t),
                    counters.evictions(level, t)));
        }
    }

    static List<CacheEntryInfo> entries(List<RamEntry> inRam, DiskStore l2, DiskStore l3, int limit) {
        List<CacheEntryInfo> all = new ArrayList<>();
        for (RamEntry e : inRam) {
            all.add(new CacheEntryInfo(e.key, CacheLevel.L1, e.length, Instant.ofEpochMilli(e.lastAccessMillis),
                    e.hits.get()));
        }
        for (EntryRecord r : l2.entries()) {
            all.add(info(r, CacheLevel.L2));
        }
        for (EntryRecord r : l3.entries()) {
            all.add(info(r, CacheLevel.L3));
        }
        all.sort(Comparator.comparing(CacheEntryInfo::lastAccess).reversed());
        return all.size() > limit ? List.copyOf(all.subList(0, limit)) : all;
    }

    private static CacheEntryInfo info(EntryRecord r, CacheLevel level) {
        return new CacheEntryInfo(r.key(), level, r.storedBytes(), Instant.ofEpochMilli(r.lastAccessMillis()),
                r.hits());
    }
}
