package org.tsperf.api.gpu;

import java.util.List;

/**
 * Results of one GPU benchmark run: every operation on the Vulkan device and on the CPU reference, measured in the
 * same run.
 *
 * @param device              the Vulkan device, or empty when Vulkan is unavailable
 * @param width               frame width measured
 * @param height              frame height measured
 * @param cpuThreads          threads of the multi-threaded CPU reference
 * @param operations          per operation
 * @param uploadMillis        one frame's upload (host to device buffer) on Vulkan; NaN without Vulkan
 * @param readbackMillis      one frame's readback (device buffer to host); NaN without Vulkan
 * @param status              the processor's chosen path at the end of the run
 */
public record BenchmarkReport(String device, int width, int height, int cpuThreads, List<OperationResult> operations,
        double uploadMillis, double readbackMillis, ProcessorStatus status) {

    public BenchmarkReport {
        operations = List.copyOf(operations);
    }

    /**
     * One operation. Frames per second are NaN when that path was not measured.
     *
     * @param ratio vulkanFps / cpuFps (above 1: Vulkan is faster)
     */
    public record OperationResult(String operation, double vulkanFps, double cpuFps, double cpuSingleThreadFps,
            double ratio) {
    }
}
