package org.tsperf.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openide.util.Lookup;
import org.tsperf.api.cluster.ClusterJobOptions;
import org.tsperf.api.cluster.ClusterPreviewResult;
import org.tsperf.api.cluster.PreviewChunkReport;
import org.tsperf.api.timeline.Clip;
import org.tsperf.api.timeline.PreviewChunk;
import org.tsperf.api.timeline.PreviewTransfer;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.TimelineService;
import org.tsperf.api.timeline.Track;

/**
 * A preview render on the cluster, run on the coordinator's thread: the chunks the coordinator's preview cache lacks
 * are handed out by a {@link Handout}, one chunk per task; each worker renders its chunk with the local preview's code
 * ({@link PreviewTransfer#renderInto}) into the job folder (beside the project's first clip source); this member
 * checks each file and stores it into its preview cache ({@link PreviewTransfer#adopt}).
 */
final class PreviewBatch extends ItemBatch {

    private static final Logger LOG = Logger.getLogger(PreviewBatch.class.getName());
    static final String FOLDER_PREFIX = ".tsperf-cluster-previews-";

    private final String projectJson;
    private final List<PreviewChunk> chunks;
    private final PreviewTransfer transfer;
    private final List<String> errors = new ArrayList<>();
    private final List<PreviewChunkReport> stored = new ArrayList<>();

    private PreviewBatch(CoordinatorSession session, String projectJson, List<PreviewChunk> chunks,
            PreviewTransfer transfer, String jobId, Path folder) {
        super(session, jobId, folder);
        this.projectJson = projectJson;
        this.chunks = chunks;
        this.transfer = transfer;
    }

    static ClusterPreviewResult run(CoordinatorSession session, Project project, ClusterJobOptions options,
            Consumer<String> progress) throws IOException, InterruptedException {
        PreviewTransfer transfer = transfer("cannot render previews on the cluster");
        List<PreviewChunk> chunks = transfer.pending(project);
        if (chunks.isEmpty()) {
            return new ClusterPreviewResult("", 0, 0, List.of(), List.of(), 0, 0);
        }
        Path first = null;
        for (Track track : project.tracks()) {
            for (Clip clip : track.clips()) {
                first = first == null ? clip.source().toAbsolutePath().normalize() : first;
            }
        }
        if (first == null || first.getParent() == null) {
            throw new IOException("cannot render the previews of " + project.name() + " on the cluster: it has no"
                    + " clip whose folder could hold the job folder");
        }
        TimelineService timelines = Lookup.getDefault().lookup(TimelineService.class);
        if (timelines == null) {
            throw new IOException("cannot render previews on the cluster: the Timeline module is not installed");
        }
        Path temp = Files.createTempFile("tsperf-cluster-previews-", ".json");
        String json;
        try {
            timelines.write(project, temp);
            json = Files.readString(temp, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(temp);
        }
        Canonical id = Canonical.of("tsperf-cluster-previews-v1").text(json);
        chunks.forEach(c -> id.text(c.fingerprint()));
        String jobId = Canonical.sha256(id.bytes()).substring(0, 16);
        Path folder = jobFolder(first.getParent(), FOLDER_PREFIX, jobId);
        PreviewBatch batch = new PreviewBatch(session, json, chunks, transfer, jobId, folder);
        Handout handout = batch.handOutAll(options, progress);
        return new ClusterPreviewResult(jobId, chunks.size(), batch.stored.size(), batch.errors,
                handout.failures(), handout.refused(), handout.resumed(), batch.stored);
    }

    /** Stores a chunk a worker rendered into this member's preview cache. */
    @Override
    void take(int index, SegmentResult r, int attempts, Consumer<String> progress) {
        PreviewChunk chunk = chunks.get(index);
        try {
            transfer.adopt(chunk, folder.resolve(r.fileName));
            stored.add(new PreviewChunkReport(index, chunk.index(), chunk.start(), chunk.end(), r.address, attempts,
                    r.micros / 1e6));
            progress.accept("preview chunk " + chunk.index() + " rendered by " + r.address
                    + " is in the preview cache");
        } catch (IOException ex) {
            LOG.log(Level.WARNING, "preview chunk " + chunk.index() + " rendered by " + r.address
                    + " cannot be taken into the cache", ex);
            errors.add("preview chunk " + chunk.index() + ", rendered by cluster member " + r.address
                    + ", cannot be taken into the preview cache: " + ex.getMessage());
        }
    }

    @Override
    void giveUp(int index, String why) {
        errors.add("preview chunk " + chunks.get(index).index() + " failed " + Handout.MAX_FAILURES
                + " times on the cluster: " + why);
    }

    /** Worker side: the task's chunk rendered into the job folder; returns the file. */
    static Path render(PreviewTask task, WorkerNode worker, Path jobFolder) throws Exception {
        TimelineService timelines = Lookup.getDefault().lookup(TimelineService.class);
        if (timelines == null) {
            throw new IOException("this worker cannot render previews: the Timeline module is not installed");
        }
        PreviewTransfer transfer = transfer("this worker cannot render previews");
        Project project = worker.project(task, task.projectJson, timelines);
        PreviewChunk chunk = transfer.chunk(project, task.fingerprint).orElseThrow(() -> new IOException(
                "this worker plans no preview chunk with fingerprint " + task.fingerprint + " for the project"
                + " (its renderer or preview settings differ from the coordinator's)"));
        worker.working(task, 0, chunk.end() - chunk.start());
        Path file = jobFolder.resolve(PreviewTask.fileName(task.index, task.nonce));
        transfer.renderInto(project, chunk, file);
        return file;
    }

    static PreviewTransfer transfer(String what) throws IOException {
        PreviewTransfer t = Lookup.getDefault().lookup(PreviewTransfer.class);
        if (t == null) {
            throw new IOException(what + ": the render module (PreviewTransfer) is not installed here");
        }
        return t;
    }

    @Override
    public int size() {
        return chunks.size();
    }

    @Override
    public String describe(int index) {
        PreviewChunk c = chunks.get(index);
        return "preview chunk " + c.index() + " (frames " + c.start() + "-" + c.end() + ")";
    }

    @Override
    public long frames(int index) {
        return chunks.get(index).end() - chunks.get(index).start();
    }

    @Override
    public WorkerTask task(int index, String nonce) {
        return PreviewTask.signed(session.secret(), session.settings().name(), jobId, index, projectJson,
                chunks.get(index).fingerprint(), folder, nonce, coordinator());
    }

    @Override
    public String sidecarName(int index) {
        return PreviewTask.sidecarName(index);
    }

    @Override
    public String checkFile(SegmentResult r, int index) {
        String prefix = String.format(Locale.ROOT, "preview-%05d-", index);
        return r.fileName.startsWith(prefix) && r.fileName.substring(prefix.length()).matches("[0-9a-f]{8}\\.mp4")
                ? null : "it names the file " + r.fileName + ", not a rendering of preview chunk " + index;
    }
}
