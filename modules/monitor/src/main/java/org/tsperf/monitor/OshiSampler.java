package org.tsperf.monitor;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openide.util.Lookup;
import org.tsperf.api.gpu.GpuMetrics;
import org.tsperf.api.gpu.GpuUsage;
import org.tsperf.api.monitor.CpuUsage;
import org.tsperf.api.monitor.DiskUsage;
import org.tsperf.api.monitor.ResourceSnapshot;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.hardware.HWDiskStore;
import oshi.hardware.HWPartition;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.software.os.OSFileStore;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * Reads one {@link ResourceSnapshot} from OSHI, the JVM and the GPU module. Keeps the previous readings that
 * rates (CPU load, disk throughput) are computed from, so it is used by one thread at a time.
 */
final class OshiSampler implements OshiResourceMonitor.SnapshotSource {

    private static final Logger LOG = Logger.getLogger(OshiSampler.class.getName());
    /** Pseudo and container file systems that are not where media or caches live. */
    private static final Set<String> IGNORED_FS = Set.of("tmpfs", "devtmpfs", "squashfs", "overlay", "proc", "sysfs",
            "cgroup", "cgroup2", "devpts", "mqueue", "autofs", "fuse.lxcfs", "nsfs", "ramfs", "efivarfs");
    /** Mounts rarely change: list them again after this long. */
    private static final Duration STORE_LIST_INTERVAL = Duration.ofSeconds(60);

    private final Lookup lookup;
    private final boolean startGpu;
    private final HardwareAbstractionLayer hardware;
    private final OperatingSystem os;
    private final CentralProcessor cpu;
    private final GlobalMemory memory;
    private final MemoryMXBean heap = ManagementFactory.getMemoryMXBean();
    private final ResourceWarnings warnings = new ResourceWarnings();
    private final int pid;
    private long[] previousTicks;
    /** This process's CPU time and when it was read: the process's load between two samples. */
    private long previousProcessCpuNanos = -1;
    private long previousProcessWallNanos;
    private long residentBytes;
    private final com.sun.management.OperatingSystemMXBean processCpu =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    /** The physical disks, listed again with the file stores (once a minute): listing them costs milliseconds. */
    private List<HWDiskStore> diskList;
    private final Map<String, DiskCounters> previousDisks = new HashMap<>();
    private List<MountedStore> stores;
    private Instant storesListedAt = Instant.EPOCH;

    /**
     * A sampler that starts the GPU for its figures in the workbench, where the Performance Monitor shows them, and
     * only reads them in a headless command, where a task system weighing its load must not open a device the command
     * never uses (a second of CPU on a software driver, and its memory).
     */
    OshiSampler(Lookup lookup) {
        this(lookup, !java.awt.GraphicsEnvironment.isHeadless());
    }

    /** @param startGpu whether sampling may start the GPU to have its figures */
    OshiSampler(Lookup lookup, boolean startGpu) {
        this.lookup = lookup;
        this.startGpu = startGpu;
        SystemInfo si = new SystemInfo();
        this.os = si.getOperatingSystem();
        this.cpu = si.getHardware().getProcessor();
        this.memory = si.getHardware().getMemory();
        this.pid = os.getProcessId();
        this.previousTicks = cpu.getSystemCpuLoadTicks();
        this.hardware = si.getHardware();
        sampleProcessLoad();
    }

    @Override
    public ResourceSnapshot sample() {
        Instant now = Instant.now();
        CpuUsage cpuUsage = sampleCpu();
        org.tsperf.api.monitor.MemoryUsage mem = sampleMemory();
        GpuUsage gpu = sampleGpu();
        List<DiskUsage> disks = sampleDisks(now);
        ResourceSnapshot withoutWarnings = new ResourceSnapshot(now, cpuUsage, mem, gpu, disks, List.of());
        return new ResourceSnapshot(now, cpuUsage, mem, gpu, disks, warnings.evaluate(withoutWarnings));
    }

    private CpuUsage sampleCpu() {
        int logical = Math.max(1, cpu.getLogicalProcessorCount());
        double system = 100 * cpu.getSystemCpuLoadBetweenTicks(previousTicks);
        previousTicks = cpu.getSystemCpuLoadTicks();
        // the load relative to one processor; the monitor shows a share of the whole machine
        double process = 100 * sampleProcessLoad() / logical;
        residentBytes = ProcFiles.residentBytes().orElseGet(() -> {
            OSProcess current = os.getProcess(pid);
            return current == null ? 0 : current.getResidentSetSize();
        });
        return new CpuUsage(system, Math.max(0, Math.min(100, process)), logical);
    }

    /**
     * This process's CPU time since the previous call over the time passed, relative to one processor (the JVM's
     * own figure: no {@code /proc} files parsed as OSHI's process listing does).
     */
    private double sampleProcessLoad() {
        long cpuNanos = processCpu.getProcessCpuTime();
        long wall = System.nanoTime();
        double load = 0;
        if (previousProcessCpuNanos >= 0 && cpuNanos >= 0 && wall > previousProcessWallNanos) {
            load = (cpuNanos - previousProcessCpuNanos) / (double) (wall - previousProcessWallNanos);
        }
        previousProcessCpuNanos = cpuNanos;
        previousProcessWallNanos = wall;
        return load;
    }

    private org.tsperf.api.monitor.MemoryUsage sampleMemory() {
        long total = memory.getTotal();
        long used = Math.max(0, Math.min(total, total - memory.getAvailable()));
        long resident = Math.max(0, residentBytes);
        MemoryUsage h = heap.getHeapMemoryUsage();
        long heapMax = h.getMax() > 0 ? h.getMax() : h.getCommitted();
        return new org.tsperf.api.monitor.MemoryUsage(total, used, resident, h.getUsed(), heapMax);
    }

    private GpuUsage sampleGpu() {
        GpuMetrics metrics = lookup.lookup(GpuMetrics.class);
        if (metrics == null) {
            return GpuUsage.notAvailable("GPU module not active");
        }
        try {
            return startGpu ? metrics.sample() : metrics.sampleIfInUse();
        } catch (RuntimeException ex) {
            LOG.log(Level.WARNING, "GPU metrics from " + metrics.getClass().getName() + " failed", ex);
            return GpuUsage.notAvailable("GPU metrics failed: " + ex.getMessage());
        }
    }

    private List<DiskUsage> sampleDisks(Instant now) {
        Map<String, double[]> rateByMount = diskRatesByMount(now);
        List<DiskUsage> result = new ArrayList<>();
        for (MountedStore store : mountedStores(now)) {
            long total;
            long usable;
            long free;
            try {
                total = store.nio().getTotalSpace();
                usable = store.nio().getUsableSpace();
                free = store.nio().getUnallocatedSpace();
            } catch (IOException ex) {
                LOG.log(Level.FINE, "file store " + store.mount() + " cannot be read now", ex);
                continue;
            }
            if (total <= 0) {
                continue;
            }
            // as df: used is what no longer is free (reserved blocks are free), available what this user may write
            long used = Math.max(0, Math.min(total, total - free));
            long available = Math.max(0, Math.min(total - used, usable));
            double[] rate = rateByMount.get(store.mount());
            if (rate == null) {
                rate = rateByMount.getOrDefault(store.volume(), new double[] {Double.NaN, Double.NaN});
            }
            result.add(new DiskUsage(store.label(), store.mount(), store.type(), total, used, rate[0], rate[1],
                    available));
        }
        return result;
    }

    /**
     * The mounted file stores, listed again once a minute. OSHI's listing starts {@code lsblk} on Linux: once a second
     * that is a process spawned from a JVM of a gigabyte, for mounts that rarely change. Space is read through NIO
     * (a statvfs call) at every sample.
     */
    private List<MountedStore> mountedStores(Instant now) {
        if (stores != null && now.isBefore(storesListedAt.plus(STORE_LIST_INTERVAL))) {
            return stores;
        }
        List<MountedStore> listed = new ArrayList<>();
        for (OSFileStore store : os.getFileSystem().getFileStores(true)) {
            if (IGNORED_FS.contains(store.getType())) {
                continue;
            }
            try {
                FileStore nio = Files.getFileStore(Path.of(store.getMount()));
                listed.add(new MountedStore(store.getVolume().isEmpty() ? store.getName() : store.getVolume(),
                        store.getVolume(), store.getMount(), store.getType(), nio));
            } catch (IOException | RuntimeException ex) {
                LOG.log(Level.FINE, "file store " + store.getMount() + " is not reachable", ex);
            }
        }
        stores = List.copyOf(listed);
        storesListedAt = now;
        diskList = null; // listed again with the stores
        return stores;
    }

    private record MountedStore(String label, String volume, String mount, String type, FileStore nio) {
    }

    /** Read/write bytes per second of each physical disk, keyed by the mount points of its partitions. */
    private Map<String, double[]> diskRatesByMount(Instant now) {
        Map<String, double[]> byMount = new HashMap<>();
        boolean listedNow = diskList == null;
        if (listedNow) {
            diskList = hardware.getDiskStores();
        }
        Map<String, long[]> counters = listedNow ? Map.of() : ProcFiles.diskBytes().orElse(null);
        for (HWDiskStore disk : diskList) {
            long[] bytes = counters == null ? null : counters.get(deviceName(disk.getName()));
            if (bytes == null) {
                if (!listedNow) {
                    disk.updateAttributes(); // no /proc/diskstats line for it: OSHI reads it again
                }
                bytes = new long[] {disk.getReadBytes(), disk.getWriteBytes()};
            }
            DiskCounters current = new DiskCounters(bytes[0], bytes[1], now.toEpochMilli());
            DiskCounters previous = previousDisks.put(disk.getName(), current);
            double[] rate = previous == null ? new double[] {Double.NaN, Double.NaN} : current.ratesSince(previous);
            for (HWPartition partition : disk.getPartitions()) {
                if (!partition.getMountPoint().isEmpty()) {
                    byMount.put(partition.getMountPoint(), rate);
                }
            }
            // a disk formatted without partitions is found by its device name
            byMount.putIfAbsent(disk.getName(), rate);
        }
        return byMount;
    }

    /** {@code /dev/vda} as {@code /proc/diskstats} names it: {@code vda}. */
    private static String deviceName(String name) {
        return name.startsWith("/dev/") ? name.substring(5) : name;
    }

    private record DiskCounters(long readBytes, long writeBytes, long millis) {

        double[] ratesSince(DiskCounters before) {
            double seconds = (millis - before.millis) / 1000.0;
            if (seconds <= 0) {
                return new double[] {Double.NaN, Double.NaN};
            }
            return new double[] {Math.max(0, readBytes - before.readBytes) / seconds,
                Math.max(0, writeBytes - before.writeBytes) / seconds};
        }
    }
}
