package org.tsperf.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tsperf.api.memory.AllocationRequest;
import org.tsperf.api.memory.BufferHandle;
import org.tsperf.api.memory.BufferKind;
import org.tsperf.api.memory.MemoryListener;
import org.tsperf.api.memory.MemoryProfile;
import org.tsperf.api.memory.PressureLevel;
import org.tsperf.api.memory.Priority;

/** The pools with real direct buffers and the machine's real memory figures (OSHI). */
@Timeout(60)
class PooledMemoryManagerTest {

    private static final int MIB = 1 << 20;
    private final AtomicLong clock = new AtomicLong();
    private final List<Long> budgets = new CopyOnWriteArrayList<>();

    /** Pools of 8 MiB, a cache of 4 MiB (which may shrink to 512 KiB and give the rest to the pools). */
    private PooledMemoryManager manager() {
        PooledMemoryManager m = new PooledMemoryManager(new MemoryProfile("test", 1L << 30, 64 * MIB, 8 * MIB, 4 * MIB),
                new OshiSystemMemory(), clock::get, Runnable::run);
        m.addListener(new MemoryListener() {
            @Override
            public void pressureChanged(PressureLevel level) {
            }

            @Override
            public void cacheBudgetChanged(long bytes) {
                budgets.add(bytes);
            }
        });
        return m;
    }

    private static AllocationRequest req(int bytes, Priority p, BufferKind k, long timeoutMillis) {
        return AllocationRequest.exactly(bytes, p, k, Duration.ofMillis(timeoutMillis));
    }

    private static BufferHandle get(PooledMemoryManager m, AllocationRequest r) throws InterruptedException {
        return m.allocate(r).orElseThrow(() -> new AssertionError("no buffer for " + r));
    }

    @Test
    void releasedBuffersAreReusedWithoutNewOffHeapMemory() throws Exception {
        PooledMemoryManager m = manager();
        BufferHandle a = get(m, req(MIB, Priority.NORMAL, BufferKind.VIDEO, 0));
        a.buffer().putInt(0, 42);
        long capacity = m.statistics().poolCapacityBytes();
        a.release();
        assertTrue(a.isGone());
        assertThrows(IllegalStateException.class, a::buffer);
        BufferHandle b = get(m, req(MIB - 1000, Priority.NORMAL, BufferKind.VIDEO, 0));
        assertEquals(capacity, m.statistics().poolCapacityBytes(), "the same size class was reused");
        assertEquals(MIB - 1000, b.buffer().limit());
        assertEquals(MIB - 1000, b.size());
    }

    @Test
    void poolsNeverExceedTheirBudgetAndAFullPoolNeverThrows() throws Exception {
        PooledMemoryManager m = manager();
        List<BufferHandle> held = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Optional<BufferHandle> h = m.allocate(req(MIB, Priority.CRITICAL, BufferKind.VIDEO, 0));
            h.ifPresent(held::add);
            assertTrue(m.statistics().poolCapacityBytes() <= m.statistics().poolBudgetBytes());
        }
        // 8 MiB of pools plus 3.5 MiB the cache gave up: 11 buffers of 1 MiB
        assertEquals(11, held.size());
        assertEquals(29, m.statistics().timedOut());
        assertEquals(List.of(2L * MIB, (long) MIB, (long) MIB / 2), budgets, "the cache budget was halved to 1/8");
    }

    @Test
    void pressureStepsRunInTheSeedsOrder() throws Exception {
        PooledMemoryManager m = manager();
        BufferHandle thumb = get(m, req(MIB, Priority.LOW, BufferKind.THUMBNAIL, 0));
        BufferHandle recentAudio = get(m, req(MIB, Priority.NORMAL, BufferKind.AUDIO, 0));
        BufferHandle oldAudio = get(m, req(MIB, Priority.NORMAL, BufferKind.AUDIO, 0));
        BufferHandle lowVideo = get(m, req(MIB, Priority.LOW, BufferKind.VIDEO, 0));
        BufferHandle normalVideo = get(m, req(MIB, Priority.NORMAL, BufferKind.VIDEO, 0));
        List<BufferHandle> busy = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            busy.add(get(m, req(MIB, Priority.CRITICAL, BufferKind.VIDEO, 0)));
        }
        oldAudio.idle();
        clock.addAndGet(TimeUnit.SECONDS.toNanos(31));
        thumb.idle();
        recentAudio.idle();
        lowVideo.idle();
        normalVideo.idle();
        // pools full (8 x 1 MiB): ask for 8 MiB, accepting 1 MiB
        BufferHandle big = get(m, new AllocationRequest(8 * MIB, MIB, Priority.HIGH, BufferKind.VIDEO, Duration.ZERO));
        assertEquals(List.of("drop idle thumbnails", "free idle audio unused for 30 s", "free idle low-priority video",
                "shrink the L1 cache budget", "shrink the L1 cache budget", "shrink the L1 cache budget",
                "halve the requested size"), m.pressureSteps());
        assertEquals(4 * MIB, big.size(), "halved once: 3 freed + 3.5 given up by the cache = room for 4 MiB");
        assertTrue(thumb.isGone() && oldAudio.isGone() && lowVideo.isGone());
        assertTrue(recentAudio.resume(), "audio used within 30 s is kept");
        assertTrue(normalVideo.resume(), "normal-priority video is kept");
        assertFalse(thumb.resume());
        assertEquals(1, m.statistics().shrunk());
        assertEquals(3, m.statistics().reclaimed());
    }

    @Test
    void waitingAllocationsAreServedByPriority() throws Exception {
        PooledMemoryManager m = manager();
        List<BufferHandle> held = new ArrayList<>();
        Optional<BufferHandle> h;
        while ((h = m.allocate(req(MIB, Priority.CRITICAL, BufferKind.VIDEO, 0))).isPresent()) {
            held.add(h.get());
        }
        List<Priority> served = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (Priority p : List.of(Priority.LOW, Priority.NORMAL, Priority.CRITICAL)) {
            CountDownLatch started = new CountDownLatch(1);
            Thread t = new Thread(() -> {
                started.countDown();
                try {
                    m.allocate(req(MIB, p, BufferKind.VIDEO, 20_000)).ifPresent(b -> served.add(p));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            t.start();
            started.await();
            int expected = threads.size() + 1;
            while (m.statistics().waiting() < expected) {
                Thread.sleep(5);
            }
            threads.add(t);
        }
        for (int i = 0; i < 3; i++) {
            held.remove(0).release();
            while (served.size() < i + 1) {
                Thread.sleep(5);
            }
        }
        for (Thread t : threads) {
            t.join(10_000);
        }
        assertEquals(List.of(Priority.CRITICAL, Priority.NORMAL, Priority.LOW), served);
    }

    @Test
    void aWaitingAllocationTimesOutCleanly() throws Exception {
        PooledMemoryManager m = manager();
        while (m.allocate(req(MIB, Priority.CRITICAL, BufferKind.VIDEO, 0)).isPresent()) {
            // fill
        }
        long before = m.statistics().timedOut();
        long t0 = System.nanoTime();
        Optional<BufferHandle> h = m.allocate(req(MIB, Priority.HIGH, BufferKind.VIDEO, 200));
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(h.isEmpty());
        assertTrue(waited >= 190 && waited < 5_000, "waited " + waited + " ms");
        assertEquals(before + 1, m.statistics().timedOut());
        assertEquals(0, m.statistics().waiting(), "it left the queue");
    }

    @Test
    void poolUsageRaisesThePressureLevelAndFreeUnusedGivesMemoryBack() throws Exception {
        PooledMemoryManager m = manager();
        assertEquals(PressureLevel.NORMAL, m.sample());
        List<BufferHandle> held = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            held.add(get(m, req(MIB, Priority.NORMAL, BufferKind.VIDEO, 0)));
        }
        assertEquals(PressureLevel.CRITICAL, m.sample(), "8 of 8 MiB lent");
        assertEquals(PressureLevel.CRITICAL, m.pressure());
        held.forEach(BufferHandle::idle);
        held.get(0).resume();
        long freed = m.freeUnused();
        assertEquals(7L * MIB, freed, "the 7 idle buffers taken back and dropped; the one in use stays");
        assertEquals(MIB, m.statistics().poolCapacityBytes());
        assertTrue(held.get(1).isGone());
        assertFalse(held.get(0).isGone());
    }

    @Test
    void profilesFitTheMachine() {
        assertEquals("8 GB machine", MemoryProfile.forMachine(7_800_000_000L).name());
        assertEquals("16 GB machine", MemoryProfile.forMachine(16L << 30).name());
        assertEquals("4 GB machine", MemoryProfile.forMachine(1L << 30).name());
        assertSame(MemoryProfile.PROFILES.get(1), MemoryProfile.named("8"));
        MemoryProfile eight = MemoryProfile.named("8 GB machine");
        assertTrue(eight.totalBytes() <= 5L << 29, "heap + pools + cache of the 8 GB profile within 2.5 GiB");
    }
}
