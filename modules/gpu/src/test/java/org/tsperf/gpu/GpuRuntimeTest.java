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
            assertEquals(s.vulkanMillis() < s.cpuMillis() ? ProcessingPath.VULKAN : ProcessingPath.CPU, s.path());
            assertTrue(s.reason().startsWith("measured"), s.reason());
            assertTrue(s.device().contains("llvmpipe") || !s.device().isEmpty(), s.device());
            assertSame(s, runtime.status(), "kept, not measured again");
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
