package org.tsperf.monitor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tsperf.api.monitor.DiskUsage;
import org.tsperf.api.util.ByteSizes;
import org.tsperf.api.monitor.ResourceSnapshot;

/**
 * Turns a snapshot into the warnings a user should see. CPU load is averaged over a few samples so that a
 * single busy second does not make the warning flicker.
 */
final class ResourceWarnings {

    static final double MEMORY_HIGH_PERCENT = 85;
    static final double HEAP_HIGH_PERCENT = 90;
    static final double CPU_HIGH_PERCENT = 90;
    static final int CPU_WINDOW = 5;
    static final double DISK_FULL_PERCENT = 90;
    static final long DISK_LOW_FREE_BYTES = 10L << 30;
    static final double GPU_MEMORY_HIGH_PERCENT = 90;

    private final ArrayDeque<Double> recentCpu = new ArrayDeque<>();

    List<String> evaluate(ResourceSnapshot s) {
        List<String> out = new ArrayList<>();
        if (s.memory().physicalPercent() >= MEMORY_HIGH_PERCENT) {
            out.add(String.format(Locale.ROOT, "Memory usage high: %.0f %% of %s (consider adding RAM)",
                    s.memory().physicalPercent(), bytes(s.memory().physicalTotal())));
        }
        if (s.memory().heapPercent() >= HEAP_HIGH_PERCENT) {
            out.add(String.format(Locale.ROOT, "Java heap nearly full: %.0f %% of %s (close unused windows or choose"
                    + " a larger memory profile)", s.memory().heapPercent(), bytes(s.memory().heapMax())));
        }
        recentCpu.addLast(s.cpu().systemPercent());
        while (recentCpu.size() > CPU_WINDOW) {
            recentCpu.removeFirst();
        }
        double cpuAverage = recentCpu.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        if (recentCpu.size() == CPU_WINDOW && cpuAverage >= CPU_HIGH_PERCENT) {
            out.add(String.format(Locale.ROOT, "CPU load high: %.0f %% for %d s (expect dropped frames; use proxies"
                    + " or pause background work)", cpuAverage, CPU_WINDOW));
        }
        for (DiskUsage d : s.disks()) {
            long free = d.availableBytes();
            if (d.usedPercent() >= DISK_FULL_PERCENT && free < DISK_LOW_FREE_BYTES) {
                out.add(String.format(Locale.ROOT, "Disk %s almost full: %s free (free space for proxies and cache)",
                        d.mount(), bytes(free)));
            }
        }
        if (s.gpu().available() && s.gpu().memoryPercent() >= GPU_MEMORY_HIGH_PERCENT) {
            out.add(String.format(Locale.ROOT, "GPU memory nearly full: %.0f %% of %s on %s",
                    s.gpu().memoryPercent(), bytes(s.gpu().memoryBudgetBytes()), s.gpu().deviceName()));
        }
        return out;
    }

    static String bytes(long n) {
        return ByteSizes.format(n);
    }
}
