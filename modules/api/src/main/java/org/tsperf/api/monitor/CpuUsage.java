package org.tsperf.api.monitor;

/**
 * Processor load over the last sampling interval.
 *
 * @param systemPercent     load of the whole machine, 0 to 100
 * @param processPercent    load caused by this process, as a share of the whole machine, 0 to 100
 * @param logicalProcessors number of logical processors
 */
public record CpuUsage(double systemPercent, double processPercent, int logicalProcessors) {

    public CpuUsage {
        systemPercent = Percent.clamp(systemPercent);
        processPercent = Percent.clamp(processPercent);
        if (logicalProcessors < 1) {
            throw new IllegalArgumentException("logicalProcessors must be at least 1: " + logicalProcessors);
        }
    }
}
