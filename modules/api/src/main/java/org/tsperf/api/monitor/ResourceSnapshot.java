package org.tsperf.api.monitor;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.tsperf.api.gpu.GpuUsage;

/**
 * One sample of the machine and this process.
 *
 * @param time     when the sample was taken
 * @param cpu      processor load
 * @param memory   physical memory, this process's resident set and JVM heap
 * @param gpu      GPU figures from the GPU module, or "not available" with the reason
 * @param disks    one entry per local file store
 * @param warnings user-facing warnings raised by thresholds on this sample, e.g. "Memory usage high (consider adding RAM)"
 */
public record ResourceSnapshot(Instant time, CpuUsage cpu, MemoryUsage memory, GpuUsage gpu, List<DiskUsage> disks,
        List<String> warnings) {

    public ResourceSnapshot {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(cpu, "cpu");
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(gpu, "gpu");
        disks = List.copyOf(disks);
        warnings = List.copyOf(warnings);
    }
}
