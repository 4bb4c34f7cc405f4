package org.tsperf.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import org.tsperf.api.gpu.Frame;
import org.tsperf.api.media.MediaDecoder;
import org.tsperf.api.media.MediaException;
import org.tsperf.api.media.MediaInfo;
import org.tsperf.api.media.MediaProbe;
import org.tsperf.api.media.MediaTools;
import org.tsperf.api.media.VideoStreamInfo;
import org.tsperf.api.tasks.TaskContext;
import org.tsperf.api.timeline.ExportRequest;
import org.tsperf.api.timeline.ExportResult;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.RenderProgress;
import org.tsperf.api.timeline.TimelinePictures;
import org.tsperf.api.timeline.TimelineRenderer;

/**
 * One export: the sound mixed into a temporary WAV, the pictures rendered at full size and piped to ffmpeg, which
 * writes a temporary file beside the output; that file is probed (frame count and duration) and only then renamed to
 * the output's name. The caller removes the temporaries when this throws.
 */
final class Exporter {

    /** How often progress is reported to the task system, nanoseconds. */
    private static final long REPORT_NS = 250_000_000L;

    private final ExportRequest request;
    private final Temporaries temp;
    private final TaskContext ctx;
    private final Consumer<RenderProgress> listener;

    /** The temporary files of an export, in the output's folder, hidden, named after the task. */
    record Temporaries(Path video, Path audio) {
        static Temporaries of(Path output, String tag) {
            String name = output.getFileName().toString();
            int dot = name.lastIndexOf('.');
            String ext = dot > 0 ? name.substring(dot + 1) : "out";
            Path dir = output.toAbsolutePath().getParent();
            return new Temporaries(dir.resolve("." + name + ".partial-" + tag + "." + ext),
                    dir.resolve("." + name + ".audio-" + tag + ".wav"));
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
            try (ExportEncoder encoder = new ExportEncoder(ffmpeg, ExportEncoder.arguments(request.format(),
                    p.width(), p.height(), p.rate(), temp.audio(), temp.video()), 4 * p.width() * p.height())) {
                long renderStart = System.nanoTime();
                long lastReport = 0;
                for (long f = request.in(); f < request.out(); f++) {
                    if (ctx.isCancelled()) {
                        throw new CancellationException("cancelled");
                    }
                    Frame picture = pictures.render(f);
                    encoder.write(picture);
                    long done = f - request.in() + 1;
                    long now = System.nanoTime();
                    if (now - lastReport > REPORT_NS || done == total) {
                        lastReport = now;
                        report(done, total, (now - renderStart) / 1e9);
                    }
                }
                encoder.finish();
            }
        }
        long frames = verify(temp.video(), total);
        Files.move(temp.video(), request.output(), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        Files.deleteIfExists(temp.audio());
        double seconds = (System.nanoTime() - started) / 1e9;
        double media = total / p.rate().fps();
        MediaInfo made = probe().probe(request.output());
        return new ExportResult(request.output(), frames, Math.round(made.durationSeconds() * 1e6), seconds,
                media / Math.max(1e-6, seconds));
    }

    private void report(long done, long total, double seconds) {
        double fps = done / Math.max(1e-6, seconds);
        double speed = fps / request.project().rate().fps();
        double eta = done < 2 ? -1 : (total - done) / fps;
        RenderProgress rp = new RenderProgress(done, total, speed, eta);
        listener.accept(rp);
        ctx.progress(done, total, message(rp));
    }

    static String message(RenderProgress p) {
        String s = String.format(Locale.ROOT, "Exporting: %d/%d frames, %.2fx real time", p.framesDone(),
                p.framesTotal(), p.realTimeSpeed());
        return p.etaSeconds() < 0 ? s : s + String.format(Locale.ROOT, ", ETA %.0f s", p.etaSeconds());
    }

    /** The written file has every frame and lasts as long as they do (within a frame). */
    private long verify(Path file, long total) throws IOException {
        MediaInfo info;
        try {
            info = probe().probe(file);
        } catch (MediaException ex) {
            throw new IOException("the exported file could not be read back: " + ex.getMessage(), ex);
        }
        VideoStreamInfo v = info.mainVideo().orElseThrow(() -> new IOException(
                "the exported file has no video stream; ffmpeg wrote something unexpected"));
        double fps = request.project().rate().fps();
        if (v.frameCount() > 0 && v.frameCount() != total) {
            throw new IOException(String.format(Locale.ROOT, "the exported file has %d frames, not the %d rendered",
                    v.frameCount(), total));
        }
        double duration = v.durationSeconds() > 0 ? v.durationSeconds() : info.durationSeconds();
        if (Math.abs(duration - total / fps) > 1 / fps + 1e-3) {
            throw new IOException(String.format(Locale.ROOT, "the exported file lasts %.3f s, not the %.3f s of its"
                    + " %d frames", duration, total / fps, total));
        }
        return v.frameCount() > 0 ? v.frameCount() : total;
    }

    private static MediaProbe probe() {
        return DefaultTimelineRenderer.require(MediaProbe.class, "Media Core");
    }
}
