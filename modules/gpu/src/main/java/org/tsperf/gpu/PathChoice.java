package org.tsperf.gpu;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tsperf.api.gpu.Frame;
import org.tsperf.api.gpu.FrameOperation;
import org.tsperf.api.gpu.FrameOperation.ColourAdjust;
import org.tsperf.api.gpu.FrameOperation.ConvertToRgba;
import org.tsperf.api.gpu.FrameOperation.Scale;
import org.tsperf.api.gpu.FrameOperation.ScaleFilter;
import org.tsperf.api.gpu.FrameOperation.YuvMatrix;
import org.tsperf.api.gpu.FrameOperation.YuvRange;
import org.tsperf.api.gpu.PixelFormat;
import org.tsperf.api.gpu.ProcessingPath;
import org.tsperf.api.gpu.ProcessorStatus;
import org.tsperf.gpu.vulkan.VulkanDevice;

/**
 * Which path frame operations take, decided once per runtime: the user's choice in the GPU Scheduler window,
 * {@code -Dtsperf.gpu.path=vulkan|cpu}, the CPU when Vulkan is missing, else the faster of the two measured on a
 * short viewer-like chain (convert, scale, colour) of a 720p frame.
 */
final class PathChoice {

    private static final Logger LOG = Logger.getLogger(PathChoice.class.getName());

    private PathChoice() {
    }

    /**
     * @param forcedPath  {@code auto}, {@code vulkan} or {@code cpu} (lower case)
     * @param userChoice  a {@link DeviceChoice} value
     */
    static ProcessorStatus decide(GpuRuntime runtime, String forcedPath, String userChoice) {
        VulkanDevice vk = runtime.vulkan();
        if (forcedPath.equals("auto") && userChoice.equals(DeviceChoice.CPU)) {
            return decided(ProcessingPath.CPU, "", "CPU reference chosen by the user in the GPU Scheduler window");
        }
        if (vk == null) {
            return decided(ProcessingPath.CPU, "", "CPU fallback: " + runtime.vulkanProblem());
        }
        if (forcedPath.equals("cpu")) {
            return decided(ProcessingPath.CPU, vk.deviceName(), "forced by -Dtsperf.gpu.path=cpu");
        }
        if (forcedPath.equals("vulkan")) {
            return decided(ProcessingPath.VULKAN, vk.deviceName(), "forced by -Dtsperf.gpu.path=vulkan");
        }
        if (forcedPath.equals("auto") && !userChoice.equals(DeviceChoice.AUTOMATIC)) {
            if (vk.deviceName().toLowerCase(Locale.ROOT).contains(userChoice.toLowerCase(Locale.ROOT))) {
                return decided(ProcessingPath.VULKAN, vk.deviceName(), "Vulkan device chosen by the user in the GPU"
                        + " Scheduler window");
            }
            LOG.warning("the Vulkan device chosen in the GPU Scheduler window (" + userChoice + ") is not present;"
                    + " measuring as if automatic");
        }
        return measure(runtime, vk);
    }

    private static ProcessorStatus decided(ProcessingPath path, String device, String reason) {
        return new ProcessorStatus(path, device, reason, Double.NaN, Double.NaN, true);
    }

    private static ProcessorStatus measure(GpuRuntime runtime, VulkanDevice vk) {
        Frame sample = calibrationFrame();
        List<FrameOperation> chain = List.of(new ConvertToRgba(YuvMatrix.BT709, YuvRange.LIMITED),
                new Scale(960, 540, ScaleFilter.BICUBIC), new ColourAdjust(0.02, 1.05, 1.1, 1.0));
        ByteBuffer target = ByteBuffer.allocateDirect(960 * 540 * 4);
        double vkMs;
        try {
            vkMs = millisPerFrame(runtime, sample, chain, target, ProcessingPath.VULKAN);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Vulkan failed during the first measurement; using the CPU", e);
            return decided(ProcessingPath.CPU, vk.deviceName(), "CPU fallback: Vulkan failed: " + e.getMessage());
        }
        double cpuMs = millisPerFrame(runtime, sample, chain, target, ProcessingPath.CPU);
        ProcessingPath faster = vkMs < cpuMs ? ProcessingPath.VULKAN : ProcessingPath.CPU;
        String reason = String.format(Locale.ROOT, "measured at first use: Vulkan %.1f ms, CPU (%d threads) %.1f ms a"
                + " 720p convert+scale+colour frame", vkMs, runtime.cpu().threads(), cpuMs);
        return new ProcessorStatus(faster, vk.deviceName(), reason, vkMs, cpuMs, true);
    }

    private static double millisPerFrame(GpuRuntime runtime, Frame in, List<FrameOperation> chain, ByteBuffer target,
            ProcessingPath path) {
        runtime.processOnNow(in, chain, target, path); // warm-up: pipelines, buffers, JIT
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            runtime.processOnNow(in, chain, target, path);
            best = Math.min(best, (System.nanoTime() - t0) / 1e6);
        }
        return best;
    }

    static Frame calibrationFrame() {
        return TestPattern.frame(1280, 720, PixelFormat.I420, 7);
    }
}
