package org.tsperf.wizard;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openide.util.Lookup;
import org.tsperf.api.cache.CacheService;
import org.tsperf.api.gpu.GpuDeviceInfo;
import org.tsperf.api.gpu.GpuInfo;
import org.tsperf.api.gpu.GpuInformation;
import org.tsperf.api.media.MediaException;
import org.tsperf.api.media.MediaInfo;
import org.tsperf.api.media.MediaProbe;
import org.tsperf.api.media.VideoStreamInfo;
import org.tsperf.api.memory.MemoryManager;
import org.tsperf.api.monitor.ResourceMonitor;
import org.tsperf.api.monitor.ResourceSnapshot;
import org.tsperf.api.optimize.GpuDescription;
import org.tsperf.api.optimize.HardwareDescription;
import org.tsperf.api.optimize.MediaDescription;
import org.tsperf.api.optimize.SystemDescription;
import org.tsperf.api.optimize.WorkloadDescription;
import org.tsperf.api.proxy.ProxyMedia;
import org.tsperf.api.proxy.ProxyMediaList;
import org.tsperf.api.proxy.ProxyService;

/**
 * Measures the machine and the workload through the services in Lookup (monitor, GPU, memory, proxy, media; the
 * hardware codecs by the proxy engine's test encode and decode), with
 * plain Java where a module is absent. Off the event thread; cancelled between steps.
 */
final class MachineSurvey {

    private static final Logger LOG = Logger.getLogger(MachineSurvey.class.getName());
    /** Sources probed at most: enough to know the workload, quick with hundreds of clips known. */
    static final int MAX_MEDIA = 60;
    /** Service type to the name of the feature module that provides it. */
    static final Map<Class<?>, String> MODULES = Map.of(ProxyService.class, Recommender.PROXY_MANAGER,
            GpuInformation.class, Recommender.GPU_SCHEDULER, MemoryManager.class, Recommender.MEMORY_MANAGER,
            CacheService.class, Recommender.CACHE_VIEWER, ResourceMonitor.class, "Performance Monitor");

    private final Lookup lookup;
    private final long diskTestBytes;

    MachineSurvey(Lookup lookup, long diskTestBytes) {
        this.lookup = lookup;
        this.diskTestBytes = diskTestBytes;
    }

    SystemDescription measure(Consumer<String> progress, BooleanSupplier cancelled) {
        progress.accept("cores and memory");
        int cores = Runtime.getRuntime().availableProcessors();
        long ram = physicalMemory();
        check(cancelled);
        progress.accept("Vulkan devices and the GPU path");
        List<GpuDescription> gpus = new ArrayList<>();
        String path = "";
        double vulkanMs = Double.NaN;
        double cpuMs = Double.NaN;
        GpuInformation gpu = lookup.lookup(GpuInformation.class);
        if (gpu != null) {
            GpuInfo info = gpu.info();
            for (GpuDeviceInfo d : info.devices()) {
                gpus.add(new GpuDescription(d.name(), d.type(), d.deviceLocalBytes()));
            }
            path = info.status().path().name().toLowerCase(Locale.ROOT);
            vulkanMs = info.status().vulkanMillis();
            cpuMs = info.status().cpuMillis();
        }
        check(cancelled);
        progress.accept("disks: free space and speed");
        var disks = DiskSurvey.survey(diskTestBytes, progress, cancelled);
        check(cancelled);
        progress.accept("hardware encoders and decoders: a test encode and decode each");
        CodecSurvey.Result codecs = CodecSurvey.survey(lookup, cancelled);
        HardwareDescription hw = new HardwareDescription(cores, ram, gpus, path, vulkanMs, cpuMs, disks,
                codecs.encoders(), codecs.decoders(), codecs.checks());
        progress.accept("media the Proxy Manager knows");
        WorkloadDescription work = workload(cancelled);
        Set<String> installed = new LinkedHashSet<>();
        MODULES.forEach((type, name) -> {
            if (lookup.lookup(type) != null) {
                installed.add(name);
            }
        });
        return new SystemDescription(hw, work, installed);
    }

    /** The monitor's figure when it has sampled, else the memory manager's, else the JVM's view of the machine. */
    private long physicalMemory() {
        ResourceMonitor monitor = lookup.lookup(ResourceMonitor.class);
        Optional<ResourceSnapshot> s = monitor == null ? Optional.empty() : monitor.latest();
        if (s.isPresent() && s.get().memory().physicalTotal() > 0) {
            return s.get().memory().physicalTotal();
        }
        MemoryManager memory = lookup.lookup(MemoryManager.class);
        if (memory != null && memory.statistics().systemTotalBytes() > 0) {
            return memory.statistics().systemTotalBytes();
        }
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return Runtime.getRuntime().maxMemory();
    }

    private WorkloadDescription workload(BooleanSupplier cancelled) {
        ProxyMediaList list = lookup.lookup(ProxyMediaList.class);
        MediaProbe probe = lookup.lookup(MediaProbe.class);
        if (list == null || probe == null) {
            return new WorkloadDescription(List.of(), 0);
        }
        List<MediaDescription> media = new ArrayList<>();
        double seconds = 0;
        for (ProxyMedia m : list.media()) {
            if (media.size() >= MAX_MEDIA) {
                break;
            }
            check(cancelled);
            if (!m.online()) {
                continue;
            }
            try {
                MediaInfo info = probe.probe(m.source());
                Optional<VideoStreamInfo> v = info.mainVideo();
                if (v.isPresent() && v.get().width() > 0 && v.get().height() > 0) {
                    VideoStreamInfo s = v.get();
                    double duration = s.durationSeconds() > 0 ? s.durationSeconds() : info.durationSeconds();
                    media.add(new MediaDescription(s.displayWidth(), s.displayHeight(), s.codec(), s.frameRate(),
                            duration));
                    seconds += duration;
                }
            } catch (MediaException ex) {
                LOG.log(Level.INFO, "{0} left out of the workload: {1}", new Object[]{m.source(), ex.getMessage()});
            }
        }
        return new WorkloadDescription(media, seconds);
    }

    private static void check(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("measuring cancelled");
        }
    }
}
