package org.tsperf.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openide.util.Lookup;
import org.tsperf.api.media.DecodeOptions;
import org.tsperf.api.media.FrameSource;
import org.tsperf.api.media.MediaDecoder;
import org.tsperf.api.media.MediaProbe;
import org.tsperf.api.media.VideoStreamInfo;
import org.tsperf.api.memory.Priority;
import org.tsperf.api.tasks.TaskService;
import org.tsperf.api.timeline.PreviewChunk;
import org.tsperf.api.timeline.PreviewRenderService;
import org.tsperf.api.timeline.PreviewRenderService.ChunkState;
import org.tsperf.api.timeline.PreviewState;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.RenderProgress;
import org.tsperf.api.timeline.TimelinePictures;
import org.tsperf.api.timeline.TimelineRenderer;

/**
 * The preview service from Lookup with the real planner, renderer, task system, cache and ffmpeg, on clips ffmpeg
 * made. Each test uses its own colour or blur so that its chunks are new to the cache.
 */
class PreviewRenderTest {

    /**
     * Mean difference per channel between the renderer's picture and the chunk's: 4:2:0 chroma on testsrc2's sharp
     * colour edges (3.0 between two conversions in TimelineRendererTest) plus all-intra H.264 at CRF 18.
     */
    static final double SAME = 6.0;
    static final Duration LONG = Duration.ofMinutes(2);

    @TempDir
    static Path dir;
    static Path a;
    static Path b;
    static PreviewRenderService previews;

    @BeforeAll
    static void setUp() throws Exception {
        PreviewFixtures.freshCache();
        PreviewSettings.preferences().putLong(PreviewSettings.IDLE_KEY, 400);
        previews = Lookup.getDefault().lookup(PreviewRenderService.class);
        assertNotNull(previews, "the preview service is registered in Lookup");
        a = TestMedia.clip(dir, "a.mp4", "testsrc2=size=320x240:rate=25", 2.4, 0);
        b = TestMedia.clip(dir, "b.mp4", "mandelbrot=size=320x240:rate=25", 2.4, 0);
    }

    @AfterEach
    void untrack() throws Exception {
        previews.track(null);
    }

    private static long previewTasks() {
        return Lookup.getDefault().lookup(TaskService.class).tasks().stream()
                .filter(t -> t.spec().kind().equals(PreviewTaskHandler.KIND)).count();
    }

    @Test
    void renderAllRendersTheChunksThatNeedItAndASecondRunNothing() throws Exception {
        Project p = PreviewFixtures.project(a, b, 0.01, 1.5);
        List<PreviewChunk> chunks = PreviewQueue.chunks(p);
        assertEquals(3, chunks.size());
        assertTrue(chunks.stream().allMatch(PreviewChunk::needsRender), "colour, cross-fade, blur");
        // each test has its own colour and blur: chunk 2 (b only) would be shared otherwise
        for (PreviewChunk c : chunks) {
            assertTrue(previews.rendered(c).isEmpty(), "nothing rendered before");
        }
        long[] lastFrames = {0};
        assertEquals(3, previews.renderAll(p, rp -> lastFrames[0] = rp.framesDone()).get(2, TimeUnit.MINUTES));
        assertEquals(75, lastFrames[0], "progress over every frame");
        for (PreviewChunk c : chunks) {
            try (PreviewRenderService.RenderedChunk r = previews.rendered(c).orElseThrow()) {
                assertTrue(Files.size(r.file()) > 0);
            }
        }
        assertEquals(0, previews.renderAll(p, rp -> { }).get(1, TimeUnit.MINUTES), "all there already");
    }

    @Test
    void aRenderedChunkHasTheRenderersPicturesAtHalfSize() throws Exception {
        // colours inside the RGB gamut: the cross-fade composited on the planes is then the renderer's
        Project p = PreviewFixtures.project(a, b, 0.02, 2, 1, 0.8);
        previews.renderAll(p, rp -> { }).get(2, TimeUnit.MINUTES);
        PreviewChunk fade = PreviewQueue.chunks(p).get(1);
        Path file;
        try (PreviewRenderService.RenderedChunk r = previews.rendered(fade).orElseThrow();
                TimelinePictures pics = Lookup.getDefault().lookup(TimelineRenderer.class).open(p, 160, 120, true)) {
            file = r.file();
            VideoStreamInfo v = Lookup.getDefault().lookup(MediaProbe.class).probe(file).mainVideo().orElseThrow();
            assertEquals(160, v.width());
            assertEquals(120, v.height());
            assertEquals(25, v.frameCount(), "every frame of the chunk");
            // a chunk keeps its pictures' matrix (drafted on the YUV planes) and says which
            String matrix = "smpte170m".equals(v.colorSpace()) ? "bt601" : "bt709";
            double worst = 0;
            for (int i : new int[] {0, 2, 4, 12, 24}) { // in the cross-fade (25-30) and after it
                double diff = TestMedia.meanAbsDiff(TestMedia.bytes(pics.render(fade.start() + i)),
                        TestMedia.referenceRgba(file, i, dir, "", matrix));
                assertTrue(diff < SAME, "frame " + i + " of the chunk differs from the renderer's by " + diff);
                worst = Math.max(worst, diff);
            }
            double other = TestMedia.meanAbsDiff(TestMedia.bytes(pics.render(fade.start() + 24)),
                    TestMedia.referenceRgba(file, 0, dir, "", matrix));
            assertTrue(other > 2 * worst, "the comparison tells frames apart: " + other + " vs " + worst);
            try (FrameSource frames = Lookup.getDefault().lookup(MediaDecoder.class).open(file,
                    new DecodeOptions(0, true, Priority.NORMAL))) {
                assertEquals(160, frames.format().width());
                assertNotNull(frames.seek(24), "the decoder opens the chunk and finds its last frame");
            }
        }
        assertFalse(Files.exists(file), "closing removes the file");
    }

    @Test
    void theRunningRendersProgressIsReportedWhileItRunsAndNotAfter() throws Exception {
        Project p = PreviewFixtures.project(a, b, 0.05, 2.7);
        assertTrue(previews.progress().isEmpty(), "nothing renders yet");
        List<RenderProgress> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        previews.renderAll(p, rp -> previews.progress().ifPresent(seen::add)).get(2, TimeUnit.MINUTES);
        assertEquals(75, seen.size(), "the service reports the running render at every frame");
        RenderProgress last = seen.get(seen.size() - 1);
        assertEquals(75, last.framesDone());
        assertEquals(75, last.framesTotal());
        assertTrue(last.realTimeSpeed() > 0, "a speed: " + last.realTimeSpeed());
        assertTrue(previews.progress().isEmpty(), "the render ended: no speed shows");
    }

    @Test
    void aRenderedChunkIsFoundOnlyForTheProjectItWasRenderedFor() throws Exception {
        Project p = PreviewFixtures.project(a, b, 0.06, 2.9);
        previews.renderAll(p, rp -> { }).get(2, TimeUnit.MINUTES);
        List<PreviewChunk> chunks = PreviewQueue.chunks(p);
        try (PreviewRenderService.RenderedChunk r = previews.rendered(p, 30).orElseThrow()) {
            assertEquals(chunks.get(1), r.chunk(), "frame 30 is in chunk 1");
        }
        assertTrue(previews.rendered(p, 75).isEmpty(), "past the end: no chunk");
        Project edited = PreviewFixtures.project(a, b, 0.06, 3.1); // b's blur: chunks 1 and 2 change
        assertTrue(previews.rendered(edited, 30).isEmpty(), "chunk 1 of the edited project is not rendered: the"
                + " file rendered before the edit is stale");
        assertTrue(previews.rendered(edited, 60).isEmpty(), "chunk 2 likewise");
        try (PreviewRenderService.RenderedChunk r = previews.rendered(edited, 10).orElseThrow()) {
            assertEquals(chunks.get(0).fingerprint(), r.chunk().fingerprint(), "chunk 0 (a only) did not change");
        }
    }

    @Test
    void anEditDirtiesOnlyItsChunksAndUndoFindsThemRenderedWithNothingRenderedAgain() throws Exception {
        Project before = PreviewFixtures.project(a, b, 0.03, 2.2);
        previews.track(before);
        List<ChunkState> rendered = PreviewFixtures.awaitStates(previews, "the idle render fills every chunk",
                LONG, s -> PreviewFixtures.all(s, PreviewState.RENDERED));
        Project after = PreviewFixtures.project(a, b, 0.03, 3); // b's blur: chunks 1 (the cross-fade) and 2
        previews.track(after);
        List<ChunkState> edited = PreviewFixtures.awaitStates(previews, "the edit's plan", LONG,
                s -> !s.get(2).chunk().fingerprint().equals(rendered.get(2).chunk().fingerprint()));
        assertEquals(rendered.get(0).chunk(), edited.get(0).chunk(), "chunk 0 (a only) keeps its fingerprint");
        assertEquals(PreviewState.RENDERED, edited.get(0).state());
        for (int i = 1; i <= 2; i++) {
            assertNotEquals(rendered.get(i).chunk().fingerprint(), edited.get(i).chunk().fingerprint());
            assertEquals(PreviewState.DIRTY, edited.get(i).state(), "chunk " + i + " is dirty");
        }
        PreviewFixtures.awaitStates(previews, "the edit rendered", LONG,
                s -> PreviewFixtures.all(s, PreviewState.RENDERED));
        long tasks = previewTasks();
        previews.track(before); // undo
        List<ChunkState> undone = PreviewFixtures.awaitStates(previews, "the undo's plan", LONG,
                s -> s.get(2).chunk().equals(rendered.get(2).chunk()));
        assertTrue(PreviewFixtures.all(undone, PreviewState.RENDERED), "the old chunks are found: " + undone);
        // three idle delays later still no chunk left the rendered state and no task was queued
        java.util.concurrent.CompletableFuture<Void> never = new java.util.concurrent.CompletableFuture<>();
        java.util.function.Consumer<List<ChunkState>> watch = s -> s.stream()
                .filter(c -> c.state() != PreviewState.RENDERED).findAny().ifPresent(c -> never.complete(null));
        previews.addListener(watch);
        try {
            assertThrowsTimeout(never, Duration.ofMillis(1200));
        } finally {
            previews.removeListener(watch);
        }
        assertEquals(tasks, previewTasks(), "no preview task after the undo");
    }

    @Test
    void nothingStartsWhileTheUserIsActiveAndRenderingStartsAfterTheDelay() throws Exception {
        Project p = PreviewFixtures.project(a, b, 0.04, 2.5);
        long tasks = previewTasks();
        java.util.concurrent.ScheduledExecutorService user = java.util.concurrent.Executors
                .newSingleThreadScheduledExecutor();
        java.util.concurrent.CompletableFuture<Long> firstRender = new java.util.concurrent.CompletableFuture<>();
        java.util.function.Consumer<List<ChunkState>> watch = s -> {
            if (s.stream().anyMatch(c -> c.state() != PreviewState.DIRTY)) {
                firstRender.complete(System.nanoTime());
            }
        };
        previews.addListener(watch);
        try {
            previews.track(p);
            java.util.concurrent.ScheduledFuture<?> typing = user.scheduleAtFixedRate(previews::userActive, 0, 100,
                    TimeUnit.MILLISECONDS);
            assertThrowsTimeout(firstRender, Duration.ofMillis(2000)); // 5 idle delays of typing
            assertEquals(tasks, previewTasks(), "no preview task while the user is active");
            assertTrue(PreviewFixtures.all(previews.states(), PreviewState.DIRTY), "all dirty: " + previews.states());
            typing.cancel(false);
            long stopped = System.nanoTime();
            long started = firstRender.get(1, TimeUnit.MINUTES);
            assertTrue(started - stopped >= 300_000_000L, "rendering waited for the idle delay, started after "
                    + (started - stopped) / 1_000_000 + " ms");
            PreviewFixtures.awaitStates(previews, "rendered after the delay", LONG,
                    s -> PreviewFixtures.all(s, PreviewState.RENDERED));
        } finally {
            previews.removeListener(watch);
            user.shutdownNow();
        }
    }

    /** {@code f} does not complete within {@code d}: what the test waits for must not happen. */
    private static void assertThrowsTimeout(java.util.concurrent.CompletableFuture<?> f, Duration d) throws Exception {
        try {
            f.get(d.toMillis(), TimeUnit.MILLISECONDS);
            throw new AssertionError("it happened within " + d.toMillis() + " ms");
        } catch (java.util.concurrent.TimeoutException expected) {
            // nothing happened in the window
        }
    }
}
