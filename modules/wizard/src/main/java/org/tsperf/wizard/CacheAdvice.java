package org.tsperf.wizard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.tsperf.api.memory.MemoryProfile;
import org.tsperf.api.optimize.DiskDescription;
import org.tsperf.api.optimize.DiskKind;
import org.tsperf.api.optimize.HardwareDescription;
import org.tsperf.api.optimize.Recommendation;
import org.tsperf.api.optimize.Setting;

/**
 * Cache budgets and locations per level: L1 in RAM from the memory profile, L2 on the fastest disk, L3 on the one
 * with the most free space. Pure.
 */
final class CacheAdvice {

    /** A disk with less free space than this takes no cache level. */
    static final long MIN_FREE = 4 * Figures.GIB;
    static final long L2_MAX = 64 * Figures.GIB;
    static final long L3_MAX = 512 * Figures.GIB;

    private CacheAdvice() {
    }

    static List<Recommendation> recommend(HardwareDescription hw, MemoryProfile profile) {
        List<Recommendation> out = new ArrayList<>();
        out.add(new Recommendation(Setting.CACHE_L1_BUDGET, Figures.size(profile.cacheBytes()),
                "the L1 cache in RAM gets the " + profile.name() + " profile's cache budget, beside "
                + Figures.gb(profile.heapBytes()) + " heap and " + Figures.gb(profile.poolBytes()) + " frame buffers",
                "RAM " + Figures.gb(hw.ramBytes())));
        List<DiskDescription> usable = hw.disks().stream()
                .filter(d -> d.kind() != DiskKind.NETWORK && d.freeBytes() >= MIN_FREE).toList();
        if (usable.isEmpty()) {
            String why = hw.disks().isEmpty() ? "no disk was measured" : "no local disk has " + Figures.gb(MIN_FREE)
                    + " free";
            String figure = hw.disks().size() + " disks";
            out.add(new Recommendation(Setting.CACHE_L2_DIR, "", why + ": the default location is kept", figure));
            out.add(new Recommendation(Setting.CACHE_L2_BUDGET, "1G", why + ": the smallest useful L2", figure));
            out.add(new Recommendation(Setting.CACHE_L3_DIR, "", why + ": the default location is kept", figure));
            out.add(new Recommendation(Setting.CACHE_L3_BUDGET, "2G", why + ": the smallest useful L3", figure));
            return out;
        }
        DiskDescription fastest = usable.stream().max(Comparator.comparingDouble(CacheAdvice::speed)).orElseThrow();
        DiskDescription largest = usable.stream().max(Comparator.comparingLong(DiskDescription::freeBytes)
                .thenComparingDouble(CacheAdvice::speed)).orElseThrow();
        boolean shared = fastest.equals(largest);
        long l2 = budget(fastest.freeBytes(), shared ? 0.10 : 0.20, Figures.GIB, L2_MAX);
        long l3 = budget(largest.freeBytes(), shared ? 0.20 : 0.30, 2 * Figures.GIB, L3_MAX);
        String fastFigure = speedFigure(fastest);
        String largeFigure = Figures.gb(largest.freeBytes()) + " free on " + largest.mount();
        out.add(new Recommendation(Setting.CACHE_L2_DIR, dir(fastest, "l2"), usable.size() == 1
                ? "the only local disk with room (" + kind(fastest) + ")"
                : "L2 on the fastest disk (" + kind(fastest) + "): a frame read back from it must arrive in time",
                fastFigure));
        out.add(new Recommendation(Setting.CACHE_L2_BUDGET, Figures.size(l2), (shared ? "a tenth" : "a fifth")
                + " of the free space on " + fastest.mount() + ", at most " + Figures.size(L2_MAX),
                Figures.gb(fastest.freeBytes()) + " free on " + fastest.mount()));
        out.add(new Recommendation(Setting.CACHE_L3_DIR, dir(largest, "l3"), shared
                ? "one disk for both levels: L3 shares " + largest.mount() + " with L2"
                : "L3 on the disk with the most free space (" + kind(largest) + "): it holds what L2 cannot",
                largeFigure));
        out.add(new Recommendation(Setting.CACHE_L3_BUDGET, Figures.size(l3), (shared ? "a fifth" : "three tenths")
                + " of the free space on " + largest.mount() + ", at most " + Figures.size(L3_MAX), largeFigure));
        return out;
    }

    /** Measured MB/s (the slower of write and read), else a typical figure for the kind of disk. */
    static double speed(DiskDescription d) {
        if (d.measured() && Double.isFinite(d.readMBps()) && d.readMBps() > 0) {
            return Math.min(d.writeMBps(), d.readMBps());
        }
        return switch (d.kind()) {
            case NVME -> 1500;
            case SSD -> 400;
            case UNKNOWN -> 150;
            case HDD -> 100;
            case NETWORK -> 50;
        };
    }

    static String speedFigure(DiskDescription d) {
        return d.measured()
                ? "write " + Figures.speed(d.writeMBps()) + ", read " + Figures.speed(d.readMBps()) + " on " + d.mount()
                : kind(d) + " " + d.mount() + " (speed not measured)";
    }

    static String kind(DiskDescription d) {
        return switch (d.kind()) {
            case NVME -> "NVMe";
            case SSD -> "SSD";
            case HDD -> "HDD";
            case NETWORK -> "network disk";
            case UNKNOWN -> "disk of unknown kind";
        };
    }

    private static String dir(DiskDescription d, String level) {
        return Path.of(d.cacheBase()).resolve(level).toString();
    }

    /** {@code share} of the free space in whole GiB, between {@code min} and {@code max}. */
    private static long budget(long free, double share, long min, long max) {
        long gib = (long) (free * share) / Figures.GIB * Figures.GIB;
        return Math.max(min, Math.min(max, gib));
    }
}
