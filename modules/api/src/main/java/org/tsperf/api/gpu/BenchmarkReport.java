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

    /** The same results with the processor's path as it is now (after the run was taken into account). */
    public BenchmarkReport withStatus(ProcessorStatus newStatus) {
        return new BenchmarkReport(device, width, height, cpuThreads, operations, uploadMillis, readbackMillis,
                newStatus);
    }

    /** Operations measured on both paths. */
    public int measuredOnBoth() {
        return (int) operations.stream().filter(o -> o.ratio() > 0 && Double.isFinite(o.ratio())).count();
    }

    /** Operations that ran faster on the CPU reference than on Vulkan. */
    public int fasterOnCpu() {
        return (int) operations.stream().filter(o -> o.ratio() > 0 && Double.isFinite(o.ratio()) && o.ratio() < 1)
                .count();
    }

    /** The geometric mean of the Vulkan/CPU ratios (above 1: Vulkan faster); NaN when Vulkan was not measured. */
    public double meanRatio() {
        double logSum = 0;
        int n = 0;
        for (OperationResult o : operations) {
            if (o.ratio() > 0 && Double.isFinite(o.ratio())) {
                logSum += Math.log(o.ratio());
                n++;
            }
        }
        return n == 0 ? Double.NaN : Math.exp(logSum / n);
    }

    /**
     * The path this run found faster: the one faster on more of the operations measured on both (what the window
     * says: "CPU faster on 7 of 9 operations"); on a tie, Vulkan when the geometric mean of the Vulkan/CPU ratios is
     * above 1. The CPU when Vulkan was not measured.
     */
    public ProcessingPath fasterPath() {
        int both = measuredOnBoth();
        int onCpu = fasterOnCpu();
        if (both == 0) {
            return ProcessingPath.CPU;
        }
        if (2 * onCpu != both) {
            return 2 * onCpu > both ? ProcessingPath.CPU : ProcessingPath.VULKAN;
        }
        return meanRatio() > 1 ? ProcessingPath.VULKAN : ProcessingPath.CPU;
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
