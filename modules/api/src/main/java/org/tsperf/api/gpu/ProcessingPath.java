package org.tsperf.api.gpu;

/** Where frame operations run. */
public enum ProcessingPath {
    /** Vulkan compute shaders on the chosen device. */
    VULKAN,
    /** The multi-threaded CPU reference implementation. */
    CPU
}
