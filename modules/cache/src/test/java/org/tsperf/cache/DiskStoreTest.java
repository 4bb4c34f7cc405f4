package org.tsperf.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsperf.api.cache.CacheKey;

/** The disk level on real files and a real MapDB index. */
class DiskStoreTest {

    @TempDir
    Path dir;

    static byte[] value(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static CacheKey key(int i) {
        return CacheKey.frame("clip", i * 40_000L, 1920, 1080, "none");
    }

    /** What du reports for the directory, in bytes (allocated blocks). */
    static long du(Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("du", "-s", "-B1", dir.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        assertEquals(0, p.waitFor(), out);
        return Long.parseLong(out.split("\\s+")[0]);
    }

    @Test
    void aDamagedIndexIsRebuiltFromTheValueFiles() throws Exception {
        byte[] compressible = new byte[50_000];
        java.util.Arrays.fill(compressible, (byte) 7);
        try (DiskStore s = DiskStore.open(dir, 8L << 20)) {
            assertTrue(s.put(key(1), value(70_000, 1), false, 0));
            assertTrue(s.put(key(2), compressible, true, 0));
            assertTrue(s.put(key(1), value(60_000, 11), false, 0)); // replaced: the newer value wins
            s.sync();
        }
        // what a crash the write-ahead log cannot repair leaves: a broken index file; and a cut-short value file
        java.nio.file.Files.write(dir.resolve("index.db"), value(4096, 99));
        java.nio.file.Files.write(dir.resolve("values").resolve("deadbeef-1.val"), new byte[] {'T', 'S', 'C', 'V'});
        try (DiskStore s = DiskStore.open(dir, 8L << 20)) {
            assertTrue(s.damagedIndexDiscarded());
            assertEquals(2, s.size(), "both committed entries are back");
            assertArrayEquals(value(60_000, 11), s.get(key(1)).orElseThrow(), "the newer value of key 1");
            assertArrayEquals(compressible, s.get(key(2)).orElseThrow(), "the compressed value of key 2");
            try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(dir.resolve("values"))) {
                assertEquals(2, files.count(), "the replaced value and the broken file are removed");
            }
            assertTrue(s.put(key(3), value(5_000, 3), false, 0), "the level works on");
        }
        try (DiskStore s = DiskStore.open(dir, 8L << 20)) {
            assertFalse(s.damagedIndexDiscarded());
            assertEquals(3, s.size());
        }
    }

    @Test
    void aValueFileSwappedForALinkOutOfTheLevelIsNeverRead(@TempDir Path outside) throws Exception {
        Path secret = outside.resolve("secret.bin");
        byte[] v = value(30_000, 4);
        String file;
        try (DiskStore s = DiskStore.open(dir, 8L << 20)) {
            assertTrue(s.put(key(4), v, false, 0));
            s.sync();
            file = s.entries().iterator().next().file();
        }
        Path valueFile = dir.resolve("values").resolve(file);
        java.nio.file.Files.move(valueFile, secret); // the same bytes, now outside the level
        java.nio.file.Files.createSymbolicLink(valueFile, secret);
        byte[] outsideBefore = java.nio.file.Files.readAllBytes(secret);
        try (DiskStore s = DiskStore.open(dir, 8L << 20)) {
            assertFalse(s.get(key(4)).isPresent(), "a value reached through a link is not served");
            assertFalse(java.nio.file.Files.exists(valueFile, java.nio.file.LinkOption.NOFOLLOW_LINKS),
                    "the link is removed");
        }
        assertArrayEquals(outsideBefore, java.nio.file.Files.readAllBytes(secret), "the file outside is untouched");
    }

    @Test
    void storesAndReadsBackAcrossReopen() throws IOException {
        try (DiskStore s = DiskStore.open(dir, 64L << 20)) {
            assertTrue(s.put(key(1), value(70_000, 1), false, 0));
            assertTrue(s.put(key(2), value(5_000, 2), true, 0));
        }
        try (DiskStore s = DiskStore.open(dir, 64L << 20)) {
            assertArrayEquals(value(70_000, 1), s.get(key(1)).orElseThrow());
            assertArrayEquals(value(5_000, 2), s.get(key(2)).orElseThrow());
            assertFalse(s.get(key(3)).isPresent());
            assertEquals(2, s.size());
        }
    }

    @Test
    void compressibleValuesTakeLessDiskAndComeBackWhole() throws IOException {
        byte[] zeros = new byte[1 << 20];
        Arrays.fill(zeros, (byte) 7);
        try (DiskStore s = DiskStore.open(dir, 64L << 20)) {
            s.put(key(1), zeros, true, 0);
            EntryRecord r = s.entries().get(0);
            assertTrue(r.compressed() && r.storedBytes() < zeros.length / 10, r.toString());
            assertArrayEquals(zeros, s.get(key(1)).orElseThrow());
        }
    }

    @Test
    void sizeOnDiskMeasuredWithDuStaysWithinBudget() throws Exception {
        long budget = 6L << 20;
        try (DiskStore s = DiskStore.open(dir, budget)) {
            for (int i = 0; i < 300; i++) {
                assertTrue(s.put(key(i), value(20_000 + (i % 7) * 9_000, i), false, 0));
                if (i % 25 == 0) {
                    long du = du(dir);
                    assertTrue(du <= budget, "du " + du + " > budget " + budget + " after " + i + " puts");
                }
            }
            long du = du(dir);
            assertTrue(du <= budget, "du " + du + " > budget " + budget);
            assertTrue(s.bytesOnDisk() >= du - 64 * 1024, "the store's own measure " + s.bytesOnDisk() + " vs du " + du);
            assertTrue(s.size() < 300, "old entries were evicted");
            assertTrue(s.get(key(299)).isPresent(), "the newest entry stays");
            assertFalse(s.get(key(0)).isPresent(), "the oldest entry went first");
        }
    }

    @Test
    void evictsLeastRecentlyUsedFirst() throws Exception {
        // index.db (2 MiB long, sparse) and its write-ahead log count against the budget too
        try (DiskStore s = DiskStore.open(dir, 6L << 20)) {
            for (int i = 0; i < 10; i++) {
                s.put(key(i), value(150_000, i), false, 0);
                Thread.sleep(2);
            }
            assertTrue(s.get(key(0)).isPresent()); // key 0 is now the most recently used
            Thread.sleep(2);
            assertEquals(10, s.size(), "all fit so far; index and directories take " + (s.bytesOnDisk() - 10 * 151_552));
            for (int i = 10; i < 25; i++) {
                s.put(key(i), value(150_000, i), false, 0);
            }
            assertTrue(s.contains(key(0)), "recently used entry kept");
            assertFalse(s.contains(key(1)), "least recently used entry evicted");
        }
    }

    @Test
    void corruptValueIsDroppedNeverServed() throws IOException {
        try (DiskStore s = DiskStore.open(dir, 64L << 20)) {
            s.put(key(1), value(50_000, 1), false, 0);
            Path file = valueFiles().get(0);
            byte[] bytes = Files.readAllBytes(file);
            bytes[12_345] ^= 0x20; // one flipped bit, same length
            Files.write(file, bytes);
            assertFalse(s.get(key(1)).isPresent());
            assertFalse(s.contains(key(1)), "dropped from the index");
            assertEquals(1, s.corruptDropped());
            assertTrue(valueFiles().isEmpty(), "its file is removed");
        }
    }

    @Test
    void truncatedValueIsDroppedOnReopen() throws IOException {
        try (DiskStore s = DiskStore.open(dir, 64L << 20)) {
            s.put(key(1), value(50_000, 1), false, 0);
            s.put(key(2), value(50_000, 2), false, 0);
        }
        Path victim = valueFiles().get(0);
        Files.write(victim, Arrays.copyOf(Files.readAllBytes(victim), 1000));
        try (DiskStore s = DiskStore.open(dir, 64L << 20)) {
            assertEquals(1, s.size());
            assertEquals(1, valueFiles().size(), "the truncated file is gone as an orphan");
        }
    }

    @Test
    void orphanedAndTemporaryFilesAreRemovedOnOpen() throws IOException {
        try (DiskStore s = DiskStore.open(dir, 64L << 20)) {
            s.put(key(1), value(10_000, 1), false, 0);
        }
        Files.write(dir.resolve("values/deadbeef-1234.v"), value(10_000, 9));
        Files.write(dir.resolve("values/deadbeef-5678.v.tmp"), value(10_000, 9));
        try (DiskStore s = DiskStore.open(dir, 64L << 20)) {
            assertEquals(1, s.size());
            assertEquals(1, valueFiles().size());
            assertTrue(s.get(key(1)).isPresent());
        }
    }

    @Test
    void removesEntriesOlderThanALimit() throws Exception {
        try (DiskStore s = DiskStore.open(dir, 64L << 20)) {
            s.put(key(1), value(1000, 1), false, 0);
            Thread.sleep(30);
            long limit = System.currentTimeMillis();
            s.put(key(2), value(1000, 2), false, 0);
            assertEquals(1, s.removeIf(r -> r.lastAccessMillis() < limit));
            assertFalse(s.contains(key(1)));
            assertTrue(s.contains(key(2)));
        }
    }

    @Test
    void aSecondOpenOfTheSameStoreFailsWithAClearMessage() throws IOException {
        try (DiskStore s = DiskStore.open(dir, 64L << 20)) {
            IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                    () -> DiskStore.open(dir, 64L << 20));
            assertTrue(e.getMessage().contains("another tsperf process"), e.getMessage());
        }
    }

    private List<Path> valueFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("values"))) {
            return files.toList();
        }
    }
}
