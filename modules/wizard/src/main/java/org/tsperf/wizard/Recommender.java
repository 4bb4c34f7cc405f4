package org.tsperf.wizard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.tsperf.api.memory.MemoryProfile;
import org.tsperf.api.optimize.DiskDescription;
import org.tsperf.api.optimize.DiskKind;
import org.tsperf.api.optimize.GpuDescription;
import org.tsperf.api.optimize.HardwareDescription;
import org.tsperf.api.optimize.MediaDescription;
import org.tsperf.api.optimize.Recommendation;
import org.tsperf.api.optimize.Recommendations;
import org.tsperf.api.optimize.Setting;
import org.tsperf.api.optimize.SystemDescription;
import org.tsperf.api.optimize.WorkloadDescription;

/**
 * The recommendations as a pure function of a {@link SystemDescription}: no I/O, no clock, no Lookup; the same
 * description gives the same recommendations. Every recommendation says why, and the figure it rests on.
 */
public final class Recommender {

    /** Codecs whose decoding costs several times H.264's at the same size. */
    static final Set<String> HEAVY_CODECS = Set.of("hevc", "h265", "av1", "vp9");
    static final String PROXY_MANAGER = "Proxy Manager";
    static final String GPU_SCHEDULER = "GPU Scheduler";
    static final String MEMORY_MANAGER = "Memory Manager";
    static final String CACHE_VIEWER = "Cache Viewer";
    /** A machine that makes several proxy sizes at once. */
    static final int STRONG_CORES = 8;
    static final long STRONG_RAM = 16 * Figures.GIB;

    private Recommender() {
    }

    public static Recommendations recommend(SystemDescription system) {
        HardwareDescription hw = system.hardware();
        WorkloadDescription work = system.workload();
        MemoryProfile profile = MemoryProfile.forMachine(hw.ramBytes());
        List<Recommendation> out = new ArrayList<>();
        out.add(proxySizes(hw, work));
        out.add(proxyFormat(hw));
        out.add(parallelJobs(hw, work));
        out.add(new Recommendation(Setting.MEMORY_PROFILE, profile.name(),
                "the largest profile for this machine's memory: heap " + Figures.gb(profile.heapBytes())
                + ", frame buffers " + Figures.gb(profile.poolBytes()) + ", L1 cache " + Figures.gb(profile.cacheBytes()),
                "RAM " + Figures.gb(hw.ramBytes())));
        out.addAll(CacheAdvice.recommend(hw, profile));
        out.add(gpuPath(hw));
        out.addAll(modules(hw, work, system.installedModules()));
        return new Recommendations(out);
    }

    private static boolean strong(HardwareDescription hw) {
        return hw.cores() >= STRONG_CORES && hw.ramBytes() >= STRONG_RAM;
    }

    private static String machine(HardwareDescription hw) {
        return hw.cores() + " cores, RAM " + Figures.gb(hw.ramBytes());
    }

    private static Optional<MediaDescription> largest(WorkloadDescription work) {
        return work.media().stream().max(Comparator.comparingLong(m -> (long) m.width() * m.height()));
    }

    private static boolean heavy(WorkloadDescription work) {
        return work.media().stream().anyMatch(m -> HEAVY_CODECS.contains(m.codec().toLowerCase(Locale.ROOT)));
    }

    static Recommendation proxySizes(HardwareDescription hw, WorkloadDescription work) {
        Optional<MediaDescription> big = largest(work);
        if (big.isEmpty()) {
            return new Recommendation(Setting.PROXY_SIZES, "quarter,half",
                    "no media known yet: the defaults, Quarter for editing and Half for preview", "0 media");
        }
        MediaDescription m = big.get();
        int lines = Math.min(m.width(), m.height());
        String figure = m.width() + "x" + m.height() + " " + m.codec() + ", " + machine(hw);
        if (lines <= 1080) {
            return new Recommendation(Setting.PROXY_SIZES, "quarter", "media up to 1080p: Quarter is enough for"
                    + " smooth scrubbing, and Half would be about the original's size", figure);
        }
        if (strong(hw)) {
            return new Recommendation(Setting.PROXY_SIZES, "quarter,half", "media above 1080p on a machine that makes"
                    + " both at once: Quarter for editing, Half for full-screen preview", figure);
        }
        return new Recommendation(Setting.PROXY_SIZES, "quarter", "media above 1080p on fewer than " + STRONG_CORES
                + " cores or " + Figures.gb(STRONG_RAM) + " RAM: Quarter only, since each further size costs another"
                + " scale and encode", figure);
    }

    static Recommendation proxyFormat(HardwareDescription hw) {
        Optional<DiskDescription> fast = hw.disks().stream().filter(d -> d.kind() != DiskKind.NETWORK)
                .max(Comparator.comparingDouble(CacheAdvice::speed));
        if (fast.isPresent()) {
            DiskDescription d = fast.get();
            boolean fastDisk = d.kind() == DiskKind.NVME || d.kind() == DiskKind.SSD
                    || (d.measured() && CacheAdvice.speed(d) >= 300);
            if (fastDisk && hw.cores() >= STRONG_CORES && d.freeBytes() >= 500 * Figures.GIB) {
                return new Recommendation(Setting.PROXY_FORMAT, "prores_proxy", "ProRes Proxy is intra-frame:"
                        + " scrubbing and reverse play decode one frame per picture; its files (about five times"
                        + " H.264's) fit on the fast disk", hw.cores() + " cores; " + Figures.gb(d.freeBytes())
                        + " free on " + CacheAdvice.kind(d) + " " + d.mount());
            }
        }
        String encoders = hw.hardwareEncoders().isEmpty() ? "no verified hardware encoder"
                : "verified hardware encoders: " + String.join(", ", hw.hardwareEncoders());
        String disk = fast.map(d -> "; fastest disk " + CacheAdvice.kind(d) + " " + d.mount() + ", "
                + Figures.gb(d.freeBytes()) + " free").orElse("");
        return new Recommendation(Setting.PROXY_FORMAT, "h264", "H.264 proxies are about a fifth of ProRes Proxy's"
                + " size and quicker to write, which suits this machine's disks and cores",
                hw.cores() + " cores" + disk + "; " + encoders);
    }

    static Recommendation parallelJobs(HardwareDescription hw, WorkloadDescription work) {
        boolean uhd = largest(work).map(m -> Math.min(m.width(), m.height()) > 1080).orElse(true);
        long perJob = uhd ? 2 * Figures.GIB : Figures.GIB;
        int byCores = Math.max(1, hw.cores() / 4);
        int byRam = (int) Math.max(1, (hw.ramBytes() - 4 * Figures.GIB) / perJob);
        int jobs = Math.min(8, Math.min(byCores, byRam));
        String reason;
        if (jobs == byCores) {
            reason = "one proxy job per 4 cores: each decodes and encodes with several threads";
        } else if (jobs == byRam) {
            reason = "each job needs about " + Figures.gb(perJob) + " beside 4 GB for the workbench";
        } else {
            reason = "at most 8 jobs at once";
        }
        boolean onlyHdds = !hw.disks().isEmpty() && hw.disks().stream().allMatch(d -> d.kind() == DiskKind.HDD);
        if (onlyHdds && jobs > 2) {
            jobs = 2;
            reason = "only hard disks: more than 2 jobs at once would make them seek back and forth";
        }
        return new Recommendation(Setting.PARALLEL_JOBS, Integer.toString(jobs), reason, machine(hw));
    }

    static Recommendation gpuPath(HardwareDescription hw) {
        Optional<GpuDescription> best = hw.gpus().stream().filter(GpuDescription::hardware)
                .max(Comparator.comparing((GpuDescription g) -> g.type().equals("discrete"))
                        .thenComparingLong(GpuDescription::memoryBytes));
        String measured = Double.isFinite(hw.vulkanMillis()) && Double.isFinite(hw.cpuMillis())
                ? "measured: Vulkan " + Figures.millis(hw.vulkanMillis()) + ", CPU " + Figures.millis(hw.cpuMillis())
                + " a frame" : "";
        if (best.isEmpty()) {
            if (hw.gpus().isEmpty()) {
                return new Recommendation(Setting.GPU_PATH, "cpu", "no Vulkan device: frame operations run on the"
                        + " CPU reference", "0 Vulkan devices");
            }
            return new Recommendation(Setting.GPU_PATH, "cpu", "the only Vulkan devices are CPU rasterisers"
                    + " (such as llvmpipe), slower than the CPU path", hw.gpus().stream()
                    .map(g -> g.name() + " (" + g.type() + ")").reduce((a, b) -> a + ", " + b).orElseThrow());
        }
        GpuDescription g = best.get();
        if (!measured.isEmpty() && hw.cpuMillis() < hw.vulkanMillis()) {
            return new Recommendation(Setting.GPU_PATH, "cpu", "the CPU path was measured faster than "
                    + g.name() + " on this machine", measured);
        }
        return new Recommendation(Setting.GPU_PATH, g.name(), "a " + g.type() + " GPU with "
                + Figures.gb(g.memoryBytes()) + " of its own memory: frame operations run on it",
                measured.isEmpty() ? g.type() + ", " + Figures.gb(g.memoryBytes()) : measured);
    }

    static List<Recommendation> modules(HardwareDescription hw, WorkloadDescription work, Set<String> installed) {
        boolean demanding = heavy(work) || largest(work).map(m -> Math.min(m.width(), m.height()) > 1080)
                .orElse(false);
        Set<String> needed = new LinkedHashSet<>(List.of(GPU_SCHEDULER, MEMORY_MANAGER, CACHE_VIEWER));
        if (demanding || work.media().isEmpty()) {
            needed.add(PROXY_MANAGER);
        }
        List<String> install = needed.stream().filter(n -> !installed.contains(n)).toList();
        String figure = work.media().size() + " media" + largest(work).map(m -> ", largest " + m.width() + "x"
                + m.height() + " " + m.codec()).orElse("") + "; installed: " + (installed.isEmpty() ? "none"
                : String.join(", ", installed.stream().sorted().toList()));
        Recommendation add = new Recommendation(Setting.MODULES_INSTALL, String.join(",", install),
                install.isEmpty() ? "every module this workload needs is installed"
                : "playback needs the GPU module's frame processor, the memory manager's buffers and the cache;"
                + (needed.contains(PROXY_MANAGER) ? " media above 1080p or in HEVC/AV1/VP9 need proxies" : ""),
                figure);
        boolean proxiesUseless = !work.media().isEmpty() && !demanding && hw.cores() >= STRONG_CORES
                && installed.contains(PROXY_MANAGER);
        Recommendation remove = new Recommendation(Setting.MODULES_REMOVE, proxiesUseless ? PROXY_MANAGER : "",
                proxiesUseless ? "media up to 1080p in light codecs decode in real time on " + hw.cores()
                + " cores: proxies would only take disk space" : "every installed module has work to do here",
                figure);
        return List.of(add, remove);
    }
}
