package org.tsperf.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskSpeedTest {

    @TempDir
    Path dir;

    private long files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    @Test
    void measuresWriteAndReadAndLeavesNoFile() throws IOException {
        DiskSpeed.Result r = DiskSpeed.measure(dir, 4 * DiskSpeed.BLOCK, () -> false);
        assertTrue(r.writeMBps() > 0 && Double.isFinite(r.writeMBps()), "write " + r.writeMBps());
        assertTrue(r.readMBps() > 0 && Double.isFinite(r.readMBps()), "read " + r.readMBps());
        assertEquals(0, files());
    }

    @Test
    void cancelledInTheMiddleStopsAndRemovesTheFile() throws IOException {
        AtomicInteger polls = new AtomicInteger();
        assertThrows(CancellationException.class,
                () -> DiskSpeed.measure(dir, 64 * DiskSpeed.BLOCK, () -> polls.incrementAndGet() > 3));
        assertEquals(4, polls.get(), "stopped at the first poll that said cancelled");
        assertEquals(0, files());
    }
}
