package org.tsperf.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.tsperf.api.timeline.Clip;
import org.tsperf.api.timeline.Effect;
import org.tsperf.api.timeline.FrameRate;
import org.tsperf.api.timeline.PreviewRenderService;
import org.tsperf.api.timeline.PreviewState;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.Track;
import org.tsperf.api.timeline.TrackKind;
import org.tsperf.api.timeline.Transition;

/** The preview tests' project, their own cache folder and waits with deadlines. */
final class PreviewFixtures {

    static final FrameRate RATE = new FrameRate(25, 1);
    private static Path cacheDir;

    private PreviewFixtures() {
    }

    /**
     * Points this JVM's frame cache at a fresh folder (once, before the cache opens at its first use): the tests
     * never see the user's cache or each other's runs.
     */
    static synchronized Path freshCache() {
        if (cacheDir == null) {
            try {
                cacheDir = Files.createTempDirectory("tsperf-preview-test-cache");
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            System.setProperty("tsperf.cache.dir", cacheDir.toString());
            System.setProperty("tsperf.cache.l1.budget", "64M");
        }
        return cacheDir;
    }

    /**
     * 3 s at 25 fps, chunks of 25 frames: a (colour adjust, {@code brightness}) 0-30, b (blur {@code sigma}) 25-75,
     * joined by a 5-frame cross-fade. Chunk 0 holds a only, chunk 1 the cross-fade, chunk 2 b only.
     */
    static Project project(Path a, Path b, double brightness, double sigma) {
        return project(a, b, brightness, sigma, 1.1, 1.2);
    }

    /**
     * As {@link #project(Path, Path, double, double)} with a's contrast and saturation: 1.1 and 1.2 take testsrc2's
     * bars outside the RGB gamut, where a cross-fade composited on the YUV planes (as {@code xfade}) and the RGBA
     * renderer's (each layer clipped to RGB before the mix) differ by design; 1 and 0.8 keep them inside.
     */
    static Project project(Path a, Path b, double brightness, double sigma, double contrast, double saturation) {
        Clip ca = new Clip("a", a, 0, 30, 0, List.of(new Effect.ColourAdjust(brightness, contrast, saturation, 1)));
        Clip cb = new Clip("b", b, 0, 50, 25, List.of(new Effect.Blur(sigma)));
        return new Project("preview", 320, 240, RATE, 48000, List.of(
                new Track("V1", TrackKind.VIDEO, List.of(ca, cb), List.of(new Transition("a", "b", 5)))));
    }

    /**
     * Waits until the service's chunk states satisfy {@code condition}, woken by its listener at every change; fails
     * with {@code what} and the last states at the deadline.
     */
    static List<PreviewRenderService.ChunkState> awaitStates(PreviewRenderService service, String what,
            Duration deadline, Predicate<List<PreviewRenderService.ChunkState>> condition)
            throws InterruptedException {
        Semaphore changed = new Semaphore(0);
        Consumer<List<PreviewRenderService.ChunkState>> listener = s -> changed.release();
        service.addListener(listener);
        try {
            long end = System.nanoTime() + deadline.toNanos();
            for (List<PreviewRenderService.ChunkState> now = service.states(); ; now = service.states()) {
                if (!now.isEmpty() && condition.test(now)) {
                    return now;
                }
                long left = end - System.nanoTime();
                if (left <= 0 || !changed.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                    throw new AssertionError("not within " + deadline.toSeconds() + " s: " + what + "; states: "
                            + service.states().stream().map(c -> c.chunk().index() + "=" + c.state()).toList());
                }
            }
        } finally {
            service.removeListener(listener);
        }
    }

    static boolean all(List<PreviewRenderService.ChunkState> states, PreviewState wanted) {
        return states.stream().allMatch(c -> !c.chunk().needsRender() || c.state() == wanted);
    }
}
