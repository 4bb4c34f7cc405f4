package org.tsperf.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsperf.api.cache.CacheKey;
import org.tsperf.api.cache.CacheLevel;
import org.tsperf.api.cache.EntryType;
import org.tsperf.api.cache.LevelStatistics;
import org.tsperf.api.cache.PlaybackHint;
import org.tsperf.api.cache.TypeStatistics;

/** The levels together, on real directories. */
class TieredCacheTest {

    private static final long MIB = 1 << 20;

    @TempDir
    Path dir;

    private TieredCache cache;

    private TieredCache open(long l1, long l2, long l3) throws Exception {
        cache = new TieredCache(new CacheSettings(l1, dir.resolve("l2"), l2, dir.resolve("l3"), l3,
                EnumSet.of(EntryType.THUMBNAIL), 2));
        return cache;
    }

    @AfterEach
    void close() {
        if (cache != null) {
            cache.close();
        }
    }

    private static CacheKey frame(int i) {
        return CacheKey.frame("clip", i, 640, 360, "none");
    }

    private LevelStatistics level(CacheLevel l) {
        return cache.levels().get(l.ordinal());
    }

    @Test
    void thePlayersHintKeepsTheFramesAheadInRam() throws Exception {
        open(10 * (100_000 + L1Policy.ENTRY_OVERHEAD), 64 * MIB, 64 * MIB); // room for 10 frames in RAM
        for (int i = 9; i >= 0; i--) { // a reverse play left 9 the least recent
            cache.put(frame(i), DiskStoreTest.value(100_000, i));
        }
        cache.hint(PlaybackHint.play("clip", 5, 1, n -> frame((int) n)));
        cache.get(frame(5));
        for (int i = 0; i < 3; i++) {
            cache.put(CacheKey.thumbnail("other", i, 160), DiskStoreTest.value(100_000, 100 + i));
        }
        // least recent first would evict 9, 8, 7 (never used again, so not spilled: lost); the hint protects them
        for (int i = 6; i <= 9; i++) {
            assertTrue(cache.get(frame(i)).isPresent(), "frame " + i + " ahead of the playhead");
        }
        assertEquals(5, level(CacheLevel.L1).hits(), "5, then the frames ahead, from RAM");
    }

    @Test
    void ramBudgetIsNeverExceededAndWorthwhileEvictionsSpillToL2() throws Exception {
        open(2 * MIB, 64 * MIB, 64 * MIB);
        for (int i = 0; i < 40; i++) {
            cache.put(frame(i), DiskStoreTest.value(100_000, i));
            cache.get(frame(i)); // used once: worth keeping when evicted
            assertTrue(level(CacheLevel.L1).bytes() <= 2 * MIB, "L1 holds " + level(CacheLevel.L1).bytes());
        }
        cache.drain();
        LevelStatistics l1 = level(CacheLevel.L1);
        LevelStatistics l2 = level(CacheLevel.L2);
        assertTrue(l1.evictions() > 0);
        assertEquals(l1.evictions(), l2.entries(), "every L1 eviction went to L2");
        assertArrayEquals(DiskStoreTest.value(100_000, 0), cache.get(frame(0)).orElseThrow(), "served from L2");
        assertEquals(1, level(CacheLevel.L2).hits());
    }

    @Test
    void aLoopLongerThanRamKeepsHittingInRamWhereLruWouldThrash() throws Exception {
        open(2 * MIB, 64 * MIB, 64 * MIB); // about 20 frames of 100,000 bytes
        int loop = 30;
        for (int pass = 0; pass < 12; pass++) {
            for (int i = 0; i < loop; i++) {
                if (cache.get(frame(i)).isEmpty()) {
                    cache.put(frame(i), DiskStoreTest.value(100_000, i));
                }
            }
            cache.drain();
        }
        long ramHits = level(CacheLevel.L1).hits();
        // LRU of 20 frames on a loop of 30: no RAM hit ever; MIN: 19 a pass after the first
        assertTrue(ramHits >= 11 * 10, "RAM hits " + ramHits);
        assertTrue(level(CacheLevel.L1).bytes() <= 2 * MIB);
    }

    @Test
    void framesNeverUsedAgainAreNotSpilled() throws Exception {
        open(2 * MIB, 64 * MIB, 64 * MIB);
        for (int i = 0; i < 40; i++) {
            cache.put(frame(i), DiskStoreTest.value(100_000, i));
        }
        cache.drain();
        assertTrue(level(CacheLevel.L1).evictions() > 0);
        assertEquals(0, level(CacheLevel.L2).entries());
    }

    @Test
    void diskEntriesUsedOftenArePromotedToRam() throws Exception {
        open(4 * MIB, 64 * MIB, 64 * MIB);
        byte[] big = DiskStoreTest.value(1_000_000, 1); // over 1/8 of L1: goes straight to L2
        cache.put(frame(1), big);
        assertEquals(0, level(CacheLevel.L1).entries());
        assertEquals(1, level(CacheLevel.L2).entries());
        cache.setL1Budget(16 * MIB); // now it would fit L1
        cache.get(frame(1));
        assertEquals(0, level(CacheLevel.L1).entries(), "one use is not enough");
        cache.get(frame(1));
        assertEquals(1, level(CacheLevel.L1).entries(), "promoted after two uses");
        assertArrayEquals(big, cache.get(frame(1)).orElseThrow());
        assertEquals(1, level(CacheLevel.L1).hits());
    }

    @Test
    void l2EvictionsUsedBeforeSpillToL3AndAreServedFromThere() throws Exception {
        open(MIB, 4 * MIB, 64 * MIB); // the empty MapDB index file alone is 2 MiB long
        for (int i = 0; i < 20; i++) {
            cache.put(frame(i), DiskStoreTest.value(200_000, i)); // 200 KB > L1/8: to L2
            cache.get(frame(i));
        }
        cache.drain();
        assertTrue(level(CacheLevel.L2).evictions() > 0);
        assertTrue(level(CacheLevel.L3).entries() > 0);
        assertArrayEquals(DiskStoreTest.value(200_000, 0), cache.get(frame(0)).orElseThrow());
        assertEquals(1, level(CacheLevel.L3).hits());
    }

    @Test
    void invalidateAndClearByTypeReachEveryLevel() throws Exception {
        open(4 * MIB, 64 * MIB, 64 * MIB);
        cache.put(frame(1), new byte[1000]);
        cache.put(frame(2), new byte[2_000_000]); // L2
        CacheKey thumb = CacheKey.thumbnail("clip", 0, 160);
        cache.put(thumb, new byte[5000]);
        assertTrue(cache.invalidate(frame(2)));
        assertFalse(cache.get(frame(2)).isPresent());
        String summary = cache.clear(EntryType.FRAME).get(10, TimeUnit.SECONDS);
        assertEquals("Cleared 1 frame entries", summary);
        assertFalse(cache.get(frame(1)).isPresent());
        assertTrue(cache.get(thumb).isPresent());
        assertTrue(cache.clear().get(10, TimeUnit.SECONDS).startsWith("Cleared 1 entries"));
    }

    @Test
    void statisticsCountRequestsHitsAndMissesPerLevelAndType() throws Exception {
        open(4 * MIB, 64 * MIB, 64 * MIB);
        CacheKey thumb = CacheKey.thumbnail("clip", 0, 160);
        cache.put(thumb, new byte[5000]);
        cache.get(thumb);
        cache.get(frame(9));
        assertEquals(1, cache.statistics().hits());
        assertEquals(1, cache.statistics().misses());
        TypeStatistics t = cache.byType().stream()
                .filter(s -> s.level() == CacheLevel.L1 && s.type() == EntryType.THUMBNAIL).findFirst().orElseThrow();
        assertEquals(1, t.hits());
        assertEquals(1, t.entries());
        assertEquals(5000, t.bytes());
        assertEquals(1, level(CacheLevel.L3).misses(), "the frame was looked for down to L3");
    }

    @Test
    void prefetchProducesOnlyWhatNoLevelHolds() throws Exception {
        open(4 * MIB, 64 * MIB, 64 * MIB);
        cache.put(frame(2), new byte[100]);
        List<CacheKey> next = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            next.add(frame(i));
        }
        AtomicInteger produced = new AtomicInteger();
        int n = cache.prefetch(next, k -> {
            produced.incrementAndGet();
            return new byte[200];
        }).get(10, TimeUnit.SECONDS);
        assertEquals(4, n);
        assertEquals(4, produced.get());
        for (CacheKey k : next) {
            assertTrue(cache.get(k).isPresent());
        }
    }

    @Test
    void entriesOlderThanALimitAreRemovedFromDisk() throws Exception {
        open(MIB, 64 * MIB, 64 * MIB);
        cache.put(frame(1), new byte[500_000]);
        Thread.sleep(20);
        assertEquals(1, cache.removeOlderThan(Duration.ofMillis(10)));
        assertEquals(0, cache.removeOlderThan(Duration.ofDays(30)));
        assertEquals(0, level(CacheLevel.L2).entries());
    }

    @Test
    void anEntryReopensFromDiskInANewProcessLifetime() throws Exception {
        open(MIB, 64 * MIB, 64 * MIB);
        byte[] v = DiskStoreTest.value(600_000, 3);
        cache.put(frame(3), v);
        cache.close();
        open(MIB, 64 * MIB, 64 * MIB);
        assertArrayEquals(v, cache.get(frame(3)).orElseThrow());
        assertEquals(dir.resolve("l2").toString(), level(CacheLevel.L2).location());
    }

    @Test
    void lookingWhetherAnEntryIsThereCountsNoRequestAndChangesNothing() throws Exception {
        open(4 * MIB, 64 * MIB, 64 * MIB);
        CacheKey thumb = CacheKey.thumbnail("clip", 0, 160);
        cache.put(thumb, new byte[5000]);
        long before = cache.modifications();
        for (int i = 0; i < 10; i++) {
            assertTrue(cache.contains(thumb));
            assertFalse(cache.contains(frame(1)));
        }
        assertEquals(0, cache.statistics().hits() + cache.statistics().misses(), "no request counted");
        assertEquals(0, level(CacheLevel.L1).hits() + level(CacheLevel.L1).misses());
        assertEquals(0, cache.entries(10).get(0).hits(), "the entry's own hit count is untouched");
        assertEquals(before, cache.modifications(), "looking is not a change");
        cache.get(thumb);
        assertTrue(cache.modifications() > before, "a request is");
        long afterGet = cache.modifications();
        cache.put(frame(2), new byte[100]);
        assertTrue(cache.modifications() > afterGet, "so is a put");
    }

    @Test
    void thumbnailsInRamAreOnDiskAfterARestartButFramesAreNot() throws Exception {
        open(4 * MIB, 64 * MIB, 64 * MIB);
        CacheKey thumb = CacheKey.thumbnail("clip", 0, 160);
        byte[] v = DiskStoreTest.value(40_000, 5);
        cache.put(thumb, v);
        cache.put(frame(1), new byte[1000]);
        assertEquals(0, level(CacheLevel.L2).entries(), "both in RAM only while running");
        cache.close();
        open(4 * MIB, 64 * MIB, 64 * MIB);
        assertTrue(cache.contains(thumb), "the thumbnail was kept on disk at close");
        assertFalse(cache.contains(frame(1)), "a frame used once is not worth the disk");
        assertArrayEquals(v, cache.get(thumb).orElseThrow());
        assertEquals(1, level(CacheLevel.L2).hits());
    }

    @Test
    void aPreviewChunkGoesToDiskAtOnceEvenWhenRamHasRoom() throws Exception {
        open(64 * MIB, 64 * MIB, 64 * MIB);
        CacheKey chunk = CacheKey.preview("timeline", 3, "f00d");
        byte[] v = DiskStoreTest.value(300_000, 7);
        cache.put(chunk, v);
        assertEquals(0, level(CacheLevel.L1).entries(), "not held only in RAM, where a kill -9 would lose it");
        assertEquals(1, level(CacheLevel.L2).entries());
        assertArrayEquals(v, cache.get(chunk).orElseThrow());
    }
}
