package org.tsperf.render;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openide.util.lookup.ServiceProvider;
import org.tsperf.api.cache.MultiLevelCache;
import org.tsperf.api.media.MediaProbe;
import org.tsperf.api.media.MediaTools;
import org.tsperf.api.tasks.TaskContext;
import org.tsperf.api.tasks.TaskHandler;
import org.tsperf.api.tasks.TaskId;
import org.tsperf.api.tasks.TaskSpec;
import org.tsperf.api.timeline.PreviewChunk;
import org.tsperf.api.timeline.TimelinePictures;
import org.tsperf.api.timeline.TimelineRenderer;

/**
 * Runs "render.preview" tasks: renders a job's chunks at preview size (from proxies where ready; composited on the YUV
 * planes where the pictures allow, {@link DraftPictures}) and stores each whole chunk in the frame cache as it is
 * done, so a crash loses at most the chunk in progress, which is never stored. A task found in the journal after a restart has no job (its project was in memory): it ends at once, and
 * the preview service queues what is still dirty when the project is tracked again.
 */
@ServiceProvider(service = TaskHandler.class)
public final class PreviewTaskHandler implements TaskHandler {

    static final String KIND = "render.preview";
    private static final Logger LOG = Logger.getLogger(PreviewTaskHandler.class.getName());

    private final Map<TaskId, PreviewJob> jobs = new ConcurrentHashMap<>();

    @Override
    public String kind() {
        return KIND;
    }

    void expect(TaskId id, PreviewJob job) {
        jobs.put(id, job);
    }

    void forget(TaskId id) {
        jobs.remove(id);
    }

    @Override
    public void run(TaskSpec spec, TaskContext ctx) throws Exception {
        PreviewJob job = jobs.get(spec.id());
        if (job == null) {
            LOG.log(Level.INFO, "preview task {0} from before a restart: nothing to do, the preview service queues"
                    + " dirty chunks again", spec.id());
            return;
        }
        MultiLevelCache cache = DefaultTimelineRenderer.require(MultiLevelCache.class, "Cache");
        TimelineRenderer renderer = DefaultTimelineRenderer.require(TimelineRenderer.class, "Timeline Rendering");
        MediaProbe probe = DefaultTimelineRenderer.require(MediaProbe.class, "Media Core");
        Path ffmpeg = DefaultTimelineRenderer.require(MediaTools.class, "Media Core").ffmpeg();
        PreviewFiles files = new PreviewFiles(PreviewFiles.defaultDirectory());
        long total = job.frames();
        long[] done = {0};
        long started = System.nanoTime();
        double fps = job.project.rate().fps();
        try (TimelinePictures pictures = renderer.open(job.project, job.width, job.height, true);
                DraftPictures draft = DraftPictures.effectsAllow(job.project) ? new DraftPictures(job.project,
                        job.width, job.height, DefaultTimelineRenderer.opener(job.project, job.width, job.height, true))
                        : null) {
            for (PreviewChunk chunk : job.chunks) {
                ctx.checkCancelled();
                if (job.background && ctx.userBusy()) {
                    LOG.log(Level.FINE, "the user is busy: preview rendering stops until the next idle moment");
                    return;
                }
                if (!job.wanted.test(chunk.fingerprint()) || cache.contains(ChunkEncoding.key(chunk))) {
                    done[0] += chunk.end() - chunk.start();
                    job.events.chunkEnded(chunk, cache.contains(ChunkEncoding.key(chunk))); // the state follows
                    continue;
                }
                job.events.chunkStarted(chunk);
                boolean stored = false;
                try {
                    byte[] bytes = ChunkEncoding.render(pictures, draft, chunk, ffmpeg, files, probe,
                            () -> !ctx.isCancelled() && job.wanted.test(chunk.fingerprint()), () -> {
                                done[0]++;
                                job.events.frameDone();
                                double speed = done[0] / fps / Math.max(1e-6, (System.nanoTime() - started) / 1e9);
                                ctx.progress(done[0], total, String.format(Locale.ROOT,
                                        "Preview: %d/%d frames, %.2fx real time", done[0], total, speed));
                            });
                    if (bytes != null) {
                        cache.put(ChunkEncoding.key(chunk), bytes);
                        stored = cache.contains(ChunkEncoding.key(chunk));
                        if (!stored) {
                            throw new IOException("the cache did not keep preview chunk " + chunk.index() + " ("
                                    + bytes.length + " bytes): its disk levels are full or too small");
                        }
                        job.stored.incrementAndGet();
                    }
                } finally {
                    job.events.chunkEnded(chunk, stored);
                }
            }
            ctx.checkCancelled();
        }
    }
}
