package org.tsperf.api.gpu;

import java.util.List;

/**
 * The Vulkan devices of this machine and what the processor does with them.
 *
 * @param vulkanAvailable whether a Vulkan instance could be created
 * @param problem         when Vulkan is unavailable: why, and what to install; empty otherwise
 * @param devices         every device the driver lists
 * @param status          the processor's path and why
 * @param pipelineCache   the pipeline cache file and its state, e.g. "/home/u/.cache/tsperf/... (loaded 12 KB)"
 */
public record GpuInfo(boolean vulkanAvailable, String problem, List<GpuDeviceInfo> devices, ProcessorStatus status,
        String pipelineCache) {

    public GpuInfo {
        devices = List.copyOf(devices);
    }
}
