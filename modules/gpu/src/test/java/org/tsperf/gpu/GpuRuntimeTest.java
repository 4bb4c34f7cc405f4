package org.tsperf.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsperf.api.gpu.BenchmarkReport;
import org.tsperf.api.gpu.Frame;
import org.tsperf.api.gpu.FrameOperation;
import org.tsperf.api.gpu.FrameOperation.ConvertToRgba;
import org.tsperf.api.gpu.FrameOperation.GaussianBlur;
import org.tsperf.api.gpu.FrameOperation.Scale;
import org.tsperf.api.gpu.PixelFormat;
import org.tsperf.api.gpu.ProcessingPath;
import org.tsperf.api.gpu.ProcessorStatus;
import org.tsperf.gpu.vulkan.VulkanOptions;

class GpuRuntimeTest {

    @TempDir
    Path cache;

    private static final List<FrameOperation> CHAIN = List.of(
            new ConvertToRgba(FrameOperation.YuvMatrix.BT709, FrameOperation.YuvRange.LIMITED),
            new Scale(100, 60, FrameOperation.ScaleFilter.BILINEAR), new GaussianBlur(1.5));

    @Test
    void choosesThePathByMeasurementAtFirstUseAndKeepsIt() {
        try (GpuRuntime runtime = new GpuRuntime(VulkanOptions.fromSystemProperties().withCacheDirectory(cache), "auto")) {
            assertFalse(runtime.peekStatus().decided(), "nothing measured before the first use");
            ProcessorStatus s = runtime.status();
            assertTrue(s.decided());
            assertTrue(s.vulkanMillis() > 0 && s.cpuMillis() > 0, s.toString());
            boolean cpuDevice = "cpu".equals(runtime.vulkan().deviceType());
            double bound = cpuDevice ? s.cpuMillis() * PathChoice.CPU_DEVICE_MARGIN : s.cpuMillis();
            assertEquals(s.vulkanMillis() < bound ? ProcessingPath.VULKAN : ProcessingPath.CPU, s.path(), s.reason());
            assertTrue(s.reason().startsWith("measured"), s.reason());
            assertTrue(s.device().contains("llvmpipe") || !s.device().isEmpty(), s.device());
            // a Vulkan device that is a CPU shares the cores with decoding: compared by CPU time, not wall time
            assertEquals(cpuDevice, s.reason().contains("ms of CPU time"), s.reason());
            assertSame(s, runtime.status(), "kept, not measured again");
        }
    }

    @Test
    void aVulkanDeviceThatIsACpuIsTakenOnlyWhenItClearlyCostsLess() {
        assertEquals(ProcessingPath.VULKAN, PathChoice.faster(80, 85, false), "a GPU: the faster by wall time");
        assertEquals(ProcessingPath.CPU, PathChoice.faster(90, 85, false));
        assertEquals(ProcessingPath.CPU, PathChoice.faster(73.4, 85.4, true), "lavapipe 0.86x: not a clear win");
        assertEquals(ProcessingPath.VULKAN, PathChoice.faster(50, 85, true), "lavapipe 0.59x: taken");
    }

    /** A report of nine operations on this device, each with this Vulkan/CPU ratio. */
    private static BenchmarkReport report(String device, int width, int height, double... ratios) {
        List<BenchmarkReport.OperationResult> ops = new java.util.ArrayList<>();
        for (int i = 0; i < ratios.length; i++) {
            ops.add(new BenchmarkReport.OperationResult("op " + i, 10 * ratios[i], 10, 5, ratios[i]));
        }
        return new BenchmarkReport(device, width, height, 2, ops, 1, 1, new ProcessorStatus(ProcessingPath.CPU, device,
                "before", Double.NaN, Double.NaN, true));
    }

    @Test
    void anAutomaticPathFollowsTheNewestBenchmarkSoTheyAgree() {
        try (GpuRuntime runtime = new GpuRuntime(VulkanOptions.fromSystemProperties().withCacheDirectory(cache), "auto")) {
            ProcessorStatus measured = runtime.status();
            String device = measured.device();
            // the CPU 2-4x faster on 7 of 9 operations: frames go to the CPU, whatever the first-use measurement said
            ProcessorStatus s = runtime.followBenchmark(report(device, 3840, 2160, 0.3, 0.25, 0.5, 0.4, 0.3, 0.3, 0.5,
                    1.2, 1.1));
            assertEquals(ProcessingPath.CPU, s.path());
            assertEquals("GPU benchmark at 3840x2160: CPU faster on 7 of 9 operations (Vulkan/CPU 0.46x on average)",
                    s.reason());
            assertEquals(measured.cpuMillis(), s.cpuMillis(), "the first-use measurement stays in the figures");
            assertSame(s, runtime.status());
            s = runtime.followBenchmark(report(device, 1920, 1080, 3, 2, 4, 1.5, 0.9));
            assertEquals(ProcessingPath.VULKAN, s.path());
            assertTrue(s.reason().startsWith("GPU benchmark at 1920x1080: Vulkan faster on 4 of 5"), s.reason());
            ProcessorStatus before = runtime.status();
            assertSame(before, runtime.followBenchmark(report(device, 320, 180, 0.1)), "too small a frame to decide");
            assertSame(before, runtime.followBenchmark(report("another device", 1920, 1080, 0.1)), "another device");
        }
    }

    @Test
    void aPathTheUserChoseStaysWhateverTheBenchmarkSays() {
        try (GpuRuntime runtime = new GpuRuntime(VulkanOptions.fromSystemProperties().withCacheDirectory(cache), "auto",
                DeviceChoice.CPU)) {
            ProcessorStatus chosen = runtime.status();
            assertEquals(ProcessingPath.CPU, chosen.path());
            String device = runtime.vulkan().deviceName();
            assertSame(chosen, runtime.followBenchmark(report(device, 1920, 1080, 5, 5, 5)));
        }
        try (GpuRuntime runtime = new GpuRuntime(VulkanOptions.fromSystemProperties().withCacheDirectory(cache), "vulkan")) {
            ProcessorStatus forced = runtime.status();
            assertSame(forced, runtime.followBenchmark(report(forced.device(), 1920, 1080, 0.2, 0.2)));
        }
    }

    @Test
    void aRuntimeThatHasNotDecidedYetDecidesByTheBenchmark() {
        try (GpuRuntime runtime = new GpuRuntime(VulkanOptions.fromSystemProperties().withCacheDirectory(cache), "auto")) {
            String device = runtime.vulkan().deviceName();
            assertFalse(runtime.followBenchmark(report(device, 1920, 1080, 0.5, 0.5)).decided());
            ProcessorStatus s = runtime.status();
            assertEquals(ProcessingPath.CPU, s.path());
            assertTrue(s.reason().startsWith("GPU benchmark at 1920x1080: CPU faster on 2 of 2"), s.reason());
            assertTrue(Double.isNaN(s.vulkanMillis()), "nothing measured at first use");
        }
    }

    @Test
    void fallsBackToTheCpuWithAClearLogLineWhenVulkanIsMissing() {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(GpuRuntime.class.getName());
        log.addHandler(h);
        VulkanOptions noVulkan = new VulkanOptions(false, "", false, cache);
        try (GpuRuntime runtime = new GpuRuntime(noVulkan, "auto")) {
            ProcessorStatus s = runtime.status();
            assertEquals(ProcessingPath.CPU, s.path());
            assertTrue(s.reason().startsWith("CPU fallback") && s.reason().contains("disabled"), s.reason());
            assertTrue(records.stream().anyMatch(r -> r.getLevel() == Level.WARNING
                    && r.getMessage().contains("Vulkan unavailable")), "a warning says why");
            Frame in = TestFrames.frame(160, 90, PixelFormat.I420, 3);
            ByteBuffer a = ByteBuffer.allocateDirect(100 * 60 * 4), b = ByteBuffer.allocateDirect(100 * 60 * 4);
            Frame out = runtime.process(in, CHAIN, a);
            try (var reference = new org.tsperf.gpu.cpu.CpuFrameProcessor(1)) {
                TestFrames.assertClose(reference.process(in, CHAIN, b), out, 0, "fallback output");
            }
        } finally {
            log.removeHandler(h);
        }
    }

    @Test
    void forcedVulkanPathProcessesOnTheDevice() {
        try (GpuRuntime runtime = new GpuRuntime(VulkanOptions.fromSystemProperties().withCacheDirectory(cache),
                "vulkan")) {
            assertEquals(ProcessingPath.VULKAN, runtime.status().path());
            Frame in = TestFrames.frame(160, 90, PixelFormat.I420, 4);
            Frame gpu = runtime.process(in, CHAIN, ByteBuffer.allocateDirect(100 * 60 * 4));
            Frame cpu = runtime.processOn(in, CHAIN, ByteBuffer.allocateDirect(100 * 60 * 4), ProcessingPath.CPU);
            TestFrames.assertClose(cpu, gpu, 1, "forced Vulkan");
            assertTrue(runtime.contextCount() >= 1);
            assertTrue(runtime.vulkan().busyNanos() > 0, "queue busy time is counted");
        }
    }
}
