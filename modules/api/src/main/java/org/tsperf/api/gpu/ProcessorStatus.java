package org.tsperf.api.gpu;

import java.util.Objects;

/**
 * Which path the video processor uses and why.
 *
 * @param path          the path frames take now
 * @param device        the Vulkan device in use or available, empty when there is none
 * @param reason        why this path, in words a user understands (e.g. "measured: CPU 9.1 ms, Vulkan 30.2 ms a
 *                      frame", "no Vulkan driver: ...", "forced by -Dtsperf.gpu.path=cpu")
 * @param vulkanMillis  measured milliseconds per calibration frame on Vulkan; NaN when not measured
 * @param cpuMillis     measured milliseconds per calibration frame on the CPU; NaN when not measured
 * @param decided       false until the first use has measured (or been told) the path
 */
public record ProcessorStatus(ProcessingPath path, String device, String reason, double vulkanMillis,
        double cpuMillis, boolean decided) {

    public ProcessorStatus {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(reason, "reason");
    }
}
