package org.tsperf.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsperf.testsupport.SmallDisk;

/** A disk level (L2 or L3: the same store) on a real, small file system that fills up. */
class DiskStoreFullDiskTest {

    private static final int VALUE = 256 * 1024;

    @TempDir
    Path temp;

    @Test
    void aFullDiskRefusesThePutClearlyKeepsEveryEntryAndStoresAgainOnceSpaceIsFreed() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(temp.resolve("l2"), 16L << 20)) {
            disk.fill(5L << 20); // another program took most of the disk
            List<Integer> stored = new ArrayList<>();
            DiskFull full = null;
            try (DiskStore s = DiskStore.open(disk.dir(), 64L << 20)) { // a budget larger than the disk
                for (int i = 0; i < 40 && full == null; i++) {
                    try {
                        assertTrue(s.put(DiskStoreTest.key(i), DiskStoreTest.value(VALUE, i), false, 0));
                        stored.add(i);
                    } catch (DiskFull e) {
                        full = e;
                    }
                }
                assertNotNull(full, "the disk filled up");
                assertTrue(stored.size() >= 2, "some entries fitted: " + stored);
                String msg = full.getMessage();
                assertTrue(msg.contains(disk.dir().toString()) && msg.contains("full") && msg.contains("Free space")
                        && msg.contains("another folder"), msg);
                assertEquals(List.of(), temporaries(disk.dir()), "no half-written value is left");
                for (int i : stored) {
                    assertArrayEquals(DiskStoreTest.value(VALUE, i), s.get(DiskStoreTest.key(i)).orElseThrow(),
                            "entry " + i + " is intact");
                }
                assertEquals(stored.size(), s.size());

                disk.free();
                assertTrue(s.put(DiskStoreTest.key(100), DiskStoreTest.value(VALUE, 100), false, 0),
                        "stores again once space is freed, without a restart");
            }
            try (DiskStore again = DiskStore.open(disk.dir(), 64L << 20)) {
                for (int i : stored) {
                    assertArrayEquals(DiskStoreTest.value(VALUE, i), again.get(DiskStoreTest.key(i)).orElseThrow(),
                            "entry " + i + " survives a reopen");
                }
                assertTrue(again.get(DiskStoreTest.key(100)).isPresent());
            }
        }
    }

    private static List<Path> temporaries(Path dir) throws java.io.IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(AtomicFiles.TEMP_SUFFIX)).toList();
        }
    }
}
