package org.tsperf.api.gpu;

/**
 * Live GPU figures. Provided through Lookup by the GPU module; the resource monitor reports
 * "not available" while no provider is installed. May be called from any thread; must not block for long.
 */
public interface GpuMetrics {

    GpuUsage sample();
}
