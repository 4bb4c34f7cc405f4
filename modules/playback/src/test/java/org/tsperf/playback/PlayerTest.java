package org.tsperf.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsperf.api.playback.Player;
import org.tsperf.api.playback.PlayerOptions;
import org.tsperf.api.playback.PlayerState;
import org.tsperf.api.proxy.ProxyFile;

/** The player on real clips, the real decoder and the real video processor. */
class PlayerTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final int FPS = 25;
    private static final int FRAMES = 75;
    private static final PlayerOptions SILENT = new PlayerOptions(PlayerOptions.ProxyUse.CONFIGURED, false, true);

    @TempDir
    static Path dir;
    static Path clip;

    private final List<Player> players = new ArrayList<>();

    @BeforeAll
    static void makeClip() throws Exception {
        clip = Clips.patternWithTone(dir, "pattern.mp4", FRAMES / (double) FPS, FPS);
    }

    @AfterEach
    void closePlayers() {
        players.forEach(Player::close);
        TestProxies.PROXIES.clear();
    }

    private Player player(PlayerOptions options, AudioSinks sinks, long slowNanos) {
        DefaultPlaybackService service = new DefaultPlaybackService();
        Player p = service.createPlayer(options, sinks, slowNanos == 0 ? SourceChooser::lookupDecoder
                : () -> new SlowDecoder(SourceChooser.lookupDecoder(), slowNanos));
        players.add(p);
        p.setViewSize(640, 480);
        return p;
    }

    private static PlayerState opened(Recorder r, Player p, Path file) throws InterruptedException {
        p.open(file);
        r.awaitShown(0, DEADLINE);
        return r.await(s -> s.status() == PlayerState.Status.READY, DEADLINE, "the clip to open");
    }

    @Test
    void opensAClipAndShowsItsFirstFrameExactly() throws Exception {
        Player p = player(SILENT, AudioSinks.DEVICE, 0);
        Recorder r = new Recorder(p, true);
        PlayerState s = opened(r, p, clip);
        assertEquals(FRAMES, s.frameCount());
        assertEquals(FPS, s.frameRate(), 0.01);
        assertEquals("Original (320x240)", s.source());
        assertEquals(Optional.of(clip.toAbsolutePath()), s.readPath());
        byte[] shown = r.awaitShown(0, DEADLINE).rgba();
        assertTrue(Clips.meanDifference(shown, Clips.rgbaFrame(clip, 0)) < 2.5, "frame 0 as ffmpeg decodes it");
    }

    @Test
    void framesSteppedAndSoughtAreTheFilesFrames() throws Exception {
        Player p = player(SILENT, AudioSinks.DEVICE, 0);
        Recorder r = new Recorder(p, true);
        opened(r, p, clip);
        for (int i = 0; i < 5; i++) {
            p.step(1);
            r.awaitShown(i + 1, DEADLINE);
        }
        p.seek(61);
        byte[] at61 = r.awaitShown(61, DEADLINE).rgba();
        p.step(-1);
        byte[] at60 = r.awaitShown(60, DEADLINE).rgba();
        byte[] at5 = r.shown().stream().filter(x -> x.index() == 5).findFirst().orElseThrow().rgba();
        for (long[] pair : new long[][] {{5, 4}, {60, 59}, {61, 62}}) {
            byte[] ours = pair[0] == 5 ? at5 : pair[0] == 60 ? at60 : at61;
            double same = Clips.meanDifference(ours, Clips.rgbaFrame(clip, pair[0]));
            double neighbour = Clips.meanDifference(ours, Clips.rgbaFrame(clip, pair[1]));
            assertTrue(same < 2.5 && same < neighbour / 2, "frame " + pair[0] + ": difference " + same
                    + " to ffmpeg's frame, " + neighbour + " to frame " + pair[1]);
        }
        assertEquals(60, p.state().frame());
        assertFalse(p.state().playing());
    }

    @Test
    void playsEveryFrameInOrderNoFasterThanTheClock() throws Exception {
        Player p = player(SILENT, AudioSinks.DEVICE, 0);
        Recorder r = new Recorder(p, false);
        opened(r, p, clip);
        r.clear();
        p.play();
        r.await(s -> !s.playing() && s.frame() == FRAMES - 1, DEADLINE, "the end of the clip");
        List<Recorder.Shown> shown = r.shown();
        PlayerState s = p.state();
        assertShownInOrderWithFewDrops(shown, 1);
        long played = shown.stream().filter(x -> x.index() > 0).count();
        assertTrue(played + s.counters().dropped() >= FRAMES - 1, played + " shown + " + s.counters().dropped()
                + " dropped < " + (FRAMES - 1));
        Recorder.Shown first = shown.get(0);
        Recorder.Shown last = shown.stream().filter(x -> x.index() == FRAMES - 1).findFirst().orElseThrow();
        double seconds = (last.atNanos() - first.atNanos()) / 1e9;
        assertTrue(seconds >= (FRAMES - 1 - first.index()) / (double) FPS * 0.97,
                "played " + (FRAMES - 1 - first.index()) + " frames in " + seconds + " s: faster than the clock");
    }

    @Test
    void aSlowDecoderMakesCountedDropsNeverManyInARow() throws Exception {
        Player p = player(SILENT, AudioSinks.DEVICE, 2_000_000_000L / FPS); // half the speed needed
        Recorder r = new Recorder(p, false);
        opened(r, p, clip);
        r.clear();
        p.play();
        r.await(s -> !s.playing() && s.frame() == FRAMES - 1, DEADLINE, "the end of the clip");
        PlayerState s = p.state();
        List<Recorder.Shown> shown = r.shown();
        assertShownInOrderWithFewDrops(shown, 1);
        long played = shown.stream().map(Recorder.Shown::index).distinct().count();
        assertTrue(s.counters().dropped() > 0, "a decoder at half speed must make drops: " + s.counters());
        assertTrue(s.counters().late() > 0, "and late frames: " + s.counters());
        assertTrue(played + s.counters().dropped() >= FRAMES, "every frame shown or counted as dropped: " + played
                + " + " + s.counters().dropped());
    }

    @Test
    void soundAndPicturesStayInSyncOnTheAudioClock() throws Exception {
        AtomicReference<SilentAudioSink> sink = new AtomicReference<>();
        AudioSinks silent = format -> {
            sink.set(new SilentAudioSink(format, 100_000));
            return Optional.of(sink.get());
        };
        Player p = player(new PlayerOptions(PlayerOptions.ProxyUse.CONFIGURED, true, true), silent, 0);
        List<Long> drift = new ArrayList<>();
        Recorder r = new Recorder(p, false) {
            @Override
            public synchronized void presented(org.tsperf.api.playback.Picture picture) {
                SilentAudioSink s = sink.get();
                if (s != null && p.state().playing()) {
                    drift.add(picture.timeMicros() - s.playedMicros());
                }
                super.presented(picture);
            }
        };
        opened(r, p, clip);
        assertTrue(((FilePlayer) p).hasSound(), "the clip's sound goes to the silent sink");
        p.play();
        r.await(s -> !s.playing() && s.frame() == FRAMES - 1, DEADLINE, "the end of the clip");
        List<Long> sorted = drift.stream().map(Math::abs).sorted().toList();
        assertTrue(sorted.size() > FRAMES / 2, "pictures measured: " + sorted.size());
        long interval = 1_000_000L / FPS;
        assertTrue(sorted.get(sorted.size() / 2) <= interval, "median drift " + sorted.get(sorted.size() / 2)
                + " us over a frame (" + interval + " us)");
        assertTrue(sorted.get((int) (sorted.size() * 0.9)) <= 2 * interval, "90th percentile drift "
                + sorted.get((int) (sorted.size() * 0.9)) + " us over two frames");
    }

    @Test
    void readsTheProxyAndGoesOverToTheOriginalWhenItIsDeleted() throws Exception {
        Path proxy = dir.resolve("pattern-quarter.mp4");
        Clips.ffmpeg("-i", clip.toString(), "-vf", "scale=160:120", "-c:v", "libx264", "-g", "5", "-an",
                proxy.toString());
        TestProxies.PROXIES.put(clip.toAbsolutePath(), new ProxyFile("quarter", proxy, Files.size(proxy), 160, 120,
                "h264"));
        Player p = player(SILENT, AudioSinks.DEVICE, 0);
        Recorder r = new Recorder(p, false);
        PlayerState s = opened(r, p, clip);
        assertEquals("Proxy Quarter (160x120)", s.source());
        assertEquals(Optional.of(proxy), s.readPath());
        p.play();
        r.awaitShown(20, DEADLINE);
        Files.delete(proxy);
        PlayerState after = r.await(x -> x.source().startsWith("Original"), DEADLINE, "the original to be read");
        assertEquals(Optional.of(clip.toAbsolutePath()), after.readPath());
        r.await(x -> !x.playing() && x.frame() == FRAMES - 1, DEADLINE, "the end of the clip");
        assertShownInOrderWithFewDrops(r.shown().stream().filter(x -> x.index() >= 20).toList(), 1);
    }

    @Test
    void reverseShuttleAndLoop() throws Exception {
        Player p = player(SILENT, AudioSinks.DEVICE, 0);
        Recorder r = new Recorder(p, false);
        opened(r, p, clip);
        p.seek(40);
        r.awaitShown(40, DEADLINE);
        r.clear();
        p.shuttle(-1);
        r.await(s -> !s.playing() && s.frame() == 0, DEADLINE, "the start, played backwards");
        assertShownInOrderWithFewDrops(r.shown(), -1);

        p.setLoop(10, 20);
        r.clear();
        p.play();
        r.awaitShown(20, DEADLINE);
        r.clear();
        r.awaitShown(20, DEADLINE); // wrapped round at least once more
        p.pause();
        List<Recorder.Shown> looped = r.shown();
        assertTrue(looped.stream().allMatch(x -> x.index() >= 10 && x.index() <= 20), "all within the loop: "
                + looped.stream().map(Recorder.Shown::index).toList());
        assertTrue(looped.stream().anyMatch(x -> x.index() == 10), "came round to the loop's start");
    }

    @Test
    void aCorruptFileFailsWithItsNameAndThePlayerStaysUsable() throws Exception {
        Path junk = dir.resolve("junk.mp4");
        byte[] bytes = new byte[300_000];
        new Random(7).nextBytes(bytes);
        Files.write(junk, bytes);
        Player p = player(SILENT, AudioSinks.DEVICE, 0);
        Recorder r = new Recorder(p, false);
        p.open(junk);
        PlayerState failed = r.await(s -> s.status() == PlayerState.Status.FAILED, DEADLINE, "a failure");
        assertTrue(failed.message().contains("junk.mp4"), failed.message());
        opened(r, p, clip);
    }

    @Test
    void aFileDeletedWhilePlayingIsAnErrorAndNoThreadIsLeft() throws Exception {
        Path copy = Files.copy(clip, dir.resolve("doomed.mp4"));
        long before = playbackThreads();
        Player p = player(SILENT, AudioSinks.DEVICE, 0);
        Recorder r = new Recorder(p, false);
        opened(r, p, copy);
        p.play();
        r.awaitShown(10, DEADLINE);
        Files.delete(copy);
        PlayerState failed = r.await(s -> s.status() == PlayerState.Status.FAILED, DEADLINE, "a failure");
        assertTrue(failed.message().contains("deleted"), failed.message());
        assertFalse(failed.playing());
        p.close();
        assertEquals(before, playbackThreads(), "the player's threads end with close()");
    }

    @Test
    void aPausedPlayerWakesNoThreadAndClosesAtOnce() throws Exception {
        long before = playbackThreads();
        Player p = player(SILENT, AudioSinks.DEVICE, 0);
        Recorder r = new Recorder(p, false);
        opened(r, p, clip);
        List<Thread> threads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("Playback decoder") || t.getName().equals("Playback presenter"))
                .toList();
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING
                || t.getState() == Thread.State.TIMED_WAITING)) {
            assertTrue(System.nanoTime() < deadline, "the player's threads to wait: " + threads.stream()
                    .map(t -> t.getName() + " " + t.getState()).toList());
            Thread.sleep(10);
        }
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        List<Long> cpu = threads.stream().map(t -> mx.getThreadCpuTime(t.getId())).toList();
        Thread.sleep(1000); // paused: not one wake-up meanwhile (a poll would use CPU time, however little)
        assertEquals(cpu, threads.stream().map(t -> mx.getThreadCpuTime(t.getId())).toList(),
                "CPU time of the paused player's threads " + threads.stream().map(Thread::getName).toList());
        p.close();
        assertEquals(before, playbackThreads(), "close() ends them although they were waiting");
    }

    private static long playbackThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("Playback ")).count();
    }

    /** Indexes go in the play direction, at most two frames missing in a row (drops). */
    private static void assertShownInOrderWithFewDrops(List<Recorder.Shown> shown, int direction) {
        List<Long> indexes = shown.stream().map(Recorder.Shown::index).toList();
        for (int i = 1; i < indexes.size(); i++) {
            long step = (indexes.get(i) - indexes.get(i - 1)) * direction;
            assertTrue(step >= 0 && step <= 3, "frames out of order or more than two dropped in a row at " + i
                    + ": " + indexes);
        }
    }
}
