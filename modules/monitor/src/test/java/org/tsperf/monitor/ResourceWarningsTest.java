package org.tsperf.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tsperf.api.gpu.GpuUsage;
import org.tsperf.api.monitor.CpuUsage;
import org.tsperf.api.monitor.DiskUsage;
import org.tsperf.api.monitor.MemoryUsage;
import org.tsperf.api.monitor.ResourceSnapshot;

class ResourceWarningsTest {

    private static final long GB = 1L << 30;

    private static ResourceSnapshot snapshot(double cpu, long ramUsed, List<DiskUsage> disks) {
        return new ResourceSnapshot(Instant.now(), new CpuUsage(cpu, 1, 2),
                new MemoryUsage(8 * GB, ramUsed, GB, GB / 4, GB), GpuUsage.notAvailable("none"), disks, List.of());
    }

    @Test
    void highMemoryAsksForMoreRam() {
        List<String> w = new ResourceWarnings().evaluate(snapshot(10, 7 * GB, List.of()));
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).startsWith("Memory usage high") && w.get(0).contains("consider adding RAM"), w.get(0));
        assertTrue(new ResourceWarnings().evaluate(snapshot(10, 4 * GB, List.of())).isEmpty());
    }

    @Test
    void cpuWarningNeedsSustainedLoad() {
        ResourceWarnings warnings = new ResourceWarnings();
        for (int i = 1; i < ResourceWarnings.CPU_WINDOW; i++) {
            assertTrue(warnings.evaluate(snapshot(99, GB, List.of())).isEmpty(), "one busy second is no warning");
        }
        assertTrue(warnings.evaluate(snapshot(99, GB, List.of())).get(0).startsWith("CPU load high"));
        for (int i = 0; i < ResourceWarnings.CPU_WINDOW; i++) {
            warnings.evaluate(snapshot(5, GB, List.of()));
        }
        assertTrue(warnings.evaluate(snapshot(5, GB, List.of())).isEmpty(), "the warning clears");
    }

    @Test
    void almostFullDiskIsNamed() {
        DiskUsage full = new DiskUsage("/dev/sdb1", "/media/footage", "ext4", 100 * GB, 97 * GB, 0, 0);
        DiskUsage roomy = new DiskUsage("/dev/sda1", "/", "ext4", 100 * GB, 20 * GB, 0, 0);
        List<String> w = new ResourceWarnings().evaluate(snapshot(5, GB, List.of(full, roomy)));
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).contains("/media/footage") && w.get(0).contains("3.00 GiB free"), w.get(0));
    }
}
