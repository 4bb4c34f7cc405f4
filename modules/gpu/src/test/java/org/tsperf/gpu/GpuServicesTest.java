package org.tsperf.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openide.util.Lookup;
import org.tsperf.api.gpu.BenchmarkReport;
import org.tsperf.api.gpu.GpuBenchmark;
import org.tsperf.api.gpu.GpuInfo;
import org.tsperf.api.gpu.GpuInformation;
import org.tsperf.api.gpu.GpuMetrics;
import org.tsperf.api.gpu.GpuScheduler;
import org.tsperf.api.gpu.GpuUsage;
import org.tsperf.api.gpu.VideoProcessor;

/** The module's services as other modules find them: through Lookup. */
class GpuServicesTest {

    @AfterAll
    static void release() {
        GpuLifecycle.release();
        GpuRuntimes.get().reopenForTests(); // later test classes of this JVM use the runtime again
    }

    @Test
    void registersEveryServiceInLookup() {
        assertInstanceOf(AdaptiveVideoProcessor.class, Lookup.getDefault().lookup(VideoProcessor.class));
        assertInstanceOf(PriorityGpuScheduler.class, Lookup.getDefault().lookup(GpuScheduler.class));
        assertInstanceOf(VulkanGpuMetrics.class, Lookup.getDefault().lookup(GpuMetrics.class));
        assertInstanceOf(FrameBenchmark.class, Lookup.getDefault().lookup(GpuBenchmark.class));
        assertInstanceOf(GpuInformationService.class, Lookup.getDefault().lookup(GpuInformation.class));
    }

    @Test
    void metricsReportTheVulkanDeviceWithoutBlockingTheFirstCall() throws Exception {
        GpuMetrics metrics = Lookup.getDefault().lookup(GpuMetrics.class);
        GpuUsage usage = metrics.sample();
        long deadline = System.currentTimeMillis() + 20_000;
        while (!usage.available() && usage.reason().startsWith("starting") && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            usage = metrics.sample();
        }
        assertTrue(usage.available(), usage.reason());
        assertFalse(usage.deviceName().isBlank());
        assertTrue(usage.memoryBudgetBytes() > 0, usage.toString());
    }

    @Test
    void infoListsDevicesAndTheChosenOne() {
        GpuInfo info = Lookup.getDefault().lookup(GpuInformation.class).info();
        assertTrue(info.vulkanAvailable(), info.problem());
        assertEquals(1, info.devices().stream().filter(d -> d.chosen()).count());
        assertTrue(info.devices().get(0).maxComputeWorkGroupInvocations() >= 128);
        assertTrue(info.status().decided());
        assertTrue(info.pipelineCache().contains("pipelines-"), info.pipelineCache());
    }

    @Test
    void benchmarkMeasuresEveryOperationOnBothPaths() throws Exception {
        BenchmarkReport r = Lookup.getDefault().lookup(GpuBenchmark.class)
                .measure(128, 72, Duration.ofMillis(20)).get(120, TimeUnit.SECONDS);
        assertEquals(FrameBenchmark.operations(128, 72).size(), r.operations().size());
        for (var o : r.operations()) {
            assertTrue(o.vulkanFps() > 0 && o.cpuFps() > 0 && o.cpuSingleThreadFps() > 0, o.toString());
            assertEquals(o.vulkanFps() / o.cpuFps(), o.ratio(), 1e-9);
        }
        assertTrue(r.uploadMillis() >= 0 && r.readbackMillis() >= 0);
        assertNotNull(FrameBenchmark.summary(r));
    }

    @Test
    void benchmarkStopsWhenCancelled() throws Exception {
        var future = Lookup.getDefault().lookup(GpuBenchmark.class).measure(640, 360, Duration.ofSeconds(30));
        // the benchmark must really be running before the cancel, or its thread's absence proves nothing
        assertTrue(waitFor(() -> benchmarkThreadAlive(), 20_000), "the benchmark thread never started");
        assertTrue(future.cancel(true));
        // the worker notices at its next frame; nothing to wait on but the thread ending
        assertTrue(waitFor(() -> !benchmarkThreadAlive(), 20_000), "the benchmark thread ended after cancel");
        assertTrue(future.isCancelled());
    }

    private static boolean benchmarkThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("tsperf-gpu-benchmark"));
    }

    private static boolean waitFor(java.util.function.BooleanSupplier condition, long millis)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }
}
