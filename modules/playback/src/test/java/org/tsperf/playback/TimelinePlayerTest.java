package org.tsperf.playback;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openide.util.Lookup;
import org.tsperf.api.gpu.Frame;
import org.tsperf.api.playback.Player;
import org.tsperf.api.playback.PlayerOptions;
import org.tsperf.api.playback.PlayerState;
import org.tsperf.api.timeline.Clip;
import org.tsperf.api.timeline.Effect;
import org.tsperf.api.timeline.FrameRate;
import org.tsperf.api.timeline.PreviewRenderService;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.TimelinePictures;
import org.tsperf.api.timeline.TimelineRenderer;
import org.tsperf.api.timeline.Track;
import org.tsperf.api.timeline.TrackKind;
import org.tsperf.api.timeline.Transition;

/**
 * The player on a project's timeline: two real clips made by ffmpeg joined by a cross-fade, composited by the real
 * render module, compared picture for picture with {@link TimelinePictures#render} of the same project.
 */
class TimelinePlayerTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final int FPS = 25;
    /** A: timeline 0..39; B: 30..69; the cross-fade over 30..39 (the cut). */
    private static final long LENGTH = 70;
    private static final PlayerOptions SILENT = new PlayerOptions(PlayerOptions.ProxyUse.OFF, false, true);

    @TempDir
    static Path dir;
    static Project project;
    static TimelineRenderer renderer;

    private final List<Player> players = new ArrayList<>();
    private final DefaultPlaybackService service = new DefaultPlaybackService();

    @BeforeAll
    static void makeProject() throws Exception {
        Path a = Clips.patternWithTone(dir, "a.mp4", 2, FPS);
        Path b = dir.resolve("b.mp4");
        Clips.ffmpeg("-f", "lavfi", "-i", "mandelbrot=size=320x240:rate=" + FPS, "-t", "2", "-c:v", "libx264",
                "-preset", "veryfast", "-g", "25", "-bf", "2", "-pix_fmt", "yuv420p", b.toString());
        project = twoClips(a, b, List.of());
        renderer = Lookup.getDefault().lookup(TimelineRenderer.class);
        assertNotNull(renderer, "the render module's renderer is in Lookup");
        // the first frame of the JVM loads FFmpeg and lets the GPU module measure its paths (seconds on a loaded
        // machine): done here, so the tests' deadlines time the player, not that
        reference(project, 0);
    }

    static Project twoClips(Path a, Path b, List<Effect> onB) {
        return new Project("cut", 320, 240, new FrameRate(FPS, 1), 48000, List.of(new Track("V1", TrackKind.VIDEO,
                List.of(new Clip("a", a, 5, 40, 0, List.of()), new Clip("b", b, 0, 40, 30, onB)),
                List.of(new Transition("a", "b", 10)))));
    }

    @AfterEach
    void closePlayers() {
        players.forEach(Player::close);
    }

    private Player player() {
        Player p = service.createPlayer(SILENT, AudioSinks.DEVICE, SourceChooser::lookupDecoder);
        players.add(p);
        p.setViewSize(640, 480); // larger than the project: pictures at the project's 320x240
        return p;
    }

    private static PlayerState opened(Recorder r, Player p, Project project) throws InterruptedException {
        p.openProject(project);
        r.awaitShown(0, DEADLINE);
        return r.await(s -> s.status() == PlayerState.Status.READY, DEADLINE, "the timeline to open");
    }

    /** The pictures of these frames as the renderer makes them, at 320x240. */
    private static byte[][] reference(Project p, long... frames) throws Exception {
        byte[][] out = new byte[frames.length][];
        try (TimelinePictures pics = renderer.open(p, 320, 240, false)) {
            for (int i = 0; i < frames.length; i++) {
                Frame f = pics.render(frames[i]);
                out[i] = new byte[320 * 240 * 4];
                f.data().duplicate().clear().get(out[i]);
            }
        }
        return out;
    }

    @Test
    void seeksAndStepsAcrossTheCutShowTheTimelinesExactPictures() throws Exception {
        Player p = player();
        Recorder r = new Recorder(p, true);
        PlayerState s = opened(r, p, project);
        assertEquals(LENGTH, s.frameCount());
        assertEquals(FPS, s.frameRate(), 1e-9);
        assertEquals(TimelineSource.COMPOSITED, s.source());
        assertEquals(Optional.empty(), s.file());
        long[] frames = {0, 29, 30, 35, 34, 39, 40, 69};
        byte[][] want = reference(project, frames);
        assertArrayEquals(want[0], r.awaitShown(0, DEADLINE).rgba(), "frame 0");
        p.seek(29);
        assertArrayEquals(want[1], r.awaitShown(29, DEADLINE).rgba(), "frame 29, before the cross-fade");
        p.step(1);
        assertArrayEquals(want[2], r.awaitShown(30, DEADLINE).rgba(), "frame 30, the cross-fade's first");
        p.seek(35);
        assertArrayEquals(want[3], r.awaitShown(35, DEADLINE).rgba(), "frame 35, mid cross-fade");
        p.step(-1);
        assertArrayEquals(want[4], r.awaitShown(34, DEADLINE).rgba(), "frame 34, a step back");
        p.seek(39);
        assertArrayEquals(want[5], r.awaitShown(39, DEADLINE).rgba(), "frame 39, the cross-fade's last");
        p.step(1);
        assertArrayEquals(want[6], r.awaitShown(40, DEADLINE).rgba(), "frame 40, clip b alone");
        p.seek(500);
        assertArrayEquals(want[7], r.awaitShown(69, DEADLINE).rgba(), "a seek past the end shows the last frame");
        // the comparison can tell frames apart: the cross-fade's frames differ from their neighbours
        assertFalse(java.util.Arrays.equals(want[3], want[4]), "frames 35 and 34 differ");
        assertEquals(69, p.state().frame());
        assertFalse(p.state().playing());
    }

    @Test
    void playsAcrossTheCutInOrderAtTheProjectsRateNoFasterThanTheClock() throws Exception {
        Player p = player();
        Recorder r = new Recorder(p, true);
        opened(r, p, project);
        p.seek(20);
        r.awaitShown(20, DEADLINE);
        r.clear();
        p.play();
        PlayerState end = r.await(s -> !s.playing() && s.frame() == LENGTH - 1, DEADLINE, "the timeline's end");
        List<Recorder.Shown> shown = r.shown();
        // stopped at the end, the player shows the last frame again as its still (a paused picture is made at full
        // quality), which may come before this reads: the play is what came before it
        int n = shown.size();
        if (n > 1 && shown.get(n - 1).index() == LENGTH - 1 && shown.get(n - 2).index() == LENGTH - 1) {
            shown = shown.subList(0, n - 1);
        }
        for (int i = 1; i < shown.size(); i++) {
            assertTrue(shown.get(i).index() > shown.get(i - 1).index(), "in order: " + shown.get(i - 1).index()
                    + " then " + shown.get(i).index());
        }
        long played = shown.size();
        assertTrue(played + end.counters().dropped() >= LENGTH - 21, played + " shown + "
                + end.counters().dropped() + " dropped, of " + (LENGTH - 21));
        Recorder.Shown first = shown.get(0);
        Recorder.Shown last = shown.get(shown.size() - 1);
        assertEquals(LENGTH - 1, last.index());
        double seconds = (last.atNanos() - first.atNanos()) / 1e9;
        assertTrue(seconds >= (last.index() - first.index()) / (double) FPS * 0.97, "played "
                + (last.index() - first.index()) + " frames in " + seconds + " s: faster than the clock");
        assertEquals(new FrameRate(FPS, 1).micros(first.index()), first.timeMicros(), "times at the project's rate");
        // what was shown while playing is the timeline's picture of that frame, in the cross-fade too
        for (Recorder.Shown x : shown) {
            if (x.index() == 33 || x.index() == 50) {
                assertArrayEquals(reference(project, x.index())[0], x.rgba(), "frame " + x.index() + " played");
            }
        }
    }

    @Test
    void playsBackwardsFrameByFrameAcrossTheCut() throws Exception {
        Player p = player();
        Recorder r = new Recorder(p, true);
        opened(r, p, project);
        p.seek(45);
        r.awaitShown(45, DEADLINE);
        r.clear();
        p.shuttle(-1);
        Recorder.Shown at31 = r.awaitShown(31, DEADLINE);
        p.pause();
        List<Recorder.Shown> shown = r.shown();
        for (int i = 1; i < shown.size() && shown.get(i).index() >= 31; i++) {
            assertTrue(shown.get(i).index() < shown.get(i - 1).index(), "backwards: " + shown.get(i - 1).index()
                    + " then " + shown.get(i).index());
        }
        assertArrayEquals(reference(project, 31)[0], at31.rgba(), "frame 31 in reverse");
    }

    @Test
    void anEditShowsTheNewPicturesFromTheNextFrameAndKeepsThePlace() throws Exception {
        Player p = player();
        Recorder r = new Recorder(p, true);
        opened(r, p, project);
        p.seek(50);
        byte[] before = r.awaitShown(50, DEADLINE).rgba();
        Project brighter = twoClips(project.clip("a").orElseThrow().source(), project.clip("b").orElseThrow()
                .source(), List.of(new Effect.ColourAdjust(0.3, 1, 1, 1)));
        long shownBefore = r.shown().size();
        p.openProject(brighter);
        r.await(s -> r.shown().size() > shownBefore, DEADLINE, "the edited picture");
        Recorder.Shown after = r.shown().get(r.shown().size() - 1);
        assertEquals(50, after.index(), "paused: the same frame, with the edit");
        assertArrayEquals(reference(brighter, 50)[0], after.rgba(), "frame 50 of the edited project");
        assertFalse(java.util.Arrays.equals(before, after.rgba()), "the edit changed the picture");
        p.play();
        Recorder.Shown later = r.awaitShown(60, DEADLINE);
        assertArrayEquals(reference(brighter, 60)[0], later.rgba(), "frame 60 played after the edit");
    }

    @Test
    void aRenderedChunkIsPlayedAndAChunkAnEditMadeStaleNever() throws Exception {
        // a blur on b: chunk 1 (frames 25..49, the cross-fade) and chunk 2 need rendering; a project no other test
        // renders, so the other tests compose their frames
        Project blurred = twoClips(project.clip("a").orElseThrow().source(), project.clip("b").orElseThrow()
                .source(), List.of(new Effect.Blur(2)));
        PreviewRenderService previews = Lookup.getDefault().lookup(PreviewRenderService.class);
        assertNotNull(previews, "the render module's preview service is in Lookup");
        previews.renderAll(blurred, x -> { }).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        Player p = player();
        Recorder r = new Recorder(p, true);
        opened(r, p, blurred);
        assertEquals(0, p.state().counters().previewFrames(), "frame 0's chunk needs no render: composited");
        p.seek(25);
        r.awaitShown(25, DEADLINE);
        r.clear();
        p.play();
        r.await(s -> !s.playing() && s.frame() == LENGTH - 1, DEADLINE, "the timeline's end");
        long fromChunks = p.state().counters().previewFrames();
        assertTrue(fromChunks >= 45 - p.state().counters().dropped(), "frames 25..69 played from their rendered"
                + " chunks: " + fromChunks + " read from chunks, " + p.state().counters().dropped() + " dropped");
        p.seek(30);
        byte[] at30 = r.awaitShown(30, DEADLINE).rgba();
        r.await(s -> s.source().equals(TimelineSource.RENDERED), DEADLINE, "the source to say rendered preview");
        assertEquals(TimelineSource.RENDERED, service.figures().preview(), "the monitor's preview line");
        byte[] composed = reference(blurred, 30)[0];
        double difference = Clips.meanDifference(at30, composed);
        assertTrue(difference > 0 && difference < 8, "frame 30 is the chunk's (rendered at 160x120 and scaled up),"
                + " close to the composited one: mean difference " + difference);

        // an edit of b's blur changes chunks 1 and 2: their rendered files are stale and never played
        Project edited = twoClips(project.clip("a").orElseThrow().source(), project.clip("b").orElseThrow()
                .source(), List.of(new Effect.Blur(4)));
        long shownBefore = r.shown().size();
        p.openProject(edited);
        r.await(s -> r.shown().size() > shownBefore, DEADLINE, "the edited picture");
        long before = p.state().counters().previewFrames();
        p.seek(25);
        r.awaitShown(25, DEADLINE);
        p.play();
        r.await(s -> !s.playing() && s.frame() == LENGTH - 1, DEADLINE, "the edited timeline's end");
        assertEquals(before, p.state().counters().previewFrames(), "no frame of the edited project from a chunk");
        p.seek(30);
        assertArrayEquals(reference(edited, 30)[0], r.awaitShown(30, DEADLINE).rgba(), "frame 30 composited with"
                + " the new blur");
        assertEquals(TimelineSource.COMPOSITED, p.state().source());

        // undo: the old fingerprints, and so the rendered chunks, are back
        p.openProject(blurred);
        p.seek(35);
        r.awaitShown(35, DEADLINE);
        r.await(s -> s.counters().previewFrames() > before, DEADLINE, "frame 35 read from its chunk again");
    }

    @Test
    void aFileOpensAgainAfterATimeline() throws Exception {
        Player p = player();
        Recorder r = new Recorder(p, false);
        opened(r, p, project);
        r.clear();
        p.open(project.clip("a").orElseThrow().source());
        PlayerState s = r.await(x -> x.status() == PlayerState.Status.READY && x.source().startsWith("Original"),
                DEADLINE, "the file to open");
        assertEquals(50, s.frameCount());
        assertEquals(Optional.of(project.clip("a").orElseThrow().source()), s.file());
    }
}
