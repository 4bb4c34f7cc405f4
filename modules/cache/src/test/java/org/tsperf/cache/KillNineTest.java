package org.tsperf.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tsperf.testsupport.KillNineChild;

/** A separate JVM writes into a store and is killed with kill -9 mid-write; the store must reopen consistent. */
class KillNineTest {

    @TempDir
    Path dir;

    /** The content of entry i: sizes vary, half of them compressible. */
    static byte[] expected(int i) {
        byte[] b = DiskStoreTest.value(20_000 + (i % 11) * 7_000, i);
        if (i % 2 == 0) {
            java.util.Arrays.fill(b, 0, b.length / 2, (byte) i);
        }
        return b;
    }

    @Test
    @Timeout(120)
    void storeReopensConsistentAfterKillNineDuringHeavyWrites() throws Exception {
        long budget = 8L << 20;
        for (int round = 0; round < 3; round++) {
            int lastCommitted = writeAndKill(budget, 150 + round * 40);
            try (DiskStore s = DiskStore.open(dir, budget)) {
                if (s.damagedIndexDiscarded()) {
                    // rare: MapDB's write-ahead log could not repair the index; it is rebuilt from the value files,
                    // and everything committed must be there all the same
                    System.err.println("round " + round + ": index damaged by the kill, rebuilt from the values");
                }
                assertTrue(s.contains(DiskStoreTest.key(lastCommitted)), "the last committed entry survives");
                int checked = 0;
                for (EntryRecord r : s.entries()) {
                    int i = (int) (Long.parseLong(r.key().id().substring(5, r.key().id().indexOf('/'))) / 40_000);
                    assertArrayEquals(expected(i), s.get(r.key()).orElseThrow(), "entry " + i + " is intact");
                    checked++;
                }
                assertEquals(checked, s.size(), "no entry dropped as corrupt");
                assertEquals(0, s.corruptDropped());
                try (Stream<Path> files = Files.list(dir.resolve("values"))) {
                    assertEquals(s.size(), files.count(), "one value file per entry: no orphans, no temp files");
                }
                long du = DiskStoreTest.du(dir);
                assertTrue(du <= budget, "du " + du + " within budget " + budget);
            }
        }
    }

    /** Starts a writer JVM, waits for {@code commits} committed puts, kills it with kill -9; returns the last one. */
    private int writeAndKill(long budget, int commits) throws Exception {
        return KillNineChild.writeAndKill(Duration.ofSeconds(90), commits, KillNineWriter.class, dir.toString(),
                Long.toString(budget));
    }
}
