package org.tsperf.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.ExecutionCallback;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.core.MemberLeftException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tsperf.api.cluster.ClusterExportResult;
import org.tsperf.api.cluster.ClusterJobOptions;
import org.tsperf.api.cluster.MemberFailure;
import org.tsperf.api.cluster.SegmentInFlight;
import org.tsperf.api.cluster.SegmentReport;
import org.tsperf.api.timeline.ExportFormat;
import org.tsperf.api.timeline.ExportRequest;
import org.tsperf.api.timeline.ExportResult;
import org.tsperf.api.timeline.ExportSegment;
import org.tsperf.api.timeline.RenderProgress;
import org.tsperf.api.timeline.SegmentRenderService;
import org.tsperf.api.timeline.TimelineService;

/**
 * One export on the cluster, run on the coordinator's thread: segments handed to the trusted workers one at a time
 * each, results verified (signature, attempt, file checksum), failures re-run on another worker, the sound mixed here
 * meanwhile, and the segments joined at the end. The job's folder (beside the output) holds the segments and their
 * signed results, so a coordinator started again on the same export resumes from the segments already done.
 */
final class ClusterJob {

    private static final Logger LOG = Logger.getLogger(ClusterJob.class.getName());
    /** A segment that failed this many times (on as many different workers as there are, up to this) fails the job. */
    static final int MAX_FAILURES = 3;
    private static final String FOLDER_PREFIX = ".tsperf-cluster-";

    private final CoordinatorSession session;
    private final SegmentRenderService segments;
    private final ExportRequest request;
    private final ClusterJobOptions options;
    private final String projectJson;
    private final String jobId;
    private final Path folder;
    private final List<ExportSegment> plan;
    private final BlockingQueue<Runnable> events = new LinkedBlockingQueue<>();
    private final Map<Integer, SegmentReport> done = new TreeMap<>();
    private final Map<Integer, SegmentResult> doneResults = new HashMap<>();
    private final Deque<Integer> pending = new ArrayDeque<>();
    /** Attempt nonce to attempt, while running; late answers of abandoned attempts are still welcome. */
    private final Map<String, Attempt> attempts = new HashMap<>();
    private final Map<String, Attempt> abandoned = new HashMap<>();
    private final Map<Integer, List<MemberFailure>> failuresBySegment = new HashMap<>();
    private final List<MemberFailure> failures = new ArrayList<>();
    private final Map<Integer, Integer> handedOut = new HashMap<>();
    private volatile List<SegmentInFlight> inFlightView = List.of();
    private volatile RenderProgress progressView;
    private int refused;
    private int resumed;

    private record Attempt(int index, String nonce, Member member, String address, long deadlineNanos) {
    }

    private ClusterJob(CoordinatorSession session, SegmentRenderService segments, ExportRequest request,
            ClusterJobOptions options, String projectJson, String jobId, Path folder, List<ExportSegment> plan) {
        this.session = session;
        this.segments = segments;
        this.request = request;
        this.options = options;
        this.projectJson = projectJson;
        this.jobId = jobId;
        this.folder = folder;
        this.plan = plan;
    }

    static ClusterJob prepare(CoordinatorSession session, SegmentRenderService segments, TimelineService timelines,
            ExportRequest request, ClusterJobOptions options) throws IOException {
        Path output = request.output().toAbsolutePath().normalize();
        Path parent = output.getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, "." + output.getFileName() + ".project-", ".json");
        String json;
        try {
            timelines.write(request.project(), temp);
            json = Files.readString(temp, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(temp);
        }
        String jobId = Canonical.sha256(Canonical.of("tsperf-cluster-job-v1").text(json)
                .text(request.format().cliName()).number(request.in()).number(request.out())
                .number(options.framesPerSegment()).text(output.toString()).bytes()).substring(0, 16);
        Path folder = parent.resolve(FOLDER_PREFIX + output.getFileName() + "-" + jobId);
        Files.createDirectories(folder);
        List<ExportSegment> plan = List.copyOf(segments.plan(request, options.framesPerSegment()));
        if (plan.isEmpty()) {
            throw new IOException("the render module planned no segments for frames " + request.in() + "-"
                    + request.out());
        }
        return new ClusterJob(session, segments, request, options, json, jobId, folder, plan);
    }

    ClusterExportResult run(Consumer<RenderProgress> progress) throws IOException, InterruptedException {
        long started = System.nanoTime();
        resume();
        for (ExportSegment s : plan) {
            if (!done.containsKey(s.index())) {
                pending.add(s.index());
            }
        }
        Path sound = folder.resolve("sound.wav");
        AtomicBoolean stopMixing = new AtomicBoolean();
        CompletableFuture<Void> mix = CompletableFuture.runAsync(() -> {
            try {
                if (!Files.isRegularFile(sound)) {
                    segments.mixSound(request, sound, stopMixing::get);
                }
            } catch (IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        });
        Consumer<String> memberLeft = id -> events.add(() -> { });
        session.onMemberLeft(memberLeft);
        long workerWaitStart = System.nanoTime();
        long lastProgress = 0;
        try {
            while (done.size() < plan.size()) {
                List<Member> workers = session.trustedWorkers();
                if (workers.isEmpty() && attempts.isEmpty()) {
                    if (System.nanoTime() - workerWaitStart > options.workerWait().toNanos()) {
                        List<String> untrusted = session.untrustedMembers();
                        throw new IOException("no worker holding the shared secret is in cluster "
                                + session.settings().name() + " (waited " + options.workerWait().toSeconds()
                                + " s)" + (untrusted.isEmpty() ? "" : "; members refused for not proving they hold"
                                + " the secret: " + untrusted) + ". Start workers with './tsperf worker --cluster "
                                + session.settings().name() + " --member HOST:PORT --media-root DIR --secret-file"
                                + " FILE' and the same secret file.");
                    }
                } else {
                    workerWaitStart = System.nanoTime();
                }
                dispatch(workers);
                Runnable event = events.poll(200, TimeUnit.MILLISECONDS);
                while (event != null) {
                    event.run();
                    event = events.poll();
                }
                checkDeadlines();
                long now = System.nanoTime();
                if (now - lastProgress > 500_000_000L) {
                    lastProgress = now;
                    progress.accept(updateProgress(started));
                }
            }
            try {
                mix.get();
            } catch (ExecutionException ex) {
                Throwable c = ex.getCause();
                throw new IOException("mixing the sound failed: " + c.getMessage(), c);
            }
            List<Path> files = new ArrayList<>();
            for (ExportSegment s : plan) {
                files.add(folder.resolve(doneResults.get(s.index()).fileName));
            }
            progress.accept(updateProgress(started));
            ExportResult joined = segments.join(request, files, sound);
            double seconds = (System.nanoTime() - started) / 1e9;
            ExportResult result = new ExportResult(joined.file(), joined.frames(), joined.durationMicros(), seconds,
                    joined.durationMicros() / 1e6 / Math.max(seconds, 1e-9));
            deleteFolder();
            return new ClusterExportResult(result, jobId, new ArrayList<>(done.values()), failures, refused,
                    resumed);
        } finally {
            session.removeMemberLeft(memberLeft);
            stopMixing.set(true);
            inFlightView = List.of();
        }
    }

    /** Segments whose signed results lie in the job folder and whose files still match them: not rendered again. */
    private void resume() {
        for (ExportSegment s : plan) {
            Path sidecar = folder.resolve(WorkerNode.sidecarName(s.index()));
            if (!Files.isRegularFile(sidecar)) {
                continue;
            }
            try (Reader r = Files.newBufferedReader(sidecar, StandardCharsets.ISO_8859_1)) {
                SegmentResult result = SegmentResult.load(r);
                String problem = check(result, s.index());
                if (problem == null) {
                    accept(s, result, true, 0);
                    resumed++;
                } else {
                    LOG.log(Level.WARNING, "segment {0} of job {1} found in {2} is not used: {3}",
                            new Object[] {s.index(), jobId, folder, problem});
                }
            } catch (IOException ex) {
                LOG.log(Level.WARNING, "the result of segment " + s.index() + " in " + folder + " is unreadable;"
                        + " the segment is rendered again", ex);
            }
        }
    }

    /** Why a done result is not acceptable, or null: signature, job, segment, file and checksum. */
    private String check(SegmentResult r, int index) {
        if (!r.verifies(session.secret())) {
            return "its signature does not verify with the shared secret (forged, or changed on the way)";
        }
        if (!r.jobId.equals(jobId) || r.index != index) {
            return "it is the result of segment " + r.index + " of job " + r.jobId + ", not of segment " + index
                    + " of job " + jobId;
        }
        if (!r.ok) {
            return r.reason;
        }
        ExportFormat format = request.format();
        if (!r.fileName.equals(WorkerNode.segmentFileName(index, format))) {
            return "it names the file " + r.fileName + ", not " + WorkerNode.segmentFileName(index, format);
        }
        Path file = folder.resolve(r.fileName);
        try {
            if (!Files.isRegularFile(file) || Files.size(file) != r.size || !WorkerNode.sha256(file).equals(r.sha256)) {
                return "the file " + file + " is not the one the worker described (size or SHA-256 differ)";
            }
        } catch (IOException ex) {
            return "the file " + file + " cannot be read: " + ex.getMessage();
        }
        return null;
    }

    private void accept(ExportSegment s, SegmentResult r, boolean wasResumed, int attemptsMade) {
        if (!wasResumed) {
            session.forgetProgress(jobId + "/" + s.index());
        }
        done.put(s.index(), new SegmentReport(s.index(), s.in(), s.out(), r.address, attemptsMade, r.micros / 1e6));
        doneResults.put(s.index(), r);
        if (wasResumed) {
            LOG.log(Level.INFO, "segment {0} of job {1} was done before (by {2}): resumed", new Object[] {s.index(),
                jobId, r.address});
        }
    }

    private void dispatch(List<Member> workers) {
        if (pending.isEmpty()) {
            return;
        }
        Set<String> busy = new HashSet<>();
        for (Attempt a : attempts.values()) {
            busy.add(a.member.getUuid().toString());
        }
        for (Attempt a : abandoned.values()) {
            busy.add(a.member.getUuid().toString()); // still rendering, as far as we know
        }
        List<Member> idle = new ArrayList<>();
        for (Member m : workers) {
            if (!busy.contains(m.getUuid().toString())) {
                idle.add(m);
            }
        }
        for (Member m : idle) {
            Integer index = pick(m, workers);
            if (index == null) {
                continue;
            }
            pending.remove(index);
            handOut(plan.get(index), m);
        }
    }

    /**
     * The first pending segment that has not failed on this member; one that failed here only when it failed on every
     * trusted worker (so that a cluster of fewer than three workers still reaches the third failure and stops).
     */
    private Integer pick(Member m, List<Member> workers) {
        String address = WorkerNode.address(m);
        for (Integer index : pending) {
            List<MemberFailure> failed = failuresBySegment.getOrDefault(index, List.of());
            boolean failedHere = failed.stream().anyMatch(f -> f.member().equals(address));
            boolean untriedElsewhere = workers.stream().map(WorkerNode::address)
                    .anyMatch(a -> failed.stream().noneMatch(f -> f.member().equals(a)));
            if (!failedHere || !untriedElsewhere) {
                return index;
            }
        }
        return null;
    }

    private void handOut(ExportSegment s, Member m) {
        String nonce = CoordinatorSession.nonce();
        String address = WorkerNode.address(m);
        SegmentTask task = SegmentTask.signed(session.secret(), session.settings().name(), jobId, s.index(), s.in(),
                s.out(), request.in(), request.out(), request.format().cliName(), projectJson, folder.toString(),
                nonce, WorkerNode.address(session.instance().getCluster().getLocalMember()));
        Attempt attempt = new Attempt(s.index(), nonce, m, address,
                System.nanoTime() + options.segmentTimeout().toNanos());
        attempts.put(nonce, attempt);
        handedOut.merge(s.index(), 1, Integer::sum);
        LOG.log(Level.INFO, "segment {0} (frames {1}-{2}) of job {3} to {4}", new Object[] {s.index(), s.in(),
            s.out(), jobId, address});
        refreshInFlight();
        IExecutorService executor = session.instance().getExecutorService(HazelcastConfigs.EXECUTOR);
        try {
            executor.submitToMember(task, m, new ExecutionCallback<SegmentResult>() {
                @Override
                public void onResponse(SegmentResult response) {
                    events.add(() -> answered(nonce, response));
                }

                @Override
                public void onFailure(Throwable t) {
                    events.add(() -> lost(nonce, t));
                }
            });
        } catch (RuntimeException ex) {
            events.add(() -> lost(nonce, ex));
        }
    }

    private void answered(String nonce, SegmentResult r) {
        Attempt a = attempts.remove(nonce);
        boolean late = false;
        if (a == null) {
            a = abandoned.remove(nonce);
            late = true;
        }
        refreshInFlight();
        if (a == null) {
            LOG.log(Level.WARNING, "an answer for an attempt this job did not make ({0}) is ignored", r);
            return;
        }
        ExportSegment s = plan.get(a.index);
        if (done.containsKey(a.index)) {
            return; // a late answer of a segment done elsewhere meanwhile
        }
        if (!r.nonce.equals(nonce) || !r.member.equals(a.member.getUuid().toString())) {
            refused++;
            failed(a, s, "its result was refused: it answers another attempt or comes from another member", late);
            return;
        }
        String problem = check(r, a.index);
        if (problem == null) {
            accept(s, r, false, handedOut.getOrDefault(a.index, 1));
            pending.remove(a.index);
            LOG.log(Level.INFO, "segment {0} of job {1} done by {2}", new Object[] {a.index, jobId, a.address});
            return;
        }
        if (r.ok || !r.verifies(session.secret())) {
            refused++;
            LOG.log(Level.WARNING, "refused the result of segment {0} from {1}: {2}", new Object[] {a.index,
                a.address, problem});
            failed(a, s, "its result was refused: " + problem, late);
        } else {
            failed(a, s, r.reason, late);
        }
    }

    private void lost(String nonce, Throwable t) {
        Attempt a = attempts.remove(nonce);
        boolean late = false;
        if (a == null) {
            a = abandoned.remove(nonce);
            late = true;
        }
        refreshInFlight();
        if (a == null || done.containsKey(a.index)) {
            return;
        }
        Throwable cause = t instanceof ExecutionException && t.getCause() != null ? t.getCause() : t;
        String reason = cause instanceof MemberLeftException
                ? "the member left the cluster (killed, stopped or disconnected) while rendering it"
                : "the member could not run it: " + cause;
        failed(a, plan.get(a.index), reason, late);
    }

    private void checkDeadlines() throws IOException {
        long now = System.nanoTime();
        for (Attempt a : new ArrayList<>(attempts.values())) {
            if (now - a.deadlineNanos > 0) {
                attempts.remove(a.nonce);
                abandoned.put(a.nonce, a);
                refreshInFlight();
                failed(a, plan.get(a.index), "it stopped answering: not done within "
                        + options.segmentTimeout().toSeconds() + " s", false);
            }
        }
        for (MemberFailure f : failures) {
            if (failuresBySegment.getOrDefault(f.segment(), List.of()).size() >= MAX_FAILURES
                    && !done.containsKey(f.segment())) {
                ExportSegment s = plan.get(f.segment());
                StringBuilder why = new StringBuilder();
                for (MemberFailure g : failuresBySegment.get(f.segment())) {
                    why.append(why.length() == 0 ? "" : "; ").append(g.member()).append(": ").append(g.reason());
                }
                throw new IOException(String.format(Locale.ROOT, "segment %d (frames %d-%d) failed %d times, on"
                        + " different workers where there were enough, so the export fails: %s. The segments done are"
                        + " kept in %s for a later run.", s.index(), s.in(), s.out(), MAX_FAILURES, why, folder));
            }
        }
    }

    private void failed(Attempt a, ExportSegment s, String reason, boolean late) {
        if (late || done.containsKey(a.index)) {
            return; // already counted when it was abandoned, or done elsewhere
        }
        session.forgetProgress(jobId + "/" + a.index);
        MemberFailure f = new MemberFailure(a.address, a.index, reason);
        failures.add(f);
        failuresBySegment.computeIfAbsent(a.index, k -> new ArrayList<>()).add(f);
        LOG.log(Level.WARNING, "segment {0} (frames {1}-{2}) of job {3} failed on member {4}: {5}; it is run"
                + " again elsewhere", new Object[] {s.index(), s.in(), s.out(), jobId, a.address, reason});
        if (!pending.contains(a.index)) {
            pending.addFirst(a.index);
        }
    }

    private void refreshInFlight() {
        List<SegmentInFlight> list = new ArrayList<>();
        for (Attempt a : attempts.values()) {
            ExportSegment s = plan.get(a.index);
            list.add(new SegmentInFlight(jobId, a.index, a.address, 0, s.frames()));
        }
        list.sort((x, y) -> Integer.compare(x.index(), y.index()));
        inFlightView = Collections.unmodifiableList(list);
    }

    private RenderProgress updateProgress(long started) {
        long total = request.out() - request.in();
        long frames = 0;
        for (SegmentReport r : done.values()) {
            frames += r.out() - r.in();
        }
        List<SegmentInFlight> list = new ArrayList<>();
        for (Attempt a : attempts.values()) {
            ExportSegment s = plan.get(a.index);
            long f = 0;
            String v = session.liveProgress(jobId + "/" + a.index);
            if (v != null) {
                try {
                    f = Math.min(s.frames(), Long.parseLong(v.split(" ")[0]));
                } catch (NumberFormatException ex) {
                    LOG.log(Level.FINE, "unreadable progress " + v, ex);
                }
            }
            frames += f;
            list.add(new SegmentInFlight(jobId, a.index, a.address, f, s.frames()));
        }
        list.sort((x, y) -> Integer.compare(x.index(), y.index()));
        inFlightView = Collections.unmodifiableList(list);
        double seconds = (System.nanoTime() - started) / 1e9;
        double speed = seconds <= 0 ? 0 : frames / request.project().rate().fps() / seconds;
        double fps = seconds <= 0 ? 0 : frames / seconds;
        RenderProgress p = new RenderProgress(frames, total, speed, fps <= 0 ? -1 : (total - frames) / fps);
        progressView = p;
        return p;
    }

    List<SegmentInFlight> inFlight() {
        return inFlightView;
    }

    RenderProgress progress() {
        return progressView;
    }

    String jobId() {
        return jobId;
    }

    Path folder() {
        return folder;
    }

    /** Segment reports by index, for the command line's JSON. */
    Map<Integer, SegmentReport> doneSegments() {
        return new LinkedHashMap<>(done);
    }

    private void deleteFolder() {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(folder);
        } catch (IOException ex) {
            LOG.log(Level.WARNING, "the job folder " + folder + " could not be removed; delete it by hand", ex);
        }
    }
}
