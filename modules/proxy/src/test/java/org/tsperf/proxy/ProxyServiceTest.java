package org.tsperf.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bytedeco.javacpp.Loader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openide.util.Lookup;
import org.tsperf.api.media.MediaInfo;
import org.tsperf.api.media.MediaProbe;
import org.tsperf.api.media.VideoStreamInfo;
import org.tsperf.api.proxy.ProxyFile;
import org.tsperf.api.proxy.ProxyFormat;
import org.tsperf.api.proxy.ProxyJob;
import org.tsperf.api.proxy.ProxyQuality;
import org.tsperf.api.proxy.ProxyResolution;
import org.tsperf.api.proxy.ProxyResult;
import org.tsperf.api.proxy.ProxyResult.Status;
import org.tsperf.api.proxy.ProxyService;
import org.tsperf.api.proxy.ProxySettings;
import org.tsperf.api.tasks.TaskService;

/** Real FFmpeg, real task system and probe (found through Lookup), on small clips made here. */
class ProxyServiceTest {

    @TempDir
    static Path media;
    static Path wide;
    static Path small;
    static ProxyService service;
    static MediaProbe probe;

    @TempDir
    Path store;

    @BeforeAll
    static void makeClips() throws Exception {
        service = Lookup.getDefault().lookup(ProxyService.class);
        probe = Lookup.getDefault().lookup(MediaProbe.class);
        assertTrue(Lookup.getDefault().lookup(TaskService.class) != null, "the task system is on the test classpath");
        // wider than 1920, so both Quarter and Half are made; 1 s at 10 fps keeps it fast
        wide = clip("wide.mp4", "testsrc2=size=2112x1188:rate=10:duration=1", true);
        small = clip("small.mp4", "testsrc2=size=320x240:rate=25:duration=2", true);
    }

    /** A video-only H.264 clip in {@code dir}. */
    static Path clipIn(Path dir, String name, String source) throws Exception {
        Path out = dir.resolve(name);
        ffmpeg(List.of("-f", "lavfi", "-i", source, "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                out.toString()));
        return out;
    }

    static Path clip(String name, String source, boolean audio, String... extra) throws Exception {
        return clipAt(media, name, source, audio, extra);
    }

    /** An H.264 clip (with AAC audio if asked) in {@code dir}. */
    static Path clipAt(Path dir, String name, String source, boolean audio, String... extra) throws Exception {
        Path out = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i", source));
        if (audio) {
            args.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-shortest",
                    "-c:a", "aac"));
        }
        args.addAll(List.of("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-movflags",
                "+faststart"));
        args.addAll(List.of(extra));
        args.add(out.toString());
        ffmpeg(args);
        return out;
    }

    static String ffmpeg(List<String> args) throws IOException, InterruptedException {
        return run(org.bytedeco.ffmpeg.ffmpeg.class, args);
    }

    static String run(Class<?> tool, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Loader.load(tool), "-v", "error"));
        if (tool == org.bytedeco.ffmpeg.ffmpeg.class) {
            cmd.add("-y");
        }
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, cmd + " failed: " + out);
        return out;
    }

    ProxySettings settings() {
        return ProxySettings.defaults(store);
    }

    ProxyResult make(Path source) {
        return service.generateNow(source, settings()).result().join();
    }

    @AfterEach
    void nothingHalfMadeIsLeft() throws IOException {
        try (Stream<Path> files = Files.list(store)) {
            List<Path> partial = files.filter(f -> f.getFileName().toString().contains("partial")).toList();
            assertEquals(List.of(), partial, "partial files left in the store");
        }
    }

    @Test
    void makesQuarterAndHalfFromOneDecodeThatProbeRight() throws Exception {
        ProxyResult r = make(wide);
        assertEquals(Status.GENERATED, r.status(), r.error());
        assertEquals(List.of("half", "quarter"), r.proxies().stream().map(ProxyFile::resolution).toList());
        VideoStreamInfo src = probe.probe(wide).mainVideo().orElseThrow();
        for (ProxyFile f : r.proxies()) {
            assertTrue(f.path().isAbsolute() && Files.isRegularFile(f.path()), f.toString());
            assertTrue(f.path().startsWith(store));
            assertEquals(Files.size(f.path()), f.sizeBytes());
            MediaInfo info = probe.probe(f.path());
            VideoStreamInfo v = info.mainVideo().orElseThrow();
            assertEquals("h264", v.codec());
            assertEquals("High", v.profile());
            assertEquals("yuv420p", v.pixelFormat());
            assertEquals(f.resolution().equals("half") ? 1056 : 528, v.width());
            assertEquals(f.resolution().equals("half") ? 594 : 298, v.height());
            assertEquals(0, v.width() % 2 + v.height() % 2);
            assertEquals(src.frameCount(), v.frameCount());
            assertEquals(src.durationSeconds(), v.durationSeconds(), 1 / src.frameRate());
            assertEquals(1, info.audio().size());
            assertEquals("aac", info.audio().get(0).codec());
            assertTrue(maxKeyframeGap(f.path()) <= 1.0 + 1e-6, "keyframe gap of " + f.path());
        }
        assertTrue(r.reasons().stream().anyMatch(x -> x.startsWith("Quarter: 528x298")), r.reasons().toString());
    }

    @Test
    void keyframeAtLeastEverySecondOnALongerClip() throws Exception {
        Path longer = clip("longer.mp4", "testsrc2=size=320x240:rate=30:duration=3.5", false, "-g", "300");
        ProxyResult r = make(longer);
        assertEquals(Status.GENERATED, r.status(), r.error());
        double gap = maxKeyframeGap(r.proxies().get(0).path());
        assertTrue(gap <= 1.0 + 1e-6, "largest keyframe gap " + gap + " s");
    }

    /** The presentation times of the video frames, in order. */
    static List<String> timestamps(Path file) throws Exception {
        String csv = run(org.bytedeco.ffmpeg.ffprobe.class, List.of("-select_streams", "v:0", "-show_entries",
                "packet=pts_time", "-of", "csv=p=0", file.toString()));
        return java.util.Arrays.stream(csv.split("\n")).map(String::trim).filter(x -> !x.isEmpty())
                .sorted(java.util.Comparator.comparingDouble(Double::parseDouble)).toList();
    }

    /** Largest distance between keyframes, and from the last one to the end, in seconds. */
    static double maxKeyframeGap(Path file) throws Exception {
        String csv = run(org.bytedeco.ffmpeg.ffprobe.class, List.of("-select_streams", "v:0", "-show_entries",
                "packet=pts_time,flags", "-of", "csv=p=0", file.toString()));
        List<Double> keys = new ArrayList<>();
        double last = 0;
        for (String line : csv.split("\n")) {
            String[] f = line.trim().split(",");
            if (f.length < 2 || f[0].isEmpty()) {
                continue;
            }
            double t = Double.parseDouble(f[0]);
            last = Math.max(last, t);
            if (f[1].contains("K")) {
                keys.add(t);
            }
        }
        keys.sort(Double::compare);
        assertFalse(keys.isEmpty());
        double gap = keys.get(0);
        for (int i = 1; i < keys.size(); i++) {
            gap = Math.max(gap, keys.get(i) - keys.get(i - 1));
        }
        return Math.max(gap, last - keys.get(keys.size() - 1));
    }

    @Test
    void upToDateProxiesReturnAtOnce() {
        ProxyResult first = make(small);
        assertEquals(Status.GENERATED, first.status(), first.error());
        assertEquals(List.of("half"), first.proxies().stream().map(ProxyFile::resolution).toList(),
                "a 320 px source gets no Quarter");
        long start = System.nanoTime();
        ProxyJob again = service.generateNow(small, settings());
        ProxyResult second = again.result().join();
        assertTrue(again.task().isEmpty(), "no task for up-to-date proxies");
        assertEquals(Status.UP_TO_DATE, second.status());
        assertEquals(first.proxies(), second.proxies());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2));
    }

    @Test
    void renamedSourceIsRelinkedAndChangedSourceGetsNewProxies() throws Exception {
        Path original = Files.copy(small, media.resolve("A001.mp4"));
        ProxyResult made = make(original);
        assertEquals(Status.GENERATED, made.status(), made.error());
        Path renamed = Files.move(original, media.resolve("A001-renamed.mp4"));
        ProxyResult relinked = make(renamed);
        assertEquals(Status.RELINKED, relinked.status());
        assertEquals(made.proxies(), relinked.proxies());
        assertTrue(relinked.reasons().stream().anyMatch(x -> x.contains(original.toString())));
        // same name, other content: new proxies, the old ones are not taken for them
        Path changed = clip("A001-renamed.mp4", "testsrc=size=320x240:rate=25:duration=2", true);
        ProxyResult fresh = make(changed);
        assertEquals(Status.GENERATED, fresh.status(), fresh.error());
        assertNotEquals(made.proxies().get(0).path(), fresh.proxies().get(0).path());
    }

    @Test
    void rotatedSourceGetsAnUprightProxy() throws Exception {
        Path rotated = media.resolve("rotated.mp4");
        ffmpeg(List.of("-display_rotation", "90", "-i", small.toString(), "-c", "copy", rotated.toString()));
        ProxyResult r = make(rotated);
        assertEquals(Status.GENERATED, r.status(), r.error());
        VideoStreamInfo v = probe.probe(r.proxies().get(0).path()).mainVideo().orElseThrow();
        assertEquals(120, v.displayWidth());
        assertEquals(160, v.displayHeight());
    }

    @Test
    void variableFrameRateKeepsEveryFrameAndTheDuration() throws Exception {
        // 10 frames 40 ms apart, then 10 frames 100 ms apart
        Path vfr = clip("vfr.mp4", "testsrc2=size=320x240:rate=25:duration=0.8", false,
                "-vf", "setpts='if(lt(N,10),N*0.04,0.4+(N-10)*0.1)/TB'", "-fps_mode", "passthrough",
                "-video_track_timescale", "1000");
        VideoStreamInfo src = probe.probe(vfr).mainVideo().orElseThrow();
        assertTrue(src.variableFrameRate(), src.toString());
        ProxyResult r = make(vfr);
        assertEquals(Status.GENERATED, r.status(), r.error());
        VideoStreamInfo v = probe.probe(r.proxies().get(0).path()).mainVideo().orElseThrow();
        assertEquals(src.frameCount(), v.frameCount());
        assertEquals(timestamps(vfr), timestamps(r.proxies().get(0).path()), "every frame keeps its timestamp");
    }

    @Test
    void proresProxyOption() throws Exception {
        ProxySettings prores = new ProxySettings(List.of(ProxyResolution.HALF), ProxyFormat.PRORES_PROXY,
                ProxyQuality.MEDIUM, store);
        ProxyResult r = service.generateNow(small, prores).result().join();
        assertEquals(Status.GENERATED, r.status(), r.error());
        ProxyFile f = r.proxies().get(0);
        assertTrue(f.path().toString().endsWith(".mov"));
        VideoStreamInfo v = probe.probe(f.path()).mainVideo().orElseThrow();
        assertEquals("prores", v.codec());
        assertEquals("Proxy", v.profile());
        assertEquals(50, v.frameCount());
    }

    @Test
    void badInputsFailOnTheirOwnSayingWhatAndWhatToDo() throws Exception {
        Path zero = Files.createFile(media.resolve("zero.mp4"));
        byte[] noise = new byte[300_000];
        new Random(7).nextBytes(noise);
        Path random = Files.write(media.resolve("random.mp4"), noise);
        byte[] whole = Files.readAllBytes(wide);
        Path truncated = Files.write(media.resolve("truncated.mp4"),
                java.util.Arrays.copyOf(whole, whole.length * 6 / 10));
        Path moovless = media.resolve("moovless.mp4");
        Path slow = clip("moov-at-end.mp4", "testsrc2=size=320x240:rate=25:duration=2", false, "-movflags", "0");
        byte[] s = Files.readAllBytes(slow);
        Files.write(moovless, java.util.Arrays.copyOf(s, s.length / 2));
        Path missing = media.resolve("missing.mp4");
        List<ProxyJob> jobs = new ArrayList<>();
        for (Path p : List.of(missing, zero, random, truncated, moovless, small)) {
            jobs.add(service.generateNow(p, settings()));
        }
        List<ProxyResult> r = jobs.stream().map(j -> j.result().join()).toList();
        assertFailed(r.get(0), missing, "no such file");
        assertFailed(r.get(1), zero, "0 bytes");
        assertFailed(r.get(2), random, "not a media file");
        assertFailed(r.get(3), truncated, "truncated");
        assertFailed(r.get(4), moovless, "not a media file");
        assertTrue(r.get(5).status().ok(), "the good file in the batch still gets its proxies: " + r.get(5));
    }

    static void assertFailed(ProxyResult r, Path file, String what) {
        assertEquals(Status.FAILED, r.status(), r.toString());
        assertTrue(r.proxies().isEmpty());
        assertTrue(r.error().contains(file.toString()) && r.error().contains(what), r.error());
        assertTrue(r.error().contains("copy it again") || r.error().contains("Check the path"), r.error());
    }

    /**
     * Two copies of one clip (the same content under two names, as folders of camera cards often hold) queued at
     * once: their tasks make the same proxies at the same time and must not break each other's files.
     */
    @Test
    void twoCopiesOfOneClipAtOnceBothGetTheirProxies() throws Exception {
        Path a = clip("copy-a.mp4", "testsrc2=size=640x360:rate=25:duration=6", false);
        Path b = media.resolve("copy-b.mp4");
        Files.copy(a, b);
        // side by side, as two workers of the background queue run them (the workbench's default: 2 jobs)
        TaskService tasks = Lookup.getDefault().lookup(TaskService.class);
        tasks.setWorkers(org.tsperf.api.tasks.TaskType.PROXY, 2);
        ProxyJob first = service.generateInBackground(a, settings());
        ProxyJob second = service.generateInBackground(b, settings());
        ProxyResult ra = first.result().get(120, TimeUnit.SECONDS);
        ProxyResult rb = second.result().get(120, TimeUnit.SECONDS);
        assertTrue(ra.status().ok(), ra.toString());
        assertTrue(rb.status().ok(), rb.toString());
        assertEquals(ra.proxies().size(), rb.proxies().size());
        for (int i = 0; i < ra.proxies().size(); i++) {
            assertEquals(ra.proxies().get(i).path(), rb.proxies().get(i).path(), "the same content, the same proxy");
            assertTrue(Files.size(rb.proxies().get(i).path()) > 0);
        }
    }

    @Test
    void cancelStopsFfmpegAndLeavesNothing() throws Exception {
        Path big = clip("cancel-me.mp4", "testsrc2=size=1280x720:rate=25:duration=12", false);
        ProxyJob job = service.generateNow(big, settings());
        TaskService tasks = Lookup.getDefault().lookup(TaskService.class);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline
                && tasks.task(job.task().orElseThrow()).map(t -> t.progress().done()).orElse(0L) < 1) {
            Thread.sleep(50);
        }
        job.cancel("test");
        ProxyResult r = job.result().get(20, TimeUnit.SECONDS);
        assertEquals(Status.CANCELLED, r.status(), r.toString());
        try (Stream<Path> files = Files.list(store)) {
            assertEquals(List.of(), files.filter(f -> f.toString().endsWith(".mp4")).toList());
        }
    }
}
