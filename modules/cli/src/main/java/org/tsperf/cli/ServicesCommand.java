package org.tsperf.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.openide.util.Lookup;
import org.tsperf.api.cache.CacheReplay;
import org.tsperf.api.cache.CacheService;
import org.tsperf.api.cache.MultiLevelCache;
import org.tsperf.api.cluster.ClusterService;
import org.tsperf.api.gpu.GpuBenchmark;
import org.tsperf.api.gpu.GpuInformation;
import org.tsperf.api.gpu.GpuMetrics;
import org.tsperf.api.gpu.GpuScheduler;
import org.tsperf.api.gpu.VideoProcessor;
import org.tsperf.api.memory.MemoryManager;
import org.tsperf.api.media.MediaDecoder;
import org.tsperf.api.media.MediaProbe;
import org.tsperf.api.media.MediaTools;
import org.tsperf.api.playback.PlaybackService;
import org.tsperf.api.monitor.ResourceMonitor;
import org.tsperf.api.optimize.Optimizer;
import org.tsperf.api.proxy.ProxyConfiguration;
import org.tsperf.api.proxy.ProxyMediaList;
import org.tsperf.api.proxy.ProxyService;
import org.tsperf.api.tasks.LoadSource;
import org.tsperf.api.tasks.TaskBenchmark;
import org.tsperf.api.tasks.TaskJournalReader;
import org.tsperf.api.tasks.TaskService;
import org.tsperf.api.timeline.PlaybackStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tsperf services [--json]}: which engine services Lookup finds, by concern. */
@Command(name = "services", mixinStandardHelpOptions = true,
        description = "List the engine services found through Lookup, by concern, with the module that provides each.")
final class ServicesCommand implements Callable<Integer> {

    /** Every API service, by concern, in the order of the README. */
    static final List<Concern> CONCERNS = List.of(
            new Concern("monitor", List.of(ResourceMonitor.class)),
            new Concern("gpu", List.of(GpuMetrics.class, GpuBenchmark.class, VideoProcessor.class, GpuScheduler.class,
                    GpuInformation.class)),
            new Concern("media", List.of(MediaProbe.class, MediaDecoder.class, MediaTools.class)),
            new Concern("proxies", List.of(ProxyService.class, ProxyMediaList.class, ProxyConfiguration.class)),
            new Concern("cache", List.of(CacheService.class, MultiLevelCache.class, CacheReplay.class)),
            new Concern("memory", List.of(MemoryManager.class)),
            new Concern("tasks", List.of(TaskService.class, TaskJournalReader.class, TaskBenchmark.class, LoadSource.class)),
            new Concern("playback", List.of(PlaybackService.class)),
            new Concern("timeline", List.of(PlaybackStatus.class)),
            new Concern("optimize", List.of(Optimizer.class)),
            new Concern("cluster", List.of(ClusterService.class)));

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Object> concerns = new ArrayList<>();
        for (Concern concern : CONCERNS) {
            List<Object> services = new ArrayList<>();
            for (Class<?> api : concern.apis()) {
                List<Object> providers = new ArrayList<>();
                for (Object impl : Lookup.getDefault().lookupAll(api)) {
                    providers.add(Json.object("class", impl.getClass().getName(), "module", jarOf(impl.getClass())));
                }
                services.add(Json.object("service", api.getName(), "providers", providers));
            }
            concerns.add(Json.object("concern", concern.name(), "services", services));
        }
        if (json) {
            out.println(Json.line(Json.object("concerns", concerns)));
        } else {
            printText(out, concerns);
        }
        return 0;
    }

    @SuppressWarnings("unchecked")
    private static void printText(PrintWriter out, List<Object> concerns) {
        for (Object c : concerns) {
            Map<String, Object> concern = (Map<String, Object>) c;
            out.println(concern.get("concern") + ":");
            for (Object s : (List<Object>) concern.get("services")) {
                Map<String, Object> service = (Map<String, Object>) s;
                List<Object> providers = (List<Object>) service.get("providers");
                String name = ((String) service.get("service")).replaceFirst(".*\\.", "");
                if (providers.isEmpty()) {
                    out.println("  " + name + ": not installed");
                }
                for (Object p : providers) {
                    Map<String, Object> provider = (Map<String, Object>) p;
                    out.println("  " + name + ": " + provider.get("class") + " (" + provider.get("module") + ")");
                }
            }
        }
    }

    private static String jarOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return "unknown";
        }
        try {
            return Path.of(source.getLocation().toURI()).getFileName().toString();
        } catch (java.net.URISyntaxException | IllegalArgumentException ex) {
            return source.getLocation().toString();
        }
    }

    record Concern(String name, List<Class<?>> apis) {
    }
}
