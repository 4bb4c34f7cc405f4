package org.tsperf.api.gpu;

/**
 * Live GPU figures. Provided through Lookup by the GPU module; the resource monitor reports
 * "not available" while no provider is installed. May be called from any thread; must not block for long.
 */
public interface GpuMetrics {

    /** The figures now; may start the GPU (in the background) to have them. */
    GpuUsage sample();

    /**
     * The figures if this application already uses the GPU, else "not available" without starting it: for samplers
     * that only need to know how busy the GPU is with this application's work (none, before it is started).
     */
    default GpuUsage sampleIfInUse() {
        return sample();
    }
}
