package org.tsperf.api.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tsperf.api.cache.CacheStatistics;
import org.tsperf.api.gpu.GpuUsage;

class ResourceRecordsTest {

    @Test
    void cpuPercentagesAreClampedAndNaNMeansZero() {
        CpuUsage cpu = new CpuUsage(130, Double.NaN, 4);
        assertEquals(100, cpu.systemPercent());
        assertEquals(0, cpu.processPercent());
        assertThrows(IllegalArgumentException.class, () -> new CpuUsage(10, 1, 0));
    }

    @Test
    void memoryRejectsMoreUsedThanInstalled() {
        assertThrows(IllegalArgumentException.class, () -> new MemoryUsage(100, 101, 0, 0, 0));
        MemoryUsage m = new MemoryUsage(8L << 30, 6L << 30, 1L << 30, 256L << 20, 1L << 30);
        assertEquals(75, m.physicalPercent(), 1e-9);
        assertEquals(25, m.heapPercent(), 1e-9);
    }

    @Test
    void diskWithUnknownThroughputSaysSo() {
        DiskUsage d = new DiskUsage("/dev/sda1", "/", "ext4", 1000, 250, Double.NaN, Double.NaN);
        assertFalse(d.throughputKnown());
        assertEquals(25, d.usedPercent(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> new DiskUsage("x", "/", "ext4", 10, 11, 0, 0));
    }

    @Test
    void diskPercentIsDfsUsedOverUsedPlusAvailable() {
        // df on a 270 GB store: 27 GB used, 82 GB available (the rest reserved or held elsewhere): 25 %, not 70 %
        DiskUsage d = new DiskUsage("/dev/vda", "/", "ext4", 270_553_174_016L, 27_027_468_288L, 0, 0,
                81_916_825_600L);
        assertEquals(24.8, d.usedPercent(), 0.1);
        assertThrows(IllegalArgumentException.class, () -> new DiskUsage("x", "/", "ext4", 10, 5, 0, 0, 6));
        assertEquals(100, new DiskUsage("x", "/", "ext4", 100, 95, 0, 0, 0).usedPercent(), 1e-9, "nothing left to write");
    }

    @Test
    void snapshotListsAreImmutableCopies() {
        List<String> warnings = new ArrayList<>(List.of("a"));
        ResourceSnapshot s = new ResourceSnapshot(Instant.EPOCH, new CpuUsage(1, 1, 1), new MemoryUsage(1, 1, 0, 0, 1),
                GpuUsage.notAvailable("none"), List.of(), warnings);
        warnings.add("b");
        assertEquals(List.of("a"), s.warnings());
        assertThrows(UnsupportedOperationException.class, () -> s.warnings().add("c"));
    }

    @Test
    void gpuNotAvailableCarriesItsReasonAndNoFigures() {
        GpuUsage g = GpuUsage.notAvailable("GPU module not installed");
        assertFalse(g.available());
        assertEquals(0, g.memoryPercent());
        assertTrue(GpuUsage.of("llvmpipe", 50, 200, 10).memoryPercent() == 25);
        assertThrows(IllegalArgumentException.class, () -> GpuUsage.of("x", 1, 1, 101));
    }

    @Test
    void cacheHitRateIsZeroBeforeTheFirstRequest() {
        assertEquals(0, new CacheStatistics(0, 0).hitRate());
        assertEquals(0.75, new CacheStatistics(3, 1).hitRate(), 1e-9);
    }
}
