package org.tsperf.api.optimize;

import java.util.Objects;

/**
 * One Vulkan device.
 *
 * @param name        as the driver reports it
 * @param type        "discrete", "integrated", "virtual", "cpu" or "other"
 * @param memoryBytes its largest device-local heap
 */
public record GpuDescription(String name, String type, long memoryBytes) {

    public GpuDescription {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** A real GPU: discrete or integrated, not a CPU rasteriser such as llvmpipe. */
    public boolean hardware() {
        return type.equals("discrete") || type.equals("integrated");
    }
}
