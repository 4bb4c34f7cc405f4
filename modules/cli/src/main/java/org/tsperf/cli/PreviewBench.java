package org.tsperf.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.tsperf.api.gpu.ProcessorStatus;
import org.tsperf.api.gpu.VideoProcessor;
import org.tsperf.api.timeline.PreviewRenderService;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.TimelinePictures;
import org.tsperf.api.timeline.TimelineRenderer;

/**
 * {@code tsperf bench render --preview}: the preview render of the bench project at half size into an empty cache
 * (its own folder under the work folder), a second run that must render nothing, and the renderer alone at the same
 * size over the same frames (decode and effects, no encoding), in one run. The sources' Half proxies are made first
 * when missing (the workbench makes them when media are added), outside the timed render.
 */
final class PreviewBench {

    private PreviewBench() {
    }

    /** Before anything opens the cache: this run's cache is an empty folder of its own. */
    static void useCache(Path dir) {
        System.setProperty("tsperf.cache.dir", dir.toString());
    }

    static int run(Project project, boolean json, PrintWriter out, PrintWriter err) throws Exception {
        PreviewRenderService previews = Services.require(PreviewRenderService.class, "Timeline Rendering");
        TimelineRenderer renderer = Services.require(TimelineRenderer.class, "Timeline Rendering");
        double fps = project.rate().fps();
        int w = project.width() / 2 & ~1;
        int h = project.height() / 2 & ~1;
        err.println("tsperf bench render --preview: " + project.length() + " frames of " + project.width() + "x"
                + project.height() + " at " + project.rate() + " fps, preview " + w + "x" + h);
        PreviewProxies.Ready proxies = PreviewProxies.make(project, w, err);
        AtomicLong frames = new AtomicLong();
        double loadBefore = ProxyBenchmark.load();
        long c0 = ProxyBenchmark.cpuTicks();
        long t0 = System.nanoTime();
        int chunks = previews.renderAll(project, rp -> frames.set(rp.framesDone())).get();
        double first = (System.nanoTime() - t0) / 1e9;
        // CPU seconds of this JVM and the encoders it waited for: the work done, which other load does not change
        double cpu = c0 < 0 ? Double.NaN : (ProxyBenchmark.cpuTicks() - c0) / 100.0;
        err.println(String.format(Locale.ROOT, "tsperf bench render --preview: %d chunks in %.1f s", chunks, first));
        long t1 = System.nanoTime();
        int again = previews.renderAll(project, rp -> { }).get();
        double second = (System.nanoTime() - t1) / 1e9;
        long t2 = System.nanoTime();
        try (TimelinePictures pictures = renderer.open(project, w, h, true)) {
            for (long f = 0; f < project.length(); f++) {
                pictures.render(f);
            }
        }
        double renderOnly = (System.nanoTime() - t2) / 1e9;
        double loadAfter = ProxyBenchmark.load();
        double media = frames.get() / fps;
        int cores = Runtime.getRuntime().availableProcessors();
        // real time on a machine of this many cores that gives the render all of them
        double cpuRealTime = media / (cpu / cores);
        double realTime = media / first;
        ProcessorStatus path = Services.require(VideoProcessor.class, "GPU Acceleration").status();
        if (json) {
            out.println(Json.line(Json.object("frames", project.length(), "width", w, "height", h,
                    "frameRate", project.rate().toString(), "chunks", chunks, "framesRendered", frames.get(),
                    "previewSeconds", round(first), "previewRealTime", round(realTime),
                    "secondRunChunks", again, "secondRunSeconds", round(second),
                    "cpuSeconds", round(cpu), "cpuRealTime", round(cpuRealTime),
                    "sourcesWithProxy", proxies.withProxy(), "sources", proxies.sources(),
                    "proxySeconds", round(proxies.seconds()), "loadBefore", round(loadBefore),
                    "loadAfter", round(loadAfter),
                    "renderOnlySeconds", round(renderOnly), "renderOnlyRealTime",
                    round(project.length() / fps / renderOnly), "processingPath", path.path().name(),
                    "cores", cores)));
        } else {
            out.println(String.format(Locale.ROOT, "project: %d frames %dx%d at %s fps; preview %dx%d",
                    project.length(), project.width(), project.height(), project.rate(), w, h));
            out.println(String.format(Locale.ROOT, "preview render: %d chunks, %d frames in %.1f s: %.2fx real time"
                    + " (goal: at least 2x)", chunks, frames.get(), first, realTime));
            out.println(String.format(Locale.ROOT, "  CPU seconds (this JVM and its encoders): %.1f, %.2f a frame;"
                    + " %.2fx real time had it all %d cores; load average %.1f before, %.1f after", cpu,
                    cpu / Math.max(1, frames.get()), cpuRealTime, cores, loadBefore, loadAfter));
            out.println(String.format(Locale.ROOT, "  sources read from Half proxies: %d of %d", proxies.withProxy(),
                    proxies.sources()));
            out.println(String.format(Locale.ROOT, "second run: %d chunks rendered in %.2f s", again, second));
            out.println(String.format(Locale.ROOT, "the renderer alone at %dx%d (decode, effects, no encode): %.1f s,"
                    + " %.2fx real time", w, h, renderOnly, project.length() / fps / renderOnly));
            out.println("frame operations on the " + path.path() + " path (" + path.reason() + "); " + cores
                    + " cores");
        }
        return again == 0 ? 0 : Main.FAILURE;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
