package org.tsperf.api.optimize;

import java.util.List;
import java.util.Objects;
import org.tsperf.api.proxy.CodecCheck;

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
 * @param codecChecks      every hardware encoder and decoder tried, working or not, with what the test found;
 *                         empty when nothing could try them (the Proxy Manager module absent)
 */
public record HardwareDescription(int cores, long ramBytes, List<GpuDescription> gpus, String gpuPath,
        double vulkanMillis, double cpuMillis, List<DiskDescription> disks, List<String> hardwareEncoders,
        List<String> hardwareDecoders, List<CodecCheck> codecChecks) {

    public HardwareDescription {
        if (cores < 1 || ramBytes <= 0) {
            throw new IllegalArgumentException("a machine has at least one core and some memory");
        }
        gpus = List.copyOf(gpus);
        Objects.requireNonNull(gpuPath, "gpuPath");
        disks = List.copyOf(disks);
        hardwareEncoders = List.copyOf(hardwareEncoders);
        hardwareDecoders = List.copyOf(hardwareDecoders);
        codecChecks = List.copyOf(codecChecks);
    }

    /** A machine whose hardware codecs were not tried (a profile described by hand). */
    public HardwareDescription(int cores, long ramBytes, List<GpuDescription> gpus, String gpuPath,
            double vulkanMillis, double cpuMillis, List<DiskDescription> disks, List<String> hardwareEncoders,
            List<String> hardwareDecoders) {
        this(cores, ramBytes, gpus, gpuPath, vulkanMillis, cpuMillis, disks, hardwareEncoders, hardwareDecoders,
                List.of());
    }

    /** The same machine with the GPU module's path and figures as a benchmark left them. */
    public HardwareDescription withGpuPath(String path, double vulkanMs, double cpuMs) {
        return new HardwareDescription(cores, ramBytes, gpus, path, vulkanMs, cpuMs, disks, hardwareEncoders,
                hardwareDecoders, codecChecks);
    }
}
