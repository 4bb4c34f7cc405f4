package org.tsperf.api.gpu;

/** Devices, driver, limits and the chosen path. Provided through Lookup by the GPU module; any thread. */
public interface GpuInformation {

    /** Opens Vulkan if needed (may take a second the first time) and measures the path if not yet done. */
    GpuInfo info();
}
