package org.tsperf.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tsperf.api.cache.CacheLevel;
import org.tsperf.api.cache.EntryType;
import org.tsperf.testsupport.KillNineChild;

/**
 * A process moving entries from L2 to L3 all the time is killed with kill -9: every entry committed before the kill is
 * found again, whole, in one of the two levels (a move writes and commits L3 before L2 lets the entry go).
 */
class TierMoveKillNineTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(180)
    void committedEntriesSurviveAKillDuringMovesFromL2ToL3() throws Exception {
        for (int round = 0; round < 3; round++) {
            int last = writeAndKill(60 + round * 25);
            try (TieredCache cache = new TieredCache(new CacheSettings(1 << 20, dir.resolve("l2"), 4L << 20,
                    dir.resolve("l3"), 256L << 20, EnumSet.noneOf(EntryType.class), 2))) {
                long inL3 = cache.levels().get(CacheLevel.L3.ordinal()).entries();
                assertTrue(inL3 > 10, "entries did move to L3 (" + inL3 + ")");
                for (int i = 0; i <= last; i++) {
                    byte[] v = cache.get(TierMoveWriter.key(i)).orElseThrow(
                            () -> new AssertionError("a committed entry is lost"));
                    assertArrayEquals(DiskStoreTest.value(TierMoveWriter.VALUE_BYTES, i), v, "entry " + i);
                }
            }
        }
    }

    private int writeAndKill(int commits) throws Exception {
        return KillNineChild.writeAndKill(Duration.ofSeconds(90), commits, TierMoveWriter.class, dir.toString());
    }
}
