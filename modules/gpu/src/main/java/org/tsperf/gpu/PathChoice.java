package org.tsperf.gpu;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tsperf.api.gpu.BenchmarkReport;
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
 * {@code -Dtsperf.gpu.path=vulkan|cpu}, the CPU when Vulkan is missing, else (automatic) the faster of the two: by the
 * newest GPU benchmark of this device when there is one, else measured on a short viewer-like chain (convert, scale,
 * colour) of a 720p frame. A benchmark that ends later decides again ({@link GpuRuntime#followBenchmark}), so the
 * choice never contradicts the benchmark the user sees.
 */
final class PathChoice {

    private static final Logger LOG = Logger.getLogger(PathChoice.class.getName());

    private PathChoice() {
    }

    /**
     * @param forcedPath  {@code auto}, {@code vulkan} or {@code cpu} (lower case)
     * @param userChoice  a {@link DeviceChoice} value
     */
    static ProcessorStatus decide(GpuRuntime runtime, String forcedPath, String userChoice, BenchmarkReport benchmark) {
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
        if (decides(benchmark, vk.deviceName())) {
            return fromBenchmark(benchmark, null);
        }
        return measure(runtime, vk);
    }

    /** Whether the path is the automatic one (measured or benchmarked), which a new benchmark may change. */
    static boolean automatic(GpuRuntime runtime, String forcedPath, String userChoice) {
        VulkanDevice vk = runtime.vulkan();
        if (vk == null || !forcedPath.equals("auto") || userChoice.equals(DeviceChoice.CPU)) {
            return false;
        }
        return userChoice.equals(DeviceChoice.AUTOMATIC)
                || !vk.deviceName().toLowerCase(Locale.ROOT).contains(userChoice.toLowerCase(Locale.ROOT));
    }

    /** The smallest frame a benchmark must have measured to decide the path: the calibration frame's. */
    static final int DECIDING_PIXELS = 1280 * 720;

    /** Whether this benchmark measured this device on both paths at a size that may decide the path. */
    static boolean decides(BenchmarkReport r, String device) {
        return r != null && r.device().equals(device) && r.measuredOnBoth() > 0
                && (long) r.width() * r.height() >= DECIDING_PIXELS;
    }

    /**
     * The path a benchmark found faster (on more of its operations), with the figures in the reason;
     * the first-use measurement, when there was one, stays in the status.
     */
    static ProcessorStatus fromBenchmark(BenchmarkReport r, ProcessorStatus measured) {
        ProcessingPath faster = r.fasterPath();
        int onCpu = r.fasterOnCpu();
        int both = r.measuredOnBoth();
        String reason = String.format(Locale.ROOT, "GPU benchmark at %dx%d: %s faster on %d of %d operations"
                + " (Vulkan/CPU %.2fx on average)", r.width(), r.height(), faster == ProcessingPath.CPU ? "CPU" : "Vulkan",
                faster == ProcessingPath.CPU ? onCpu : both - onCpu, both, r.meanRatio());
        double vkMs = measured == null ? Double.NaN : measured.vulkanMillis();
        double cpuMs = measured == null ? Double.NaN : measured.cpuMillis();
        return new ProcessorStatus(faster, r.device(), reason, vkMs, cpuMs, true);
    }

    private static ProcessorStatus decided(ProcessingPath path, String device, String reason) {
        return new ProcessorStatus(path, device, reason, Double.NaN, Double.NaN, true);
    }

    /** Runs before the chain is timed on each path: pipelines, buffers, and the CPU path's code compiled. */
    private static final int WARM_UPS = 4;
    private static final int TIMED = 3;

    /**
     * Times the calibration chain on both paths. A Vulkan device that is itself a CPU (lavapipe) runs on the cores
     * that also decode: there the paths are compared by the CPU time they take (all the process's threads, the
     * driver's included), not by wall time, which favours whichever spreads over more threads and loses at
     * playback, where the cores are busy (a 4K play on 2 cores took 10 % more CPU on lavapipe than on the CPU path).
     */
    private static ProcessorStatus measure(GpuRuntime runtime, VulkanDevice vk) {
        Frame sample = calibrationFrame();
        List<FrameOperation> chain = List.of(new ConvertToRgba(YuvMatrix.BT709, YuvRange.LIMITED),
                new Scale(960, 540, ScaleFilter.BICUBIC), new ColourAdjust(0.02, 1.05, 1.1, 1.0));
        ByteBuffer target = ByteBuffer.allocateDirect(960 * 540 * 4);
        boolean cpuDevice = "cpu".equals(vk.deviceType()) && ProcessCpu.available();
        double vkMs;
        try {
            vkMs = millisPerFrame(runtime, sample, chain, target, ProcessingPath.VULKAN, cpuDevice);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Vulkan failed during the first measurement; using the CPU", e);
            return decided(ProcessingPath.CPU, vk.deviceName(), "CPU fallback: Vulkan failed: " + e.getMessage());
        }
        double cpuMs = millisPerFrame(runtime, sample, chain, target, ProcessingPath.CPU, cpuDevice);
        ProcessingPath faster = faster(vkMs, cpuMs, cpuDevice);
        String reason = String.format(Locale.ROOT, "measured at first use: Vulkan %.1f ms, CPU (%d threads) %.1f ms%s a"
                + " 720p convert+scale+colour frame", vkMs, runtime.cpu().threads(), cpuMs,
                cpuDevice ? " of CPU time (the Vulkan device is a CPU)" : "");
        return new ProcessorStatus(faster, vk.deviceName(), reason, vkMs, cpuMs, true);
    }

    /**
     * How much less CPU time a Vulkan device that is itself a CPU must take on the calibration chain to be chosen.
     * The chain (convert, scale, colour at 720p) is the render's kind of work; at playback the chain is a conversion
     * at the view's size, where such a device cost more: a 4K 60p play took 2.5-4 s more CPU on lavapipe than on the
     * CPU path (27.3-28.3 s against 30.1-32.9 s, docs/benchmarks.md), while the calibration found lavapipe 0.86x
     * to 1.09x the CPU path's CPU time. Only a clear win outweighs that.
     */
    static final double CPU_DEVICE_MARGIN = 0.75;

    /** The path to take from the calibration's figures: the faster, and a CPU-type Vulkan device only by a margin. */
    static ProcessingPath faster(double vulkanMs, double cpuMs, boolean vulkanDeviceIsCpu) {
        double bound = vulkanDeviceIsCpu ? cpuMs * CPU_DEVICE_MARGIN : cpuMs;
        return vulkanMs < bound ? ProcessingPath.VULKAN : ProcessingPath.CPU;
    }

    /** Best of {@link #TIMED} runs after {@link #WARM_UPS}: wall time, or the process's CPU time when {@code cpu}. */
    private static double millisPerFrame(GpuRuntime runtime, Frame in, List<FrameOperation> chain, ByteBuffer target,
            ProcessingPath path, boolean cpu) {
        for (int i = 0; i < WARM_UPS; i++) {
            runtime.processOnNow(in, chain, target, path);
        }
        double best = Double.MAX_VALUE;
        for (int i = 0; i < TIMED; i++) {
            long t0 = cpu ? ProcessCpu.nanos() : System.nanoTime();
            runtime.processOnNow(in, chain, target, path);
            best = Math.min(best, ((cpu ? ProcessCpu.nanos() : System.nanoTime()) - t0) / 1e6);
        }
        return best;
    }

    static Frame calibrationFrame() {
        return TestPattern.frame(1280, 720, PixelFormat.I420, 7);
    }
}
