package org.tsperf.proxy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openide.util.Lookup;
import org.tsperf.api.media.MediaException;
import org.tsperf.api.media.MediaInfo;
import org.tsperf.api.media.MediaProbe;
import org.tsperf.api.media.VideoStreamInfo;
import org.tsperf.api.proxy.ProxyConfig;
import org.tsperf.api.proxy.ProxyFile;
import org.tsperf.api.proxy.ProxyMedia;
import org.tsperf.api.proxy.ProxyResolution;
import org.tsperf.api.proxy.ProxyService;
import org.tsperf.api.proxy.ProxyState;
import org.tsperf.api.proxy.ProxyState.Kind;
import org.tsperf.api.tasks.TaskInfo;
import org.tsperf.api.tasks.TaskService;
import org.tsperf.api.tasks.TaskState;

/**
 * The Proxy Manager's media list: the sources a store's index knows, each with the state of its proxies, read from
 * the index (finished proxies, last failure) and from the task system (queued and running jobs, also those resumed
 * from the journal after a restart).
 */
final class MediaList {

    private static final Logger LOG = Logger.getLogger(MediaList.class.getName());
    /** File name endings taken from folders; a file given by itself is taken whatever its name. */
    static final Set<String> MEDIA_EXTENSIONS = Set.of("mp4", "mov", "m4v", "mkv", "mxf", "avi", "mts", "m2ts",
            "webm", "mpg", "mpeg", "ts", "3gp", "wmv", "flv");

    private MediaList() {
    }

    static List<ProxyMedia> media(ProxyConfig config) {
        ProxyIndex index;
        ProxyEngine engine = ProxyEngine.get();
        try {
            index = engine.index(config.settings().store());
        } catch (IOException ex) {
            if (engine.isShutDown()) { // the module is going; its window closes with it
                LOG.log(Level.FINE, "no media list: {0}", ex.getMessage());
                return List.of();
            }
            LOG.log(Level.WARNING, "the proxy store cannot be read", ex);
            return List.of();
        }
        Map<String, TaskInfo> active = activeJobs();
        List<ProxyMedia> list = new ArrayList<>();
        List<Map.Entry<String, String>> sources = new ArrayList<>(index.sources().entrySet());
        sources.sort(Map.Entry.comparingByKey());
        for (Map.Entry<String, String> s : sources) {
            Path path = Path.of(s.getKey());
            boolean online = Files.isRegularFile(path);
            Optional<ProxyIndex.Entry> plan = index.finished(s.getValue());
            TaskInfo job = active.get(s.getKey());
            Optional<String> failure = index.failure(s.getKey());
            List<ProxyState> states = new ArrayList<>();
            for (ProxyResolution r : config.settings().resolutions()) {
                states.add(state(r, plan, job, failure));
            }
            String description = online ? describe(path) : "offline: the file is not there (moved, deleted, or on a"
                    + " drive that is not connected)";
            list.add(new ProxyMedia(path, online, description, states,
                    plan.map(ProxyIndex.Entry::reasons).orElse(List.of())));
        }
        return list;
    }

    private static ProxyState state(ProxyResolution r, Optional<ProxyIndex.Entry> plan, TaskInfo job,
            Optional<String> failure) {
        if (job != null) {
            if (job.state() == TaskState.RUNNING) {
                int percent = (int) Math.floor(job.progress().fraction().orElse(0.0) * 100);
                return new ProxyState(r.name(), Kind.RUNNING, Math.min(99, percent), Optional.empty(),
                        job.progress().message());
            }
            return new ProxyState(r.name(), Kind.QUEUED, 0, Optional.empty(), job.reason());
        }
        if (plan.isPresent()) {
            for (ProxyFile f : plan.get().proxies()) {
                if (f.resolution().equals(r.name())) {
                    return new ProxyState(r.name(), Kind.READY, 100, Optional.of(f), "");
                }
            }
            for (String reason : plan.get().reasons()) {
                if (reason.startsWith(r.displayName() + " skipped")) {
                    return new ProxyState(r.name(), Kind.SKIPPED, 0, Optional.empty(), reason);
                }
            }
        }
        if (failure.isPresent()) {
            return new ProxyState(r.name(), Kind.FAILED, 0, Optional.empty(), failure.get());
        }
        return new ProxyState(r.name(), Kind.NONE, 0, Optional.empty(), "");
    }

    /** Proxy jobs that have not ended, by source path. */
    private static Map<String, TaskInfo> activeJobs() {
        Map<String, TaskInfo> m = new HashMap<>();
        TaskService tasks = Lookup.getDefault().lookup(TaskService.class);
        if (tasks != null) {
            for (TaskInfo t : tasks.tasks()) {
                if (t.spec().kind().equals(ProxyTaskHandler.KIND) && !t.state().isFinal()) {
                    String src = t.spec().parameters().get(ProxyParams.SOURCE);
                    if (src != null) {
                        m.put(src, t);
                    }
                }
            }
        }
        return m;
    }

    /** The plan keys of proxy jobs that have not ended: their files must not be cleaned up. */
    static Set<String> activePlans() {
        Set<String> plans = new java.util.HashSet<>();
        for (TaskInfo t : activeJobs().values()) {
            String plan = t.spec().parameters().get(ProxyParams.PLAN);
            if (plan != null) {
                plans.add(plan);
            }
        }
        return plans;
    }

    static boolean cancel(Path source, String reason) {
        TaskInfo job = activeJobs().get(source.toString());
        TaskService tasks = Lookup.getDefault().lookup(TaskService.class);
        return job != null && tasks != null && tasks.cancel(job.id(), reason);
    }

    /** The job of a source that has not ended, if any. */
    static Optional<TaskInfo> activeJob(Path source) {
        return Optional.ofNullable(activeJobs().get(source.toString()));
    }

    /** Adds files and the media files of folders; queues their proxies when the configuration says so. */
    static String add(ProxyConfig config, List<Path> given) {
        ProxyService service = Lookup.getDefault().lookup(ProxyService.class);
        List<Path> files = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        Set<Path> inFolders = new java.util.HashSet<>();
        for (Path g : given) {
            Path p = g.toAbsolutePath().normalize();
            if (Files.isDirectory(p)) {
                List<Path> found = mediaIn(p, refused);
                inFolders.addAll(found);
                files.addAll(found);
                if (found.isEmpty()) {
                    refused.add(p + ": no media files in this folder (looked for " + String.join(", ",
                            new java.util.TreeSet<>(MEDIA_EXTENSIONS)) + ")");
                }
            } else {
                files.add(p);
            }
        }
        int added = 0;
        int fromFolders = 0;
        int queued = 0;
        ProxyIndex index;
        try {
            index = ProxyEngine.get().index(config.settings().store());
        } catch (IOException ex) {
            return "Nothing added: " + ex.getMessage();
        }
        for (Path f : files) {
            try {
                DefaultProxyService.refuseUnreadable(f);
                String plan = Fingerprint.plan(Fingerprint.of(f), config.settings());
                index.want(f.toString(), plan, config.settings().resolutions().size());
                added++;
                fromFolders += inFolders.contains(f) ? 1 : 0;
                if (config.generateAsync() && service != null
                        && service.generateInBackground(f, config.settings()).task().isPresent()) {
                    queued++;
                }
            } catch (IOException ex) {
                refused.add(ex.getMessage());
            }
        }
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "Added %d media file(s)", added));
        if (fromFolders > 0) {
            b.append(String.format(Locale.ROOT, " (%d from folders)", fromFolders));
        }
        if (config.generateAsync()) {
            b.append(String.format(Locale.ROOT, "; %d proxy job(s) queued", queued));
        }
        if (!refused.isEmpty()) {
            b.append(String.format(Locale.ROOT, "; refused %d: ", refused.size())).append(String.join("; ", refused));
        }
        return b.toString();
    }

    private static List<Path> mediaIn(Path folder, List<String> refused) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).filter(MediaList::looksLikeMedia).sorted(Comparator.naturalOrder())
                    .toList();
        } catch (IOException | UncheckedIOException ex) {
            refused.add(folder + ": cannot be read completely (" + ex.getMessage() + "); check its permissions");
            return List.of();
        }
    }

    static boolean looksLikeMedia(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && !name.startsWith(".") && MEDIA_EXTENSIONS.contains(name.substring(dot + 1)
                .toLowerCase(Locale.ROOT));
    }

    /** "3840x2160 h264 High, 29.97 fps, 20.0 s, audio", probed once per path, size and time. */
    private static String describe(Path path) {
        String stamp;
        try {
            stamp = Files.size(path) + "@" + Files.getLastModifiedTime(path).toMillis();
        } catch (IOException ex) {
            return "cannot be read: " + ex.getMessage();
        }
        Map<Path, String> descriptions = ProxyEngine.get().descriptions();
        String cached = descriptions.get(path);
        if (cached != null && cached.startsWith(stamp + "\n")) {
            return cached.substring(stamp.length() + 1);
        }
        String text;
        MediaProbe probe = Lookup.getDefault().lookup(MediaProbe.class);
        if (probe == null) {
            text = "not probed: the Media module is missing";
        } else {
            try {
                MediaInfo info = probe.probe(path);
                Optional<VideoStreamInfo> v = info.mainVideo();
                text = v.map(s -> String.format(Locale.ROOT, "%dx%d %s%s, %.2f fps%s", s.displayWidth(),
                        s.displayHeight(), s.codec(), s.profile().isEmpty() ? "" : " " + s.profile(), s.frameRate(),
                        s.variableFrameRate() ? " (variable)" : "")).orElse("no video")
                        + String.format(Locale.ROOT, ", %.1f s", info.durationSeconds())
                        + (info.audio().isEmpty() ? ", no audio" : ", audio");
            } catch (MediaException ex) {
                text = ex.getMessage();
            }
        }
        descriptions.put(path, stamp + "\n" + text);
        return text;
    }

    static void forgetDescription(Path source) {
        ProxyEngine.get().descriptions().remove(source);
    }

    /** The smallest ready proxy at least {@code viewWidth} wide, else the largest; marks its plan used. */
    static Optional<ProxyFile> proxyFor(Path store, Path source, int viewWidth) {
        try {
            ProxyIndex index = ProxyEngine.get().index(store);
            Optional<String[]> s = index.source(source.toString());
            if (s.isEmpty()) {
                return Optional.empty();
            }
            Optional<ProxyIndex.Entry> plan = index.finished(s.get()[0]);
            if (plan.isEmpty() || plan.get().proxies().isEmpty()) {
                return Optional.empty();
            }
            index.touch(s.get()[0]);
            List<ProxyFile> bySize = new ArrayList<>(plan.get().proxies());
            bySize.sort(Comparator.comparingInt(ProxyFile::width));
            return Optional.of(bySize.stream().filter(f -> f.width() >= viewWidth).findFirst()
                    .orElse(bySize.get(bySize.size() - 1)));
        } catch (IOException ex) {
            LOG.log(Level.WARNING, "the proxy store " + store + " cannot be read", ex);
            return Optional.empty();
        }
    }
}
