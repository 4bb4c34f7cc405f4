package org.tsperf.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tsperf.api.media.MediaDecoder;
import org.tsperf.api.media.MediaInfo;
import org.tsperf.api.media.MediaProbe;
import org.tsperf.api.media.MediaTools;
import org.tsperf.api.tasks.TaskContext;
import org.tsperf.api.timeline.ExportRequest;
import org.tsperf.api.timeline.ExportResult;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.RenderProgress;
import org.tsperf.api.timeline.TimelinePictures;
import org.tsperf.api.timeline.TimelineRenderer;

/**
 * One export: the sound mixed into a temporary WAV, the pictures rendered at full size (on the YUV planes where the
 * project allows, else in RGBA) and piped to ffmpeg, which
 * writes a temporary file beside the output; that file is probed (frame count and duration) and only then renamed to
 * the output's name. The caller removes the temporaries when this throws.
 */
final class Exporter {

    private static final Logger LOG = Logger.getLogger(Exporter.class.getName());

    private final ExportRequest request;
    private final Temporaries temp;
    private final TaskContext ctx;
    private final Consumer<RenderProgress> listener;

    /** The temporary files of an export, in the output's folder, hidden, named after the task. */
    record Temporaries(Path video, Path audio) {
        static Temporaries of(Path output, String tag) {
            return new Temporaries(AsideFile.beside(output, "partial", tag),
                    AsideFile.beside(output, "audio", tag, "wav"));
        }

        void delete() throws IOException {
            Files.deleteIfExists(video);
            Files.deleteIfExists(audio);
        }
    }

    Exporter(ExportRequest request, Temporaries temp, TaskContext ctx, Consumer<RenderProgress> listener) {
        this.request = request;
        this.temp = temp;
        this.ctx = ctx;
        this.listener = listener;
    }

    ExportResult run() throws IOException, InterruptedException {
        long started = System.nanoTime();
        Project p = request.project();
        long total = request.out() - request.in();
        MediaDecoder decoder = DefaultTimelineRenderer.require(MediaDecoder.class, "Media Core");
        TimelineRenderer renderer = DefaultTimelineRenderer.require(TimelineRenderer.class, "Timeline Rendering");
        Path ffmpeg = DefaultTimelineRenderer.require(MediaTools.class, "Media Core").ffmpeg();
        Path dir = temp.video().getParent();
        if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new IOException(dir + ": the export's folder does not exist or cannot be written; choose another"
                    + " output file.");
        }
        try (TimelinePictures pictures = renderer.open(p, p.width(), p.height(), false)) {
            ctx.progress(0, total, "Mixing the sound");
            AudioMix.write(p, request.in(), request.out(), decoder, temp.audio(), ctx::isCancelled);
            if (!onPlanes(ffmpeg)) {
                try (ExportEncoder encoder = new ExportEncoder(ffmpeg, ExportCommands.export(request.format(),
                        p.width(), p.height(), p.rate(), temp.audio(), temp.video()), 4 * p.width() * p.height())) {
                    FrameFeed.encode(pictures, encoder, request.in(), request.out(), ctx::isCancelled, this::progress);
                }
            }
        }
        MediaProbe probe = probe();
        long frames = ExportCheck.frames(ExportCheck.read(probe, temp.video(), "the exported file"),
                "the exported file", total, "rendered", p.rate().fps());
        AsideFile.publish(temp.video(), request.output());
        Files.deleteIfExists(temp.audio());
        double seconds = (System.nanoTime() - started) / 1e9;
        double media = total / p.rate().fps();
        MediaInfo made = probe.probe(request.output());
        return new ExportResult(request.output(), frames, Math.round(made.durationSeconds() * 1e6), seconds,
                media / Math.max(1e-6, seconds));
    }

    private void progress(RenderProgress rp) {
        listener.accept(rp);
        ctx.progress(rp.framesDone(), rp.framesTotal(), message(rp));
    }

    /**
     * The export composited on the YUV planes ({@link PlaneFeed}) when the project allows; false when it does not, or
     * when a picture found part-way cannot be composited so (what was encoded is dropped: the caller exports in RGBA).
     */
    private boolean onPlanes(Path ffmpeg) throws IOException, InterruptedException {
        Project p = request.project();
        if (PlaneFeed.planes(p, DefaultTimelineRenderer.opener(p, p.width(), p.height(), false)).isEmpty()) {
            return false;
        }
        boolean whole = PlaneFeed.encode(p, request.in(), request.out(), ffmpeg, planes -> ExportCommands.exportPlanes(
                request.format(), p.width(), p.height(), p.rate(), planes, temp.audio(), temp.video()),
                ctx::isCancelled, this::progress);
        if (!whole) {
            LOG.log(Level.INFO, "export of {0}: a picture cannot be composited on the YUV planes; exporting in RGBA"
                    + " instead", p.name());
        }
        return whole;
    }

    static String message(RenderProgress p) {
        String s = String.format(Locale.ROOT, "Exporting: %d/%d frames, %.2fx real time", p.framesDone(),
                p.framesTotal(), p.realTimeSpeed());
        return p.etaSeconds() < 0 ? s : s + String.format(Locale.ROOT, ", ETA %.0f s", p.etaSeconds());
    }

    private static MediaProbe probe() {
        return DefaultTimelineRenderer.require(MediaProbe.class, "Media Core");
    }
}
