package org.tsperf.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsperf.api.cache.CacheKey;
import org.tsperf.api.cache.EntryType;

/** L1's values live in direct memory: off the Java heap, copied out whole, never torn by a racing eviction. */
class RamLevelOffHeapTest {

    private static final long MIB = 1 << 20;

    @TempDir
    Path dir;

    private TieredCache open(long l1) throws Exception {
        return new TieredCache(new CacheSettings(l1, dir.resolve("l2"), 256 * MIB, dir.resolve("l3"), 256 * MIB,
                EnumSet.noneOf(EntryType.class), 2));
    }

    private static long directBytes() {
        return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(b -> b.getName().equals("direct")).mapToLong(BufferPoolMXBean::getMemoryUsed).sum();
    }

    private static CacheKey frame(int i) {
        return CacheKey.frame("clip", i, 960, 540, "none");
    }

    @Test
    void cachedPicturesTakeDirectMemoryAndGiveItBackAtClose() throws Exception {
        long before = directBytes();
        TieredCache cache = open(256 * MIB);
        try {
            for (int i = 0; i < 40; i++) { // 40 pictures of 2 MB: 80 MB
                cache.put(frame(i), DiskStoreTest.value(960 * 540 * 4, i));
            }
            long held = directBytes() - before;
            assertTrue(held >= 40L * 960 * 540 * 4, "the RAM level's values are in direct memory: "
                    + held + " bytes of direct memory for 80 MB cached");
            for (int i = 0; i < 40; i++) {
                assertArrayEquals(DiskStoreTest.value(960 * 540 * 4, i), cache.get(frame(i)).orElseThrow(),
                        "picture " + i + " read back from RAM");
            }
            byte[] a = cache.get(frame(3)).orElseThrow();
            a[0] ^= 1; // a reader's copy is its own: changing it changes nothing cached
            assertArrayEquals(DiskStoreTest.value(960 * 540 * 4, 3), cache.get(frame(3)).orElseThrow());
        } finally {
            cache.close();
        }
        long after = directBytes() - before;
        assertTrue(after < 8 * MIB, "closing gives the RAM level's direct memory back: " + after + " bytes left");
    }

    @Test
    void evictionsAndReadsRacingNeverHandOutAnotherValuesBytes() throws Exception {
        int size = 64 * 1024;
        TieredCache cache = open(40L * (size + L1Policy.ENTRY_OVERHEAD)); // room for 40: constant evictions
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> readers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int seed = t;
                readers.add(pool.submit(() -> {
                    int served = 0;
                    java.util.Random r = new java.util.Random(seed);
                    for (int n = 0; n < 3000; n++) {
                        int i = r.nextInt(200);
                        if (r.nextBoolean()) {
                            cache.put(frame(i), DiskStoreTest.value(size, i));
                        } else {
                            Optional<byte[]> v = cache.get(frame(i));
                            if (v.isPresent()) {
                                assertArrayEquals(DiskStoreTest.value(size, i), v.get(), "value of frame " + i);
                                served++;
                            }
                        }
                    }
                    return served;
                }));
            }
            int served = 0;
            for (Future<Integer> f : readers) {
                served += f.get(120, TimeUnit.SECONDS);
            }
            assertTrue(served > 100, "the race was exercised: " + served + " reads served");
            cache.drain();
            assertTrue(cache.freeDirectBytes() <= DirectBuffers.FREE_BYTES);
        } finally {
            pool.shutdownNow();
            cache.close();
        }
        assertEquals(0, cache.freeDirectBytes(), "no buffer kept after close");
    }
}
