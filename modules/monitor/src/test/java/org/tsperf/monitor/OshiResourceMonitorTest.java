package org.tsperf.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.netbeans.junit.MockServices;
import org.openide.util.Lookup;
import org.tsperf.api.gpu.GpuMetrics;
import org.tsperf.api.gpu.GpuUsage;
import org.tsperf.api.monitor.DiskUsage;
import org.tsperf.api.monitor.ResourceMonitor;
import org.tsperf.api.monitor.ResourceSnapshot;

/** Runs the real sampler (OSHI on this machine) at a fast rate. */
class OshiResourceMonitorTest {

    private OshiResourceMonitor monitor;

    @AfterEach
    void stop() {
        if (monitor != null) {
            monitor.stop();
        }
        MockServices.setServices();
    }

    private OshiResourceMonitor fast(Duration interval, Duration history) {
        monitor = new OshiResourceMonitor(interval, history, () -> new OshiSampler(Lookup.getDefault()));
        return monitor;
    }

    private static ResourceSnapshot next(BlockingQueue<ResourceSnapshot> q) throws InterruptedException {
        ResourceSnapshot s = q.poll(10, TimeUnit.SECONDS);
        assertNotNull(s, "no snapshot within 10 s");
        return s;
    }

    @Test
    void samplesRealFiguresWithinTheirBounds() throws Exception {
        BlockingQueue<ResourceSnapshot> q = new LinkedBlockingQueue<>();
        fast(Duration.ofMillis(200), Duration.ofSeconds(10)).addListener(q::add);
        // keep a core busy so that the process share is measurably above zero
        Thread burner = new Thread(() -> {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            double x = 0;
            while (System.nanoTime() < end) {
                x += Math.sqrt(x + 1);
            }
            assertTrue(x > 0);
        });
        burner.start();
        double maxProcess = 0;
        for (int i = 0; i < 8; i++) {
            ResourceSnapshot s = next(q);
            assertTrue(s.cpu().systemPercent() >= 0 && s.cpu().systemPercent() <= 100, "system cpu " + s.cpu());
            assertTrue(s.cpu().processPercent() >= 0 && s.cpu().processPercent() <= 100, "process cpu " + s.cpu());
            assertEquals(Runtime.getRuntime().availableProcessors(), s.cpu().logicalProcessors());
            assertTrue(s.memory().physicalTotal() > 0, "total memory");
            assertTrue(s.memory().physicalUsed() <= s.memory().physicalTotal(), "used <= total");
            assertTrue(s.memory().processResident() > 0, "resident set of this JVM");
            assertTrue(s.memory().heapUsed() > 0 && s.memory().heapUsed() <= s.memory().heapMax(), "heap");
            for (DiskUsage d : s.disks()) {
                assertTrue(d.usedBytes() <= d.totalBytes(), "disk " + d);
                assertTrue(d.usedBytes() + d.availableBytes() <= d.totalBytes(), "disk " + d);
                // df's convention, read from the same statvfs: used = total - free, used / (used + available)
                java.nio.file.FileStore store = java.nio.file.Files.getFileStore(java.nio.file.Path.of(d.mount()));
                long used = store.getTotalSpace() - store.getUnallocatedSpace();
                double expected = 100.0 * used / (used + store.getUsableSpace());
                assertEquals(expected, d.usedPercent(), 1.0, "the percentage df shows for " + d.mount());
            }
            maxProcess = Math.max(maxProcess, s.cpu().processPercent());
        }
        burner.join();
        assertTrue(maxProcess > 5, "a busy core must show as process load, saw at most " + maxProcess + " %");
    }

    @Test
    void historyKeepsOnlyItsLengthOldestFirst() throws Exception {
        BlockingQueue<ResourceSnapshot> q = new LinkedBlockingQueue<>();
        OshiResourceMonitor m = fast(Duration.ofMillis(50), Duration.ofMillis(500));
        m.addListener(q::add);
        for (int i = 0; i < 25; i++) {
            next(q);
        }
        List<ResourceSnapshot> history = m.history();
        assertEquals(10, history.size(), "500 ms of history at 50 ms");
        for (int i = 1; i < history.size(); i++) {
            assertTrue(history.get(i - 1).time().isBefore(history.get(i).time()), "oldest first");
        }
        assertSame(history.get(history.size() - 1), m.latest().orElseThrow());
    }

    @Test
    void listenersAreCalledOffTheEventThread() throws Exception {
        BlockingQueue<Thread> threads = new LinkedBlockingQueue<>();
        fast(Duration.ofMillis(50), Duration.ofSeconds(1)).addListener(s -> {
            assertFalse(SwingUtilities.isEventDispatchThread());
            threads.add(Thread.currentThread());
        });
        Thread t = threads.poll(10, TimeUnit.SECONDS);
        assertNotNull(t);
        assertEquals("tsperf-resource-monitor", t.getName());
        assertTrue(t.isDaemon(), "the sampler must not keep the JVM alive");
    }

    @Test
    void aFailingListenerDoesNotStopSamplingForOthers() throws Exception {
        BlockingQueue<ResourceSnapshot> q = new LinkedBlockingQueue<>();
        OshiResourceMonitor m = fast(Duration.ofMillis(50), Duration.ofSeconds(1));
        m.addListener(s -> {
            throw new IllegalStateException("broken view");
        });
        m.addListener(q::add);
        next(q);
        next(q);
        assertTrue(m.isRunning());
    }

    @Test
    void stopEndsSamplingAndStartResumesIt() throws Exception {
        AtomicInteger count = new AtomicInteger();
        OshiResourceMonitor m = fast(Duration.ofMillis(50), Duration.ofSeconds(1));
        m.addListener(s -> count.incrementAndGet());
        TimeUnit.MILLISECONDS.sleep(400);
        m.stop();
        int atStop = count.get();
        assertTrue(atStop > 0);
        TimeUnit.MILLISECONDS.sleep(300);
        assertEquals(atStop, count.get(), "no sample after stop");
        assertFalse(m.isRunning());
        m.start();
        TimeUnit.MILLISECONDS.sleep(400);
        assertTrue(count.get() > atStop, "sampling resumes");
    }

    @Test
    void samplerStopsWhenTheModuleIsDisabled() throws Exception {
        ResourceMonitor registered = Lookup.getDefault().lookup(ResourceMonitor.class);
        assertTrue(registered instanceof OshiResourceMonitor, "the module's service is found through Lookup");
        List<ResourceSnapshot> seen = new CopyOnWriteArrayList<>();
        registered.addListener(seen::add);
        long deadline = System.currentTimeMillis() + 10_000;
        while (seen.isEmpty() && System.currentTimeMillis() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        assertFalse(seen.isEmpty());
        new MonitorLifecycle().uninstalled(); // what the module system calls when the user disables the module
        assertFalse(registered.isRunning());
        int atDisable = seen.size();
        TimeUnit.MILLISECONDS.sleep(2500);
        assertEquals(atDisable, seen.size(), "no sample after the module was disabled");
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("tsperf-resource-monitor") && t.isAlive()), "sampler thread ended");
    }

    @Test
    void gpuIsNotAvailableUntilTheGpuModuleProvidesMetrics() throws Exception {
        OshiSampler withoutGpu = new OshiSampler(Lookup.getDefault());
        GpuUsage none = withoutGpu.sample().gpu();
        assertFalse(none.available());
        assertEquals("GPU module not active", none.reason());

        MockServices.setServices(FixedGpu.class);
        GpuUsage gpu = new OshiSampler(Lookup.getDefault()).sample().gpu();
        assertTrue(gpu.available());
        assertEquals("Test GPU", gpu.deviceName());
        assertEquals(40, gpu.utilisationPercent());
    }

    @Test
    void onlyAWorkbenchSamplerStartsTheGpuForItsFigures() throws Exception {
        MockServices.setServices(IdleGpu.class);
        GpuUsage headless = new OshiSampler(Lookup.getDefault(), false).sample().gpu();
        assertFalse(headless.available());
        assertEquals("not started", headless.reason());
        assertEquals(0, IdleGpu.started.get(), "a headless sampler started the GPU");
        GpuUsage workbench = new OshiSampler(Lookup.getDefault(), true).sample().gpu();
        assertTrue(workbench.available());
        assertEquals(1, IdleGpu.started.get());
    }

    /** A GPU that nothing has started yet: {@link #sample()} starts it. */
    public static final class IdleGpu implements GpuMetrics {

        static final java.util.concurrent.atomic.AtomicInteger started = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public GpuUsage sample() {
            started.incrementAndGet();
            return GpuUsage.of("Idle GPU", 0, 4L << 30, 0);
        }

        @Override
        public GpuUsage sampleIfInUse() {
            return started.get() > 0 ? sample() : GpuUsage.notAvailable("not started");
        }
    }

    public static final class FixedGpu implements GpuMetrics {

        @Override
        public GpuUsage sample() {
            return GpuUsage.of("Test GPU", 1L << 30, 4L << 30, 40);
        }
    }
}
