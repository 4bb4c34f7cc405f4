package org.tsperf.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
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

class RecommenderTest {

    private static final long GIB = 1L << 30;
    private static final Set<String> ALL = Set.of("Proxy Manager", "GPU Scheduler", "Memory Manager", "Cache Viewer",
            "Performance Monitor");
    private static final MediaDescription UHD_H264 = new MediaDescription(3840, 2160, "h264", 29.97, 600);
    private static final MediaDescription UHD_HEVC = new MediaDescription(3840, 2160, "hevc", 50, 1200);
    private static final MediaDescription HD_H264 = new MediaDescription(1920, 1080, "h264", 25, 900);
    private static final DiskDescription HDD_ROOT = new DiskDescription("/", "/home/u/.cache/tsperf", DiskKind.HDD,
            1000 * GIB, 400 * GIB, 120, 140);
    private static final DiskDescription NVME_ROOT = new DiskDescription("/", "/home/u/.cache/tsperf", DiskKind.NVME,
            1000 * GIB, 800 * GIB, 2000, 3000);
    private static final DiskDescription HDD_MEDIA = new DiskDescription("/mnt/media", "/mnt/media/tsperf",
            DiskKind.HDD, 4000 * GIB, 3500 * GIB, 180, 200);
    private static final GpuDescription RTX = new GpuDescription("NVIDIA GeForce RTX 4070", "discrete", 12 * GIB);
    private static final GpuDescription LLVMPIPE = new GpuDescription("llvmpipe (LLVM 15.0.6, 256 bits)", "cpu",
            2 * GIB);

    private static HardwareDescription machine(int cores, long ramGib, List<GpuDescription> gpus, double vulkanMs,
            double cpuMs, List<DiskDescription> disks) {
        return new HardwareDescription(cores, ramGib * GIB, gpus, gpus.isEmpty() ? "cpu" : "vulkan", vulkanMs, cpuMs,
                disks, List.of(), List.of());
    }

    private static Recommendations recommend(HardwareDescription hw, List<MediaDescription> media, Set<String> mods) {
        return Recommender.recommend(new SystemDescription(hw, new WorkloadDescription(media, 3600), mods));
    }

    /** "8 GB, 4 cores, no GPU, one HDD" with 4K H.264 footage. */
    private static Recommendations small() {
        return recommend(machine(4, 8, List.of(), Double.NaN, Double.NaN, List.of(HDD_ROOT)), List.of(UHD_H264), ALL);
    }

    /** "64 GB, 16 cores, discrete GPU, NVMe + HDD" with 4K HEVC footage and no Proxy Manager. */
    private static Recommendations large() {
        Set<String> noProxies = Set.of("GPU Scheduler", "Memory Manager", "Cache Viewer");
        return recommend(machine(16, 64, List.of(RTX, LLVMPIPE), 2.1, 9.5, List.of(HDD_MEDIA, NVME_ROOT)),
                List.of(HD_H264, UHD_HEVC), noProxies);
    }

    @Test
    void smallMachineWithOneHddMakesOneQuarterProxyAtATimeInH264() {
        Recommendations r = small();
        assertEquals("quarter", r.get(Setting.PROXY_SIZES).value());
        assertTrue(r.get(Setting.PROXY_SIZES).reason().contains("Quarter only"), r.get(Setting.PROXY_SIZES).reason());
        assertEquals("3840x2160 h264, 4 cores, RAM 8.0 GB", r.get(Setting.PROXY_SIZES).figure());
        assertEquals("h264", r.get(Setting.PROXY_FORMAT).value());
        assertTrue(r.get(Setting.PROXY_FORMAT).figure().contains("HDD /, 400.0 GB free"),
                r.get(Setting.PROXY_FORMAT).figure());
        assertEquals("1", r.get(Setting.PARALLEL_JOBS).value());
        assertTrue(r.get(Setting.PARALLEL_JOBS).reason().startsWith("one proxy job per 4 cores"));
    }

    @Test
    void smallMachineGetsTheEightGigabyteProfileAndBothDiskLevelsOnItsOnlyDisk() {
        Recommendations r = small();
        assertEquals("8 GB machine", r.get(Setting.MEMORY_PROFILE).value());
        assertEquals("RAM 8.0 GB", r.get(Setting.MEMORY_PROFILE).figure());
        assertEquals("512M", r.get(Setting.CACHE_L1_BUDGET).value());
        assertEquals("/home/u/.cache/tsperf/l2", r.get(Setting.CACHE_L2_DIR).value());
        assertEquals("/home/u/.cache/tsperf/l3", r.get(Setting.CACHE_L3_DIR).value());
        assertTrue(r.get(Setting.CACHE_L3_DIR).reason().startsWith("one disk for both levels"));
        assertEquals("40G", r.get(Setting.CACHE_L2_BUDGET).value(), "a tenth of 400 GB when the disk is shared");
        assertEquals("80G", r.get(Setting.CACHE_L3_BUDGET).value(), "a fifth of 400 GB when the disk is shared");
        assertEquals("write 120 MB/s, read 140 MB/s on /", r.get(Setting.CACHE_L2_DIR).figure());
    }

    @Test
    void smallMachineWithoutVulkanTakesTheCpuPathAndNeedsNoModuleChange() {
        Recommendations r = small();
        assertEquals("cpu", r.get(Setting.GPU_PATH).value());
        assertTrue(r.get(Setting.GPU_PATH).reason().startsWith("no Vulkan device"));
        assertEquals("0 Vulkan devices", r.get(Setting.GPU_PATH).figure());
        assertEquals("", r.get(Setting.MODULES_INSTALL).value());
        assertEquals("", r.get(Setting.MODULES_REMOVE).value());
    }

    @Test
    void largeMachineMakesBothSizesInProResFourAtATime() {
        Recommendations r = large();
        assertEquals("quarter,half", r.get(Setting.PROXY_SIZES).value());
        assertEquals("3840x2160 hevc, 16 cores, RAM 64.0 GB", r.get(Setting.PROXY_SIZES).figure());
        assertEquals("prores_proxy", r.get(Setting.PROXY_FORMAT).value());
        assertEquals("16 cores; 800.0 GB free on NVMe /", r.get(Setting.PROXY_FORMAT).figure());
        assertEquals("4", r.get(Setting.PARALLEL_JOBS).value());
        assertEquals("64 GB machine", r.get(Setting.MEMORY_PROFILE).value());
        assertEquals("12G", r.get(Setting.CACHE_L1_BUDGET).value());
    }

    @Test
    void largeMachinePutsL2OnTheNvmeAndL3OnTheLargeHdd() {
        Recommendations r = large();
        assertEquals("/home/u/.cache/tsperf/l2", r.get(Setting.CACHE_L2_DIR).value());
        assertTrue(r.get(Setting.CACHE_L2_DIR).reason().contains("fastest disk (NVMe)"));
        assertEquals("64G", r.get(Setting.CACHE_L2_BUDGET).value(), "a fifth of 800 GB, capped at 64G");
        assertEquals("/mnt/media/tsperf/l3", r.get(Setting.CACHE_L3_DIR).value());
        assertTrue(r.get(Setting.CACHE_L3_DIR).reason().contains("most free space (HDD)"));
        assertEquals("3500.0 GB free on /mnt/media", r.get(Setting.CACHE_L3_DIR).figure());
        assertEquals("512G", r.get(Setting.CACHE_L3_BUDGET).value(), "three tenths of 3.5 TB, capped at 512G");
    }

    @Test
    void largeMachineRunsOnItsDiscreteGpuAndInstallsTheProxyManagerForHevc() {
        Recommendations r = large();
        assertEquals("NVIDIA GeForce RTX 4070", r.get(Setting.GPU_PATH).value());
        assertEquals("measured: Vulkan 2.1 ms, CPU 9.5 ms a frame", r.get(Setting.GPU_PATH).figure());
        assertEquals("Proxy Manager", r.get(Setting.MODULES_INSTALL).value());
        assertTrue(r.get(Setting.MODULES_INSTALL).reason().contains("need proxies"));
        assertEquals("", r.get(Setting.MODULES_REMOVE).value());
    }

    @Test
    void cpuRasteriserAloneIsNotWorthTheVulkanPath() {
        Recommendation gpu = recommend(machine(2, 4, List.of(LLVMPIPE), 52, 20, List.of(HDD_ROOT)), List.of(), ALL)
                .get(Setting.GPU_PATH);
        assertEquals("cpu", gpu.value());
        assertTrue(gpu.reason().contains("CPU rasterisers"), gpu.reason());
        assertEquals("llvmpipe (LLVM 15.0.6, 256 bits) (cpu)", gpu.figure());
    }

    @Test
    void aDiscreteGpuMeasuredSlowerThanTheCpuIsNotChosen() {
        Recommendation gpu = recommend(machine(32, 64, List.of(RTX), 30.2, 9.1, List.of(NVME_ROOT)), List.of(), ALL)
                .get(Setting.GPU_PATH);
        assertEquals("cpu", gpu.value());
        assertEquals("measured: Vulkan 30.2 ms, CPU 9.1 ms a frame", gpu.figure());
    }

    @Test
    void fullHdH264OnManyCoresNeedsNoProxyManager() {
        Recommendations r = recommend(machine(16, 32, List.of(), Double.NaN, Double.NaN, List.of(NVME_ROOT)),
                List.of(HD_H264), ALL);
        assertEquals("quarter", r.get(Setting.PROXY_SIZES).value());
        assertEquals("Proxy Manager", r.get(Setting.MODULES_REMOVE).value());
        assertTrue(r.get(Setting.MODULES_REMOVE).reason().contains("16 cores"));
        assertEquals("4", r.get(Setting.PARALLEL_JOBS).value(), "16 / 4 cores; (32 - 4) GB / 1 GB would allow 28");
    }

    @Test
    void manyCoresOnHardDisksOnlyRunTwoJobs() {
        Recommendation jobs = recommend(machine(32, 128, List.of(), Double.NaN, Double.NaN, List.of(HDD_ROOT,
                HDD_MEDIA)), List.of(UHD_H264), ALL).get(Setting.PARALLEL_JOBS);
        assertEquals("2", jobs.value());
        assertTrue(jobs.reason().startsWith("only hard disks"));
    }

    @Test
    void withoutDisksTheDefaultLocationsAreKept() {
        Recommendations r = recommend(machine(4, 8, List.of(), Double.NaN, Double.NaN, List.of()), List.of(), ALL);
        assertEquals("", r.get(Setting.CACHE_L2_DIR).value());
        assertTrue(r.get(Setting.CACHE_L2_DIR).reason().startsWith("no disk was measured"));
        assertEquals("quarter,half", r.get(Setting.PROXY_SIZES).value());
    }

    @Test
    void theSameDescriptionGivesTheSameRecommendationsAndUserChangesSaySo() {
        assertEquals(large(), large());
        Recommendations changed = large().with(Setting.PARALLEL_JOBS, "2");
        assertEquals("2", changed.get(Setting.PARALLEL_JOBS).value());
        assertEquals("chosen by the user", changed.get(Setting.PARALLEL_JOBS).reason());
        assertEquals(large().get(Setting.PROXY_FORMAT), changed.get(Setting.PROXY_FORMAT));
        assertEquals(Setting.values().length, large().items().size(), "one recommendation per setting");
    }
}
