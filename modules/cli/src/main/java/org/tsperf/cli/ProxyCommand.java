package org.tsperf.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.tsperf.api.proxy.ProxyFile;
import org.tsperf.api.proxy.ProxyFormat;
import org.tsperf.api.proxy.ProxyJob;
import org.tsperf.api.proxy.ProxyQuality;
import org.tsperf.api.proxy.ProxyResolution;
import org.tsperf.api.proxy.ProxyResult;
import org.tsperf.api.proxy.ProxyService;
import org.tsperf.api.proxy.ProxySettings;
import org.tsperf.api.tasks.TaskId;
import org.tsperf.api.tasks.TaskInfo;
import org.tsperf.api.tasks.TaskListener;
import org.tsperf.api.tasks.TaskService;
import org.tsperf.api.tasks.TaskType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tsperf proxy FILE|DIR...}: proxies of media files, made by tasks of the background task system, progress on
 * stderr, one result per source.
 */
@Command(name = "proxy", mixinStandardHelpOptions = true,
        description = {"Make (or find) the proxies of media files and of the media files in folders (recursively).",
            "Each source is a background task; progress goes to stderr. Bad files fail on their own, the others go"
                + " on; exit code 1 if any source failed."})
final class ProxyCommand implements Callable<Integer> {

    /** File name extensions taken from folders; files named on the command line are always tried. */
    static final Set<String> MEDIA = Set.of("mp4", "mov", "m4v", "mxf", "mkv", "avi", "mts", "m2ts", "webm",
            "mpg", "mpeg", "ts", "braw", "r3d", "crm", "insv", "3gp");

    /** The latest progress message of each task, for its last line. */
    private static final Map<TaskId, String> LAST_MESSAGE = new ConcurrentHashMap<>();

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE|DIR", arity = "1..*", description = "Media files, or folders of them.")
    List<Path> inputs;

    @Option(names = "--resolutions", paramLabel = "LIST", split = ",", defaultValue = "quarter,half",
            description = "Proxy sizes: quarter (0.25, max 960x540), half (0.5, max 1920x1080). Default: ${DEFAULT-VALUE}.")
    List<String> resolutions;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "h264",
            description = "h264 (H.264 High, MP4) or prores_proxy (ProRes 422 Proxy, MOV). Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--quality", paramLabel = "Q", defaultValue = "medium",
            description = "medium (CRF 23) or high (CRF 18). Default: ${DEFAULT-VALUE}.")
    String quality;

    @Option(names = "--jobs", paramLabel = "N",
            description = "Sources made at the same time (default: the task system's, half the cores, at least 1).")
    Integer jobs;

    @Option(names = "--store", paramLabel = "DIR", description = "The proxy store (default: ~/.tsperf/proxies).")
    Path store;

    @Option(names = "--json", description = "Print one JSON object with a result per source instead of text.")
    boolean json;

    @Option(names = "--cluster", paramLabel = "NAME", description = "Make the proxies on the render cluster NAME:"
            + " each source's proxies made by one worker ('./tsperf worker') in a job folder beside the sources, then"
            + " taken into the store here. The sources must be on the workers' shared storage (under their media"
            + " roots). Needs --member and --secret-file.")
    String cluster;

    @Mixin
    ClusterOptions clusterOptions = new ClusterOptions();

    @Option(names = "--file-timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "With --cluster: a source whose proxies are not made in this time is handed to another"
                    + " worker; default: ${DEFAULT-VALUE}.")
    int fileTimeout;

    @Option(names = "--worker-wait", paramLabel = "SECONDS", defaultValue = "60",
            description = "With --cluster: how long to wait for a first worker holding the secret; default:"
                    + " ${DEFAULT-VALUE}.")
    int workerWait;

    @Override
    public Integer call() throws Exception {
        ProxySettings settings = settings();
        if (cluster == null && (clusterOptions.secretFile != null || !clusterOptions.members.isEmpty())) {
            throw new ParameterException(spec.commandLine(), "--member and --secret-file go with --cluster NAME");
        }
        if (cluster != null && (clusterOptions.secretFile == null || jobs != null)) {
            throw new ParameterException(spec.commandLine(), jobs != null ? "--jobs sets this machine's proxy"
                    + " workers: it takes no --cluster (each worker makes one source at a time)"
                    : "--cluster needs --secret-file FILE (the secret the workers share)");
        }
        ProxyService proxies = Services.require(ProxyService.class, "Proxy Engine");
        TaskService tasks = Services.require(TaskService.class, "Background Tasks");
        if (jobs != null) {
            if (jobs < 1) {
                throw new ParameterException(spec.commandLine(), "--jobs must be 1 or more, got " + jobs);
            }
            tasks.setWorkers(TaskType.PROXY, jobs);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> sources = sources(err);
        if (sources.isEmpty()) {
            err.println("tsperf proxy: no media files found in " + inputs + " (taken from folders: "
                    + String.join(", ", new java.util.TreeSet<>(MEDIA)) + "). Name the files, or check the folder.");
            return Main.FAILURE;
        }
        Files.createDirectories(settings.store());
        if (cluster != null) {
            return ClusterProxies.run(this, settings, sources, out, err);
        }
        Map<TaskId, String> labels = new ConcurrentHashMap<>();
        Map<TaskId, Long> lastPrinted = new ConcurrentHashMap<>();
        TaskListener progress = info -> printProgress(err, labels, lastPrinted, info);
        tasks.addListener(progress);
        List<ProxyJob> started = new ArrayList<>();
        Thread stopper = new Thread(() -> cancelAll(started), "tsperf-proxy-cancel");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            for (int i = 0; i < sources.size(); i++) {
                ProxyJob job = proxies.generateNow(sources.get(i), settings);
                String label = "[" + (i + 1) + "/" + sources.size() + "] " + sources.get(i).getFileName();
                job.task().ifPresent(id -> labels.put(id, label));
                synchronized (started) {
                    started.add(job);
                }
            }
            List<ProxyResult> results = new ArrayList<>();
            for (ProxyJob job : started) {
                results.add(job.result().join());
            }
            print(out, err, settings, results);
            return results.stream().allMatch(r -> r.status().ok()) ? 0 : Main.FAILURE;
        } finally {
            tasks.removeListener(progress);
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException ex) {
                // the JVM is already shutting down: the hook runs
            }
        }
    }

    private ProxySettings settings() {
        try {
            List<ProxyResolution> res = new ArrayList<>();
            for (String r : resolutions) {
                if (!r.isBlank()) {
                    res.add(ProxyResolution.named(r));
                }
            }
            Path dir = store != null ? store.toAbsolutePath().normalize()
                    : Path.of(System.getProperty("user.home"), ".tsperf", "proxies");
            return new ProxySettings(res, ProxyFormat.parse(format), ProxyQuality.parse(quality), dir);
        } catch (IllegalArgumentException ex) {
            throw new ParameterException(spec.commandLine(), ex.getMessage());
        }
    }

    /** Files as given; folders walked for media files, in name order. */
    private List<Path> sources(PrintWriter err) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path in : inputs) {
            Path p = in.toAbsolutePath().normalize();
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                            .filter(f -> MEDIA.contains(extension(f))).sorted().forEach(out::add);
                }
            } else {
                out.add(p);
            }
        }
        return out.stream().distinct().toList();
    }

    private static String extension(Path f) {
        String n = f.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static void printProgress(PrintWriter err, Map<TaskId, String> labels, Map<TaskId, Long> last,
            TaskInfo info) {
        String label = labels.get(info.id());
        if (label == null) {
            return;
        }
        long now = System.nanoTime();
        boolean ended = info.state().isFinal();
        String latest = info.progress().message();
        if (!ended && !latest.isEmpty()) {
            LAST_MESSAGE.put(info.id(), latest); // a throttled line still shows in the source's last line
        }
        Long before = last.get(info.id());
        if (!ended && before != null && now - before < TimeUnit.SECONDS.toNanos(1)) {
            return;
        }
        last.put(info.id(), now);
        String what = ended ? info.state().name().toLowerCase(Locale.ROOT)
                + (!info.reason().isEmpty() ? ": " + info.reason()
                : LAST_MESSAGE.containsKey(info.id()) ? ": " + LAST_MESSAGE.get(info.id()) : "")
                : !info.progress().message().isEmpty() ? info.progress().message()
                : info.state().name().toLowerCase(Locale.ROOT) + (info.reason().isEmpty() ? "" : ": " + info.reason());
        synchronized (err) {
            err.println("tsperf proxy: " + label + ": " + what);
            err.flush();
        }
    }

    private static void cancelAll(List<ProxyJob> jobs) {
        List<ProxyJob> copy;
        synchronized (jobs) {
            copy = new ArrayList<>(jobs);
        }
        for (ProxyJob j : copy) {
            if (!j.result().isDone()) {
                j.cancel("the tsperf proxy command was stopped");
            }
        }
        for (ProxyJob j : copy) {
            try {
                j.result().get(8, TimeUnit.SECONDS); // the handler kills ffmpeg and removes partial files
            } catch (Exception ex) {
                return; // leave the rest to the JVM's end
            }
        }
    }

    void print(PrintWriter out, PrintWriter err, ProxySettings settings, List<ProxyResult> results) {
        print(out, err, settings, results, null);
    }

    /** The results as text or JSON; {@code cluster}, when not null, is added to the JSON as "cluster". */
    void print(PrintWriter out, PrintWriter err, ProxySettings settings, List<ProxyResult> results,
            Map<String, Object> clusterJson) {
        if (json) {
            List<Object> rows = new ArrayList<>();
            for (ProxyResult r : results) {
                rows.add(Json.proxyResult(r));
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("store", settings.store().toString());
            doc.put("format", settings.format().id());
            doc.put("quality", settings.quality().id());
            doc.put("results", rows);
            if (clusterJson != null) {
                doc.put("cluster", clusterJson);
            }
            out.println(Json.line(doc));
        } else {
            for (ProxyResult r : results) {
                out.println(r.status().name().toLowerCase(Locale.ROOT) + "  " + r.source());
                for (ProxyFile p : r.proxies()) {
                    out.printf(Locale.ROOT, "    %-8s %s  (%dx%d %s, %.1f MB)%n", p.resolution(), p.path(), p.width(),
                            p.height(), p.codec(), p.sizeBytes() / 1e6);
                }
                for (String reason : r.reasons()) {
                    out.println("    - " + reason);
                }
                if (!r.error().isEmpty()) {
                    out.println("    error: " + r.error());
                }
            }
            long failed = results.stream().filter(r -> !r.status().ok()).count();
            out.println(results.size() + " source(s), " + failed + " failed; store " + settings.store());
        }
        out.flush();
        for (ProxyResult r : results) {
            if (!r.status().ok()) {
                err.println("tsperf proxy: " + r.error());
            }
        }
    }
}
