package org.tsperf.api.optimize;

import java.util.List;
import java.util.Objects;

/**
 * The machine, measured.
 *
 * @param cores            logical processors
 * @param ramBytes         physical memory
 * @param gpus             the Vulkan devices
 * @param gpuPath          the path the GPU module chose: "vulkan", "cpu", or "" when the GPU module is absent
 * @param vulkanMillis     the GPU module's measured milliseconds per calibration frame on Vulkan, NaN if not measured
 * @param cpuMillis        the same on the CPU, NaN if not measured
 * @param disks            the local disks
 * @param hardwareEncoders hardware video encoders that encoded a test frame, e.g. "h264_vaapi"
 * @param hardwareDecoders hardware decoders that decoded a test frame, e.g. "vaapi"
 */
public record HardwareDescription(int cores, long ramBytes, List<GpuDescription> gpus, String gpuPath,
        double vulkanMillis, double cpuMillis, List<DiskDescription> disks, List<String> hardwareEncoders,
        List<String> hardwareDecoders) {

    public HardwareDescription {
        if (cores < 1 || ramBytes <= 0) {
            throw new IllegalArgumentException("a machine has at least one core and some memory");
        }
        gpus = List.copyOf(gpus);
        Objects.requireNonNull(gpuPath, "gpuPath");
        disks = List.copyOf(disks);
        hardwareEncoders = List.copyOf(hardwareEncoders);
        hardwareDecoders = List.copyOf(hardwareDecoders);
    }
}
