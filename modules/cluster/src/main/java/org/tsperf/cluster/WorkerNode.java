package org.tsperf.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.map.IMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openide.util.Lookup;
import org.tsperf.api.cluster.ClusterSettings;
import org.tsperf.api.cluster.ClusterStatus;
import org.tsperf.api.cluster.ClusterWorker;
import org.tsperf.api.cluster.MemberStatus;
import org.tsperf.api.cluster.SegmentInFlight;
import org.tsperf.api.timeline.Clip;
import org.tsperf.api.timeline.ExportFormat;
import org.tsperf.api.timeline.ExportRequest;
import org.tsperf.api.timeline.ExportSegment;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.ProjectFileException;
import org.tsperf.api.timeline.SegmentRenderService;
import org.tsperf.api.timeline.TimelineService;
import org.tsperf.api.timeline.Track;

/**
 * A headless worker: a Hazelcast member that renders the segments handed to it, one at a time. Before a task runs,
 * its signature must verify with the shared secret and every path it names must lie under the media roots; the
 * segment is written into the job's folder only, under a name the worker chooses, and its signed result is kept
 * beside it.
 */
final class WorkerNode implements ClusterWorker, RunningMembers.Member {

    static final String CONTEXT_KEY = "tsperf.worker";
    private static final Logger LOG = Logger.getLogger(WorkerNode.class.getName());
    /** How often the load is published for the monitor, seconds. */
    private static final long LOAD_SECONDS = 2;

    private final ClusterSettings settings;
    private final Secret secret;
    private final MediaRoots roots;
    private final UnaryOperator<SegmentResult> resultFilter;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final ScheduledExecutorService publisher;
    private volatile boolean closing;
    /** The segment being rendered and its frames done, for the monitor; null between segments. */
    private volatile SegmentInFlight current;
    private HazelcastInstance hz;
    private String uuid;
    private String address;

    private WorkerNode(ClusterSettings settings, Secret secret, MediaRoots roots,
            UnaryOperator<SegmentResult> resultFilter) {
        this.settings = settings;
        this.secret = secret;
        this.roots = roots;
        this.resultFilter = resultFilter;
        this.publisher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tsperf-cluster-load");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts a worker; {@code resultFilter} sees each signed result before it leaves (the identity, except in tests
     * that play a member whose results are forged).
     */
    static WorkerNode start(ClusterSettings settings, UnaryOperator<SegmentResult> resultFilter) throws IOException {
        Secret secret = Secret.read(settings.secretFile());
        MediaRoots roots = MediaRoots.of(settings.mediaRoots());
        WorkerNode node = new WorkerNode(settings, secret, roots, resultFilter);
        try {
            node.hz = Hazelcast.newHazelcastInstance(HazelcastConfigs.config(settings, "worker", false,
                    Map.of(CONTEXT_KEY, node)));
        } catch (RuntimeException ex) {
            node.publisher.shutdownNow();
            throw new IOException("cannot start a worker of cluster " + settings.name() + " on " + settings.bind()
                    + ":" + settings.port() + ": " + ex.getMessage(), ex);
        }
        Member local = node.hz.getCluster().getLocalMember();
        node.uuid = local.getUuid().toString();
        node.address = address(local);
        node.hz.getLifecycleService().addLifecycleListener(e -> {
            if (e.getState() == LifecycleEvent.LifecycleState.SHUTDOWN) {
                node.stopped.countDown();
            }
        });
        node.publisher.scheduleWithFixedDelay(node::publishLoad, 0, LOAD_SECONDS, TimeUnit.SECONDS);
        LOG.log(Level.INFO, "worker {0} joined cluster {1}; media roots {2}", new Object[] {node.address,
            settings.name(), roots.roots()});
        return node;
    }

    static String address(Member m) {
        return m.getAddress().getHost() + ":" + m.getAddress().getPort();
    }

    String attest(String cluster, String nonce) {
        if (!settings.name().equals(cluster)) {
            return "";
        }
        return Base64.getEncoder().encodeToString(secret.mac(AttestTask.content(cluster, nonce, uuid)));
    }

    /** Runs a task on the worker of this Hazelcast member; a member that is no worker says so, unsigned. */
    static SegmentResult runOn(HazelcastInstance instance, WorkerTask task) {
        Object context = instance == null ? null : instance.getUserContext().get(CONTEXT_KEY);
        if (context instanceof WorkerNode worker) {
            return worker.run(task);
        }
        return SegmentResult.unsigned(task.jobId, task.index, task.nonce, "this member is not a worker");
    }

    /** Runs one task: checks, does the work, signs. Never throws: a failure is a (signed) failed result. */
    SegmentResult run(WorkerTask task) {
        if (!secret.verifies(task.content(), task.mac)) {
            LOG.log(Level.WARNING, "refused {0} from {1}: its signature does not verify with this worker''s secret"
                    + " (a member without the secret, or a task changed on the way)", new Object[] {task,
                        task.coordinator});
            return fail(task, "refused: the task's signature does not verify with this worker's secret");
        }
        if (!settings.name().equals(task.cluster)) {
            return fail(task, "refused: the task is for cluster " + task.cluster + ", this worker is in "
                    + settings.name());
        }
        running.incrementAndGet();
        long start = System.nanoTime();
        try {
            Path jobFolder = checkedJobFolder(task);
            working(task, 0, 0);
            Path file = task.perform(this, jobFolder);
            if (!Files.isRegularFile(file)) {
                return fail(task, "the work left no file");
            }
            SegmentResult result = new SegmentResult(task.jobId, task.index, task.nonce, uuid, address, true,
                    "", file.getFileName().toString(), Files.size(file), sha256(file),
                    (System.nanoTime() - start) / 1000, null).signedWith(secret);
            writeSidecar(jobFolder.resolve(task.sidecarName()), result);
            done.incrementAndGet();
            LOG.log(Level.INFO, "made {0} into {1}", new Object[] {task, file});
            return resultFilter.apply(result);
        } catch (SecurityException ex) {
            LOG.log(Level.WARNING, "refused {0}: {1}", new Object[] {task, ex.getMessage()});
            return fail(task, ex.getMessage());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return fail(task, "the worker " + address + " was stopped while working on it");
        } catch (ProjectFileException ex) {
            LOG.log(Level.WARNING, "could not read the project of " + task, ex);
            return fail(task, "the project the task carries cannot be read: " + ex.getMessage());
        } catch (Exception ex) {
            LOG.log(Level.WARNING, "could not do " + task, ex);
            return fail(task, ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage());
        } finally {
            current = null;
            forget(task);
            running.decrementAndGet();
        }
    }

    /**
     * Says what this worker works on: for the monitor here ({@link #clusterStatus}) and, through the progress map,
     * for every coordinator's {@code status()} ({@code cluster status}, the monitor where a batch is coordinated).
     */
    void working(WorkerTask task, long framesDone, long frames) {
        current = new SegmentInFlight(task.jobId, task.index, address, framesDone, frames, task.kind());
        try {
            hz.<String, String>getMap(HazelcastConfigs.PROGRESS_MAP).set(task.jobId + "/" + task.index,
                    framesDone + " " + frames + " " + address + " " + task.kind());
        } catch (RuntimeException ex) {
            LOG.log(Level.FINE, "cannot publish the progress of " + task, ex);
        }
    }

    /** The task's entry in the progress map removed (done or failed). */
    private void forget(WorkerTask task) {
        try {
            if (hz.getLifecycleService().isRunning()) {
                hz.<String, String>getMap(HazelcastConfigs.PROGRESS_MAP).delete(task.jobId + "/" + task.index);
            }
        } catch (RuntimeException ex) {
            LOG.log(Level.FINE, "cannot remove the progress of " + task, ex);
        }
    }

    /** Renders a segment into the job folder, under the name this worker gives it. */
    Path renderSegment(SegmentTask task, Path jobFolder) throws IOException, InterruptedException,
            ProjectFileException {
        TimelineService timelines = Lookup.getDefault().lookup(TimelineService.class);
        SegmentRenderService segments = Lookup.getDefault().lookup(SegmentRenderService.class);
        if (timelines == null || segments == null) {
            throw new IOException("this worker cannot render: the " + (timelines == null ? "timeline" : "render")
                    + " module is not installed");
        }
        String progressKey = task.jobId + "/" + task.index;
        ExportFormat format = ExportFormat.fromCliName(task.format);
        Project project = project(task, task.projectJson, timelines);
        Path file = jobFolder.resolve(SegmentTask.fileName(task.index, format));
        ExportRequest request = new ExportRequest(project, jobFolder.resolve("joined." + format.extension()),
                format, task.jobIn, task.jobOut);
        ExportSegment segment = new ExportSegment(task.index, task.in, task.out);
        IMap<String, String> progress = hz.getMap(HazelcastConfigs.PROGRESS_MAP);
        long[] lastPut = {0};
        current = new SegmentInFlight(task.jobId, task.index, address, 0, segment.frames());
        segments.renderSegment(request, segment, file, () -> closing, rp -> {
            current = new SegmentInFlight(task.jobId, task.index, address, rp.framesDone(), segment.frames());
            long now = System.nanoTime();
            if (now - lastPut[0] > 500_000_000L) {
                lastPut[0] = now;
                progress.setAsync(progressKey, rp.framesDone() + " " + segment.frames() + " " + address + " "
                        + task.kind());
            }
        });
        progress.removeAsync(progressKey);
        return file;
    }

    /**
     * The project a task carries, read with the timeline module; every clip's source must lie under the media roots.
     *
     * @throws SecurityException a source outside them
     */
    Project project(WorkerTask task, String projectJson, TimelineService timelines) throws IOException,
            ProjectFileException {
        Path projectFile = Files.createTempFile("tsperf-cluster-" + task.jobId + "-", ".json");
        try {
            Files.writeString(projectFile, projectJson, StandardCharsets.UTF_8);
            Project project = timelines.read(projectFile);
            for (Track track : project.tracks()) {
                for (Clip clip : track.clips()) {
                    roots.inside(clip.source(), "the source of clip " + clip.id());
                }
            }
            return project;
        } finally {
            Files.deleteIfExists(projectFile);
        }
    }

    /** This worker's media roots: a task's paths must lie under them. */
    MediaRoots roots() {
        return roots;
    }

    /** Whether the worker is closing (work in progress stops). */
    boolean closing() {
        return closing;
    }

    /** The job folder: an existing folder under a media root, named for the task's job. */
    private Path checkedJobFolder(WorkerTask task) throws IOException {
        Path folder = roots.inside(Path.of(task.jobFolder), "the job folder");
        if (!Files.isDirectory(folder) || !folder.getFileName().toString().endsWith("-" + task.jobId)) {
            throw new SecurityException("the job folder " + task.jobFolder + " is not the folder of job "
                    + task.jobId + ": refused");
        }
        return folder;
    }

    /** The signed result beside the work, written aside and renamed: a restarted coordinator finds it whole. */
    private static void writeSidecar(Path target, SegmentResult result) throws IOException {
        StringWriter text = new StringWriter();
        result.store(text);
        JobFolders.writeAtomically(target, text.toString());
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                d.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", ex);
        }
    }

    private SegmentResult fail(WorkerTask task, String reason) {
        return resultFilter.apply(new SegmentResult(task.jobId, task.index, task.nonce, uuid, address, false,
                reason, "", 0, "", 0, null).signedWith(secret));
    }

    private void publishLoad() {
        try {
            if (hz.getLifecycleService().isRunning()) {
                hz.<String, String>getMap(HazelcastConfigs.MEMBERS_MAP).setAsync(uuid, String.format(Locale.ROOT,
                        "%.1f %d %d", cpuPercent(), running.get(), done.get()));
            }
        } catch (RuntimeException ex) {
            LOG.log(Level.FINE, "cannot publish the load", ex);
        }
    }

    static double cpuPercent() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            double load = os.getCpuLoad();
            return load < 0 ? -1 : load * 100;
        }
        return -1;
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public MemberStatus status() {
        return new MemberStatus(address, "worker", cpuPercent(), running.get(), done.get());
    }

    @Override
    public boolean isRunning() {
        return hz.getLifecycleService().isRunning();
    }

    /**
     * The cluster seen from here: this worker with its load, the other members with the role their kind tells
     * (a worker checks no other member's secret), and the segment this worker renders.
     */
    @Override
    public ClusterStatus clusterStatus() {
        List<MemberStatus> members = new ArrayList<>();
        for (Member m : hz.getCluster().getMembers()) {
            members.add(m.localMember() ? status() : new MemberStatus(address(m), m.isLiteMember() ? "coordinator"
                    : "member", -1, 0, 0));
        }
        SegmentInFlight segment = current;
        return new ClusterStatus(settings.name(), members, segment == null ? List.of() : List.of(segment), 0, 0);
    }

    @Override
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        closing = true;
        publisher.shutdownNow();
        try {
            hz.shutdown();
        } finally {
            stopped.countDown();
        }
    }
}
