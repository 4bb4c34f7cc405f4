package org.tsperf.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.tsperf.api.cluster.ClusterExportResult;
import org.tsperf.api.cluster.ClusterJobOptions;
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
 * One export on the cluster, run on the coordinator's thread: its segments handed out by a {@link Handout}, the
 * sound mixed here meanwhile, and the segments joined at the end. The job's folder (beside the output) holds the
 * segments and their signed results, so a coordinator started again on the same export resumes from the segments
 * already done.
 */
final class ClusterJob implements WorkKind {

    static final String FOLDER_PREFIX = ".tsperf-cluster-";

    private final CoordinatorSession session;
    private final SegmentRenderService segments;
    private final ExportRequest request;
    private final String projectJson;
    private final String jobId;
    private final Path folder;
    private final List<ExportSegment> plan;
    private final Handout handout;
    private volatile RenderProgress progressView;

    private ClusterJob(CoordinatorSession session, SegmentRenderService segments, ExportRequest request,
            ClusterJobOptions options, String projectJson, String jobId, Path folder, List<ExportSegment> plan) {
        this.session = session;
        this.segments = segments;
        this.request = request;
        this.projectJson = projectJson;
        this.jobId = jobId;
        this.folder = folder;
        this.plan = plan;
        this.handout = new Handout(session, this, jobId, folder, options);
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
        try {
            handout.run(() -> progress.accept(updateProgress(started)), said -> { });
            try {
                mix.get();
            } catch (ExecutionException ex) {
                Throwable c = ex.getCause();
                throw new IOException("mixing the sound failed: " + c.getMessage(), c);
            }
            List<Path> files = new ArrayList<>();
            List<SegmentReport> reports = new ArrayList<>();
            for (ExportSegment s : plan) {
                SegmentResult r = handout.done().get(s.index());
                files.add(folder.resolve(r.fileName));
                reports.add(new SegmentReport(s.index(), s.in(), s.out(), r.address, handout.attempts(s.index()),
                        r.micros / 1e6));
            }
            progress.accept(updateProgress(started));
            ExportResult joined = segments.join(request, files, sound);
            double seconds = (System.nanoTime() - started) / 1e9;
            ExportResult result = new ExportResult(joined.file(), joined.frames(), joined.durationMicros(), seconds,
                    joined.durationMicros() / 1e6 / Math.max(seconds, 1e-9));
            JobFolders.delete(folder);
            return new ClusterExportResult(result, jobId, reports, handout.failures(), handout.refused(),
                    handout.resumed());
        } finally {
            stopMixing.set(true);
        }
    }

    @Override
    public int size() {
        return plan.size();
    }

    @Override
    public String describe(int index) {
        ExportSegment s = plan.get(index);
        return "segment " + s.index() + " (frames " + s.in() + "-" + s.out() + ")";
    }

    @Override
    public long frames(int index) {
        return plan.get(index).frames();
    }

    @Override
    public WorkerTask task(int index, String nonce) {
        ExportSegment s = plan.get(index);
        return SegmentTask.signed(session.secret(), session.settings().name(), jobId, s.index(), s.in(), s.out(),
                request.in(), request.out(), request.format().cliName(), projectJson, folder.toString(), nonce,
                WorkerNode.address(session.instance().getCluster().getLocalMember()));
    }

    @Override
    public String sidecarName(int index) {
        return SegmentTask.sidecarName(index);
    }

    @Override
    public String checkFile(SegmentResult r, int index) {
        ExportFormat format = request.format();
        String expected = SegmentTask.fileName(index, format);
        return r.fileName.equals(expected) ? null : "it names the file " + r.fileName + ", not " + expected;
    }

    @Override
    public boolean failsJob() {
        return true;
    }

    private RenderProgress updateProgress(long started) {
        long total = request.out() - request.in();
        long frames = 0;
        for (Map.Entry<Integer, SegmentResult> e : handout.done().entrySet()) {
            frames += plan.get(e.getKey()).frames();
        }
        for (SegmentInFlight s : handout.inFlight()) {
            frames += s.framesDone();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double speed = seconds <= 0 ? 0 : frames / request.project().rate().fps() / seconds;
        double fps = seconds <= 0 ? 0 : frames / seconds;
        RenderProgress p = new RenderProgress(frames, total, speed, fps <= 0 ? -1 : (total - frames) / fps);
        progressView = p;
        return p;
    }

    List<SegmentInFlight> inFlight() {
        return handout.inFlightView();
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
}
