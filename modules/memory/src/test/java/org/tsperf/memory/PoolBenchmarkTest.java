package org.tsperf.memory;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.tsperf.api.memory.AllocationRequest;
import org.tsperf.api.memory.BufferHandle;
import org.tsperf.api.memory.BufferKind;
import org.tsperf.api.memory.MemoryProfile;
import org.tsperf.api.memory.Priority;

/**
 * Pool allocation against ByteBuffer.allocateDirect for 4K RGBA frames, and GC collections during simulated 4K
 * playback through the pool (a ring of 8 frames in flight, 60 s of frames at 30 fps, no sleeping). Skipped unless
 * {@code -Dtsperf.benchmark=true}; writes {@code target/benchmarks/memory.md}.
 */
@EnabledIfSystemProperty(named = "tsperf.benchmark", matches = "true")
class PoolBenchmarkTest {

    private static final int FRAME = 3840 * 2160 * 4;
    private static final int FRAMES = 60 * 30;

    @Test
    void poolAgainstAllocateDirectAndGcDuringPlayback() throws Exception {
        PooledMemoryManager m = new PooledMemoryManager(MemoryProfile.named("8"), new OshiSystemMemory(),
                System::nanoTime, Runnable::run);
        AllocationRequest frame = AllocationRequest.exactly(FRAME, Priority.CRITICAL, BufferKind.VIDEO, Duration.ofSeconds(1));
        // warm up both
        for (int i = 0; i < 20; i++) {
            m.allocate(frame).orElseThrow().release();
        }
        long gcBefore = collections();
        long t0 = System.nanoTime();
        ArrayDeque<BufferHandle> inFlight = new ArrayDeque<>();
        for (int i = 0; i < FRAMES; i++) {
            BufferHandle h = m.allocate(frame).orElseThrow();
            h.buffer().putLong(0, i); // "decode"
            inFlight.add(h);
            if (inFlight.size() > 8) {
                inFlight.poll().release(); // "displayed"
            }
        }
        double poolMicros = (System.nanoTime() - t0) / 1e3 / FRAMES;
        long gcPool = collections() - gcBefore;
        long rss = new oshi.SystemInfo().getOperatingSystem().getCurrentProcess().getResidentSetSize();
        inFlight.forEach(BufferHandle::release);

        int directCount = 200;
        gcBefore = collections();
        t0 = System.nanoTime();
        ArrayDeque<ByteBuffer> direct = new ArrayDeque<>();
        for (int i = 0; i < directCount; i++) {
            ByteBuffer b = ByteBuffer.allocateDirect(FRAME);
            b.putLong(0, i);
            direct.add(b);
            if (direct.size() > 8) {
                direct.poll();
            }
        }
        double directMicros = (System.nanoTime() - t0) / 1e3 / directCount;
        long gcDirect = collections() - gcBefore;
        String report = String.format(Locale.ROOT, "| path | frames | µs per 4K frame buffer | GC collections |%n"
                + "|---|---:|---:|---:|%n| pool (allocate + release) | %d | %.1f | %d |%n"
                + "| ByteBuffer.allocateDirect | %d | %.1f | %d |%n%n"
                + "Resident memory of the test JVM after the pool run (9 frames of 32 MiB class pooled): %d MiB%n",
                FRAMES, poolMicros, gcPool, directCount, directMicros, gcDirect, rss >> 20);
        Path out = Files.createDirectories(Path.of("target/benchmarks")).resolve("memory.md");
        Files.writeString(out, report);
        System.err.println(report);
    }

    private static long collections() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }
}
