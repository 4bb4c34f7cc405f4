package org.tsperf.proxy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.openide.util.Lookup;
import org.openide.util.lookup.ServiceProvider;
import org.tsperf.api.proxy.ProxyConfig;
import org.tsperf.api.proxy.ProxyCounts;
import org.tsperf.api.proxy.ProxyFile;
import org.tsperf.api.proxy.ProxyJob;
import org.tsperf.api.proxy.ProxyResult;
import org.tsperf.api.proxy.ProxyResult.Status;
import org.tsperf.api.proxy.ProxyService;
import org.tsperf.api.proxy.ProxySettings;
import org.tsperf.api.tasks.ResourceEstimate;
import org.tsperf.api.tasks.TaskId;
import org.tsperf.api.tasks.TaskInfo;
import org.tsperf.api.tasks.TaskPriority;
import org.tsperf.api.tasks.TaskService;
import org.tsperf.api.tasks.TaskSpec;
import org.tsperf.api.tasks.TaskState;
import org.tsperf.api.tasks.TaskType;
import org.tsperf.api.util.Workbench;

/**
 * {@link ProxyService}: finds proxies by content in the store's index, and queues proxy tasks for the rest (in the
 * foreground, or in the background at normal priority). The module's state is {@link ProxyEngine}'s.
 */
@ServiceProvider(service = ProxyService.class)
public final class DefaultProxyService implements ProxyService {

    private static final Logger LOG = Logger.getLogger(DefaultProxyService.class.getName());
    /**
     * A proxy run uses every core, but mostly waits on decoding; claiming the whole machine would defer it whenever
     * anything else runs, so it claims a share and the queue's worker count bounds how many run at once.
     */
    static final ResourceEstimate ESTIMATE = new ResourceEstimate(0.4, 0.05, 0, 0.3, Duration.ofSeconds(60));
    /** A job the user waits for claims no CPU share, so a busy machine does not hold it back. */
    static final ResourceEstimate FOREGROUND = new ResourceEstimate(0, 0.05, 0, 0.3, Duration.ofSeconds(60));

    @Override
    public ProxyCounts counts() {
        try {
            int[] c = ProxyEngine.get().index(config().settings().store()).counts();
            return new ProxyCounts(c[0], c[1]);
        } catch (IOException ex) {
            LOG.log(Level.FINE, "proxy index not readable", ex);
            return new ProxyCounts(0, 0);
        }
    }

    @Override
    public CompletableFuture<String> generateMissing() {
        return CompletableFuture.supplyAsync(() -> {
            ProxySettings s = config().settings();
            Map<String, String> known;
            try {
                known = ProxyEngine.get().index(s.store()).sources();
            } catch (IOException ex) {
                return "Cannot read the proxy store: " + ex.getMessage();
            }
            int queued = 0;
            int missing = 0;
            for (String source : known.keySet()) {
                Path p = Path.of(source);
                if (!Files.isRegularFile(p)) {
                    missing++;
                    continue;
                }
                ProxyJob job = generateInBackground(p, s);
                if (job.task().isPresent()) {
                    queued++;
                }
            }
            return "Queued proxies of " + queued + " source(s)"
                    + (missing == 0 ? "" : "; " + missing + " known source(s) are offline (moved or on a drive not"
                    + " connected)");
        });
    }

    @Override
    public ProxyConfig config() {
        return ProxyConfigStore.load(defaultStore());
    }

    @Override
    public boolean cancel(Path source, String reason) {
        return MediaList.cancel(source.toAbsolutePath().normalize(), reason);
    }

    @Override
    public Optional<ProxyFile> proxyForPlayback(Path source, int viewWidth) {
        ProxyConfig c = config();
        return c.useProxies() ? MediaList.proxyFor(c.settings().store(), source.toAbsolutePath().normalize(),
                viewWidth) : Optional.empty();
    }

    @Override
    public Optional<ProxyFile> readyProxy(Path store, Path source, int viewWidth) {
        return MediaList.proxyFor(store.toAbsolutePath().normalize(), source.toAbsolutePath().normalize(), viewWidth);
    }

    /** {@code <userdir>/var/proxies} in the workbench, {@code ~/.tsperf/proxies} in a plain JVM. */
    static Path defaultStore() {
        return Workbench.userDirectory().map(d -> d.resolve(Path.of("var", "proxies")))
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".tsperf", "proxies"));
    }

    @Override
    public ProxyJob generateInBackground(Path source, ProxySettings settings) {
        return generate(source, settings, ESTIMATE, TaskPriority.NORMAL);
    }

    @Override
    public ProxyJob generateNow(Path source, ProxySettings settings) {
        return generate(source, settings, FOREGROUND, TaskPriority.HIGH);
    }

    private ProxyJob generate(Path source, ProxySettings settings, ResourceEstimate estimate, TaskPriority priority) {
        Path src = source.toAbsolutePath().normalize();
        ProxyIndex index;
        String planKey;
        try {
            refuseUnreadable(src);
            index = ProxyEngine.get().index(settings.store());
            planKey = Fingerprint.plan(Fingerprint.of(src), settings);
        } catch (IOException ex) {
            return Job.done(ProxyResult.failed(src, ex.getMessage(), List.of()));
        }
        TaskService tasks = Lookup.getDefault().lookup(TaskService.class);
        try {
            Optional<ProxyIndex.Entry> found = index.finished(planKey);
            if (found.isPresent()) {
                index.touch(planKey);
                return Job.done(existing(index, planKey, src, found.get()));
            }
            if (tasks == null) {
                return Job.done(ProxyResult.failed(src, "no TaskService: the Background Tasks module is missing;"
                        + " install or enable it (Tools > Plugins)", List.of()));
            }
            index.want(src.toString(), planKey, settings.resolutions().size());
        } catch (IOException ex) {
            return Job.done(ProxyResult.failed(src, src + ": " + ex.getMessage(), List.of()));
        }
        Optional<TaskInfo> same = MediaList.activeJob(src).filter(t -> planKey.equals(t.spec().parameters().get(
                ProxyParams.PLAN)));
        if (same.isPresent()) {
            boolean upgrade = estimate == FOREGROUND && same.get().state() != TaskState.RUNNING
                    && same.get().spec().estimate().equals(ESTIMATE);
            if (!upgrade) {
                return track(tasks, index, planKey, src, same.get().id()); // one job per source and plan
            }
            // the user asked now for what waits for a calm machine: start it as a foreground job instead
            tasks.cancel(same.get().id(), "replaced by a Generate the user asked for");
        }
        String names = settings.resolutions().stream().map(r -> r.displayName()).collect(Collectors.joining(", "));
        TaskSpec spec = new TaskSpec(TaskId.random(), ProxyTaskHandler.KIND,
                "Proxies (" + names + ") of " + src.getFileName(), TaskType.PROXY, priority, estimate,
                ProxyParams.of(src, planKey, settings), java.util.Set.of());
        return track(tasks, index, planKey, src, tasks.submit(spec));
    }

    private ProxyJob track(TaskService tasks, ProxyIndex index, String planKey, Path src, TaskId id) {
        CompletableFuture<ProxyResult> result = tasks.completion(id).thenApply(info -> outcome(index, planKey, src,
                info));
        result.thenAccept(r -> {
            if (r.status() == Status.FAILED) {
                try {
                    index.failed(src.toString(), r.error());
                } catch (IOException ex) {
                    // the result itself says what failed; only the Proxy Manager's note of it is missing
                    LOG.log(Level.WARNING, "the failure of " + src + " is not recorded in the index", ex);
                }
            } else if (r.status() == Status.GENERATED) {
                ProxyConfig c = config();
                if (index.store().equals(c.settings().store().toAbsolutePath().normalize())) {
                    StoreCleanup.enforceInBackground(c); // the store grew: hold it to its limit
                }
            }
        });
        return new Job(src, Optional.of(id), result, tasks);
    }

    private static ProxyResult outcome(ProxyIndex index, String planKey, Path src, TaskInfo info) {
        if (info.state() == TaskState.DONE) {
            Optional<ProxyIndex.Entry> e = index.finished(planKey);
            if (e.isPresent()) {
                return new ProxyResult(src, Status.GENERATED, e.get().proxies(), e.get().reasons(), "");
            }
            return ProxyResult.failed(src, src + ": the proxy task ended but its proxies are not in the store "
                    + index.store() + " (removed meanwhile?); generate them again.", List.of());
        }
        if (info.state() == TaskState.CANCELLED) {
            return new ProxyResult(src, Status.CANCELLED, List.of(), List.of(), "cancelled: " + info.reason());
        }
        String reason = info.reason().isEmpty() ? "failed (" + info.state() + ")" : info.reason();
        return ProxyResult.failed(src, reason, List.of());
    }

    static ProxyResult existing(ProxyIndex index, String planKey, Path src, ProxyIndex.Entry e)
            throws IOException {
        List<String> reasons = new ArrayList<>(e.reasons());
        if (e.source().equals(src.toString())) {
            reasons.add("up to date: proxies of this content and these settings exist");
            return new ProxyResult(src, Status.UP_TO_DATE, e.proxies(), reasons, "");
        }
        Path old = Path.of(e.source());
        if (!Files.exists(old)) {
            index.relink(planKey, src.toString());
            reasons.add("relinked: found by content; made for " + old + ", which is no longer there (renamed or"
                    + " moved)");
            return new ProxyResult(src, Status.RELINKED, e.proxies(), reasons, "");
        }
        reasons.add("up to date: same content as " + old + ", whose proxies it shares");
        return new ProxyResult(src, Status.UP_TO_DATE, e.proxies(), reasons, "");
    }

    /** Missing, folder, unreadable, empty: refused at once, with what to do. */
    static void refuseUnreadable(Path src) throws IOException {
        if (!Files.exists(src)) {
            throw new IOException(src + ": no such file. Check the path, or reconnect the drive it is on.");
        }
        if (!Files.isRegularFile(src)) {
            throw new IOException(src + ": not a regular file (a folder?); give media files or folders of them.");
        }
        if (!Files.isReadable(src)) {
            throw new IOException(src + ": cannot be read (permission denied); give this user read access to it.");
        }
        if (Files.size(src) == 0) {
            throw new IOException(src + ": is empty (0 bytes), probably an interrupted copy; copy it again from its"
                    + " source.");
        }
    }

    /** A job: done at once, or a task of the task system. */
    static final class Job implements ProxyJob {
        private final Path source;
        private final Optional<TaskId> task;
        private final CompletableFuture<ProxyResult> result;
        private final TaskService tasks;

        Job(Path source, Optional<TaskId> task, CompletableFuture<ProxyResult> result, TaskService tasks) {
            this.source = source;
            this.task = task;
            this.result = result;
            this.tasks = tasks;
        }

        static Job done(ProxyResult r) {
            return new Job(r.source(), Optional.empty(), CompletableFuture.completedFuture(r), null);
        }

        @Override
        public Path source() {
            return source;
        }

        @Override
        public Optional<TaskId> task() {
            return task;
        }

        @Override
        public CompletableFuture<ProxyResult> result() {
            return result;
        }

        @Override
        public void cancel(String reason) {
            if (tasks != null && task.isPresent()) {
                tasks.cancel(task.get(), reason);
            }
        }
    }
}
