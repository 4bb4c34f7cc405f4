package org.tsperf.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.tsperf.api.timeline.PreviewRenderService;
import org.tsperf.api.timeline.Project;

/**
 * {@code tsperf render PROJECT --preview}: fills the preview cache through {@link PreviewRenderService#renderAll}, as
 * the workbench does when the user is idle. Progress on stderr; Ctrl-C cancels (a chunk in progress is not stored).
 */
final class PreviewRender {

    private static final long PRINT_NS = 1_000_000_000L;

    private PreviewRender() {
    }

    static int run(Project p, Path file, boolean json, PrintWriter out, PrintWriter err) throws InterruptedException {
        PreviewRenderService previews = Services.require(PreviewRenderService.class, "Timeline Rendering");
        AtomicLong frames = new AtomicLong();
        long[] lastPrint = {0};
        long started = System.nanoTime();
        CompletableFuture<Integer> render = previews.renderAll(p, rp -> {
            frames.set(rp.framesDone());
            long now = System.nanoTime();
            if (now - lastPrint[0] >= PRINT_NS || rp.framesDone() == rp.framesTotal()) {
                lastPrint[0] = now;
                err.println("tsperf render --preview: " + RenderCommand.progressLine(rp));
                err.flush();
            }
        });
        Thread stopper = new Thread(() -> {
            if (!render.isDone()) {
                render.cancel(true); // cancels the task: the chunk in progress is dropped, stored ones stay
                try {
                    render.get(10, TimeUnit.SECONDS);
                } catch (ExecutionException | TimeoutException | CancellationException ex) {
                    // cancelled: the JVM ends now; setpriv ties ffmpeg to it
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "tsperf-render-preview-cancel");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            int chunks = render.get();
            double seconds = (System.nanoTime() - started) / 1e9;
            double media = frames.get() / p.rate().fps();
            double speed = media / Math.max(1e-6, seconds);
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("project", file.toString());
                m.put("frameRate", p.rate().toString());
                m.put("chunksRendered", chunks);
                m.put("frames", frames.get());
                m.put("durationSeconds", Math.round(media * 1000) / 1000.0);
                m.put("seconds", Math.round(seconds * 1000) / 1000.0);
                m.put("realTimeSpeed", Math.round(speed * 1000) / 1000.0);
                out.println(Json.line(m));
            } else if (chunks == 0) {
                out.println("Preview of " + file + ": every chunk that needs rendering is in the cache already;"
                        + " nothing rendered.");
            } else {
                out.println(String.format(Locale.ROOT, "Rendered %d preview chunk%s of %s: %d frames, %.3f s, in %.1f"
                        + " s: %.2fx real time", chunks, chunks == 1 ? "" : "s", file, frames.get(), media, seconds,
                        speed));
            }
            return 0;
        } catch (ExecutionException ex) {
            Throwable cause = ex.getCause();
            err.println("tsperf render --preview: " + (cause instanceof CancellationException
                    ? "cancelled; the chunks rendered so far are kept" : cause.getMessage()));
            return Main.FAILURE;
        } catch (CancellationException ex) {
            err.println("tsperf render --preview: cancelled; the chunks rendered so far are kept");
            return Main.FAILURE;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException ex) {
                // the JVM is already shutting down: the hook runs
            }
        }
    }
}
