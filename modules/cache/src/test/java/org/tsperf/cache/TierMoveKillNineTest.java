package org.tsperf.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tsperf.api.cache.CacheLevel;
import org.tsperf.api.cache.EntryType;

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
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process writer = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                TierMoveWriter.class.getName(), dir.toString()).redirectErrorStream(true).start();
        int last = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("committed ")) {
                    last = Integer.parseInt(line.substring("committed ".length()));
                    if (last >= commits) {
                        break;
                    }
                } else {
                    System.err.println("writer: " + line);
                }
            }
            assertEquals(0, new ProcessBuilder("kill", "-9", Long.toString(writer.pid())).inheritIO().start()
                    .waitFor());
            assertTrue(writer.waitFor(30, TimeUnit.SECONDS));
            assertEquals(137, writer.exitValue(), "killed by SIGKILL");
            while ((line = out.readLine()) != null) {
                if (line.startsWith("committed ")) {
                    last = Integer.parseInt(line.substring("committed ".length()));
                }
            }
        } finally {
            writer.destroyForcibly();
        }
        assertTrue(last >= commits, "the writer reached " + last + " commits");
        return last;
    }
}
