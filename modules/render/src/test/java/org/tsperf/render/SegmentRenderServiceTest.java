package org.tsperf.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openide.util.Lookup;
import org.tsperf.api.media.MediaInfo;
import org.tsperf.api.media.MediaProbe;
import org.tsperf.api.media.VideoStreamInfo;
import org.tsperf.api.timeline.Clip;
import org.tsperf.api.timeline.Effect;
import org.tsperf.api.timeline.ExportFormat;
import org.tsperf.api.timeline.ExportRequest;
import org.tsperf.api.timeline.ExportResult;
import org.tsperf.api.timeline.ExportSegment;
import org.tsperf.api.timeline.ExportService;
import org.tsperf.api.timeline.FrameRate;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.RenderProgress;
import org.tsperf.api.timeline.SegmentRenderService;
import org.tsperf.api.timeline.Track;
import org.tsperf.api.timeline.TrackKind;
import org.tsperf.api.timeline.Transition;

/**
 * Segmented exports through the real decoder, processor and ffmpeg, compared with the single-machine export of the
 * same request: frames, duration, sound length and every picture (SSIM).
 */
class SegmentRenderServiceTest {

    static final FrameRate RATE = new FrameRate(25, 1);
    static final int FRAMES_PER_SEGMENT = 30;
    private static final Logger LOG = Logger.getLogger(SegmentRenderServiceTest.class.getName());

    @TempDir
    static Path shared;
    static Path a;
    static Path b;
    static SegmentRenderService segments;
    static MediaProbe probe;
    /** Segment files of each format, rendered once for the tests that need them. */
    static final Map<ExportFormat, Rendered> RENDERED = new EnumMap<>(ExportFormat.class);

    @TempDir
    Path out;

    /** A format's request, plan, segment files in plan order and mixed sound. */
    record Rendered(ExportRequest request, List<ExportSegment> plan, List<Path> files, Path sound) {
    }

    @BeforeAll
    static void clips() throws Exception {
        segments = Lookup.getDefault().lookup(SegmentRenderService.class);
        probe = Lookup.getDefault().lookup(MediaProbe.class);
        assertNotNull(segments, "the segment render service is registered in Lookup");
        a = TestMedia.clip(shared, "a.mp4", "testsrc2=size=320x180:rate=25", 3, 440);
        b = TestMedia.clip(shared, "b.mp4", "mandelbrot=size=320x180:rate=25", 2, 660);
    }

    /**
     * 100 frames: a (colour adjusted) 0-40, a cut to b (blurred) 40-80, a 10-frame cross-fade into a again (from
     * its second 1.6) 70-100; their sound on A1 with the same cut and cross-fade.
     */
    static Project project() {
        List<Effect> colour = List.of(new Effect.ColourAdjust(0.05, 1.1, 1.2, 1));
        Clip ca = new Clip("a", a, 0, 40, 0, colour);
        Clip cb = new Clip("b", b, 0, 40, 40, List.of(new Effect.Blur(2)));
        Clip cc = new Clip("c", a, 40, 30, 70, colour);
        return new Project("segmented", 320, 180, RATE, 48000, List.of(
                new Track("V1", TrackKind.VIDEO, List.of(ca, cb, cc), List.of(new Transition("b", "c", 10))),
                new Track("A1", TrackKind.AUDIO, List.of(new Clip("sa", a, 0, 40, 0, List.of()),
                        new Clip("sb", b, 0, 40, 40, List.of()), new Clip("sc", a, 40, 30, 70, List.of())),
                        List.of(new Transition("sb", "sc", 10)))));
    }

    /** Renders the plan's segments out of order, one of them twice at once, and mixes the sound; once per format. */
    static synchronized Rendered rendered(ExportFormat format) throws Exception {
        Rendered r = RENDERED.get(format);
        if (r != null) {
            return r;
        }
        Path dir = Files.createDirectories(shared.resolve("segments-" + format.cliName()));
        ExportRequest request = ExportRequest.whole(project(), shared.resolve("unused." + format.extension()), format);
        List<ExportSegment> plan = segments.plan(request, FRAMES_PER_SEGMENT);
        assertEquals(4, plan.size(), "100 frames in segments of 30: 30, 30, 30 and a 10-frame tail");
        List<Path> files = plan.stream().map(s -> dir.resolve("seg-" + s.index() + "." + format.extension()))
                .toList();
        for (int i : new int[] {2, 0, 3}) {
            List<RenderProgress> heard = new ArrayList<>();
            long t0 = System.nanoTime();
            segments.renderSegment(request, plan.get(i), files.get(i), () -> false, heard::add);
            LOG.log(Level.INFO, "{0} segment {1}: {2} frames rendered in {3} ms", new Object[] {format, i,
                plan.get(i).frames(), (System.nanoTime() - t0) / 1_000_000});
            RenderProgress last = heard.get(heard.size() - 1);
            assertEquals(plan.get(i).frames(), last.framesDone(), "progress ends at the segment's frames");
            assertEquals(plan.get(i).frames(), last.framesTotal());
        }
        // segment 1 twice at once into the same file: one whole file is left
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> runs = new ArrayList<>();
            for (int k = 0; k < 2; k++) {
                runs.add(two.submit(() -> {
                    segments.renderSegment(request, plan.get(1), files.get(1), () -> false, p -> { });
                    return null;
                }));
            }
            for (Future<Object> f : runs) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            two.shutdownNow();
        }
        Path sound = dir.resolve("sound.wav");
        segments.mixSound(request, sound, () -> false);
        try (Stream<Path> left = Files.list(dir)) {
            List<Path> all = new ArrayList<>(files);
            all.add(sound);
            assertEquals(all.stream().sorted().toList(), left.sorted().toList(),
                    "the segments and the sound, no temporary file");
        }
        r = new Rendered(request, plan, files, sound);
        RENDERED.put(format, r);
        return r;
    }

    @ParameterizedTest
    @EnumSource(value = ExportFormat.class, names = {"H264", "PRORES_PROXY"})
    void aSegmentedExportHasTheFramesDurationSoundAndPicturesOfTheSingleMachineExport(ExportFormat format)
            throws Exception {
        Rendered r = rendered(format);
        Path joined = out.resolve("joined." + format.extension());
        ExportRequest request = new ExportRequest(r.request().project(), joined, format, 0, 100);
        long t0 = System.nanoTime();
        ExportResult result = segments.join(request, r.files(), r.sound());
        long joinMillis = (System.nanoTime() - t0) / 1_000_000;
        LOG.log(Level.INFO, "{0}: joined {1} segments in {2} ms", new Object[] {format, r.files().size(),
            joinMillis});
        assertEquals(joined, result.file());
        assertEquals(100, result.frames());

        Path single = out.resolve("single." + format.extension());
        ExportService exports = Lookup.getDefault().lookup(ExportService.class);
        ExportResult one = exports.export(ExportRequest.whole(r.request().project(), single, format), p -> { })
                .result().get(2, TimeUnit.MINUTES);
        assertEquals(one.frames(), result.frames(), "frames");
        assertEquals(one.durationMicros(), result.durationMicros(), 1e6 / RATE.fps(), "duration within a frame");

        MediaInfo mj = probe.probe(joined);
        MediaInfo ms = probe.probe(single);
        VideoStreamInfo vj = mj.mainVideo().orElseThrow();
        VideoStreamInfo vs = ms.mainVideo().orElseThrow();
        assertEquals(vs.frameCount(), vj.frameCount());
        assertEquals(vs.codec(), vj.codec());
        assertEquals(vs.pixelFormat(), vj.pixelFormat());
        assertEquals(vs.colorSpace(), vj.colorSpace());
        assertEquals(1, mj.audio().size(), "the mixed sound");
        assertEquals(ms.audio().get(0).codec(), mj.audio().get(0).codec());
        assertEquals(ms.audio().get(0).durationSeconds(), mj.audio().get(0).durationSeconds(), 1e-3,
                "the sound lasts as long");

        double[] ssim = TestMedia.ssimPerFrame(joined, single, out);
        assertEquals(100, ssim.length, "every frame compared");
        double min = Arrays.stream(ssim).min().orElseThrow();
        LOG.log(Level.INFO, "{0}: lowest SSIM of a frame against the single-machine export {1}", new Object[] {
            format, String.valueOf(min)});
        // the same pictures (ProRes, all intra: 1.0); H.264 segments start with their own keyframe, so x264 spends its
        // bits differently near the cuts (0.988 at worst measured with the pictures composited on the YUV planes)
        double floor = format == ExportFormat.H264 ? 0.985 : 0.99;
        assertTrue(min >= floor, format + ": the lowest SSIM of a frame is " + min);
        try (Stream<Path> left = Files.list(out)) {
            assertEquals(List.of(joined, single), left.sorted().toList(), "no temporary file is left");
        }
    }

    @ParameterizedTest
    @EnumSource(value = ExportFormat.class, names = {"H264", "PRORES_PROXY"})
    void everySegmentStartsWithAKeyframeAtTimeZero(ExportFormat format) throws Exception {
        Pattern info = Pattern.compile("n: *0 .*pts_time:([0-9.]+).*iskey:(\\d) type:(\\w)");
        for (Path f : rendered(format).files()) {
            String shown = TestMedia.run(List.of("-i", f.toString(), "-vf", "showinfo", "-frames:v", "1", "-f",
                    "null", "-"));
            Matcher m = info.matcher(shown);
            assertTrue(m.find(), () -> "showinfo's first frame of " + f + ":\n" + shown);
            assertEquals(0.0, Double.parseDouble(m.group(1)), 1e-9, f + " starts at time 0");
            assertEquals("1", m.group(2), f + " starts with a keyframe");
            assertEquals("I", m.group(3), f + " starts with an intra picture");
            if (format == ExportFormat.H264) {
                assertEquals(5, firstSliceNalType(f), f + " starts with an IDR picture (closed GOP)");
            }
        }
    }

    /** The NAL unit type of the first slice of the first packet (5: IDR, 1: another slice). */
    private static int firstSliceNalType(Path file) throws Exception {
        String trace = TestMedia.run(List.of("-i", file.toString(), "-frames:v", "1", "-c:v", "copy", "-bsf:v",
                "trace_headers", "-f", "null", "-"));
        int packet = trace.indexOf("Packet:");
        assertTrue(packet >= 0, () -> "no packet traced:\n" + trace);
        Matcher m = Pattern.compile("nal_unit_type +[01]+ = (\\d+)").matcher(trace.substring(packet));
        while (m.find()) {
            int type = Integer.parseInt(m.group(1));
            if (type == 1 || type == 5) {
                return type;
            }
        }
        throw new AssertionError("no slice in the first packet of " + file + ":\n" + trace);
    }

    @Test
    void aMissingOrWrongSegmentFailsTheJoinNamingItAndWritesNothing() throws Exception {
        Rendered r = rendered(ExportFormat.H264);
        List<Path> f = r.files();
        Path joined = out.resolve("joined.mp4");
        ExportRequest request = new ExportRequest(r.request().project(), joined, ExportFormat.H264, 0, 100);

        Path gone = out.resolveSibling("gone-" + out.getFileName()).resolve("seg-2.mp4");
        assertJoinFails(request, List.of(f.get(0), f.get(1), gone, f.get(3)), r.sound(), gone.toString(), "missing");
        assertJoinFails(request, List.of(f.get(0), f.get(1), f.get(3)), r.sound(), "frames 60-90 are missing",
                f.get(3).toString());
        assertJoinFails(request, List.of(f.get(0), f.get(1), f.get(2)), r.sound(), "frames 90-100 are missing");
        assertJoinFails(request, List.of(f.get(0), f.get(1), f.get(1), f.get(2), f.get(3)), r.sound(),
                "listed twice");

        // segment 1 cut to 20 of its 30 frames, its mark kept
        Path shortened = Files.createDirectories(shared.resolve("bad")).resolve("short-1.mp4");
        TestMedia.run(List.of("-i", f.get(1).toString(), "-frames:v", "20", "-c", "copy", shortened.toString()));
        assertJoinFails(request, List.of(f.get(0), shortened, f.get(2), f.get(3)), r.sound(), shortened.toString(),
                "20 frames, not the 30 of timeline frames 30-60");

        // a segment's mark on pictures of another size
        Path small = shared.resolve("bad").resolve("small-1.mp4");
        List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i", "testsrc2=size=160x90:rate=25",
                "-frames:v", "30", "-pix_fmt", "yuv420p"));
        args.addAll(ExportCommands.videoCodec(ExportFormat.H264));
        args.addAll(List.of("-metadata", "comment=tsperf segment 1: frames 30-60 of 0-100", small.toString()));
        TestMedia.run(args);
        assertJoinFails(request, List.of(f.get(0), small, f.get(2), f.get(3)), r.sound(), small.toString(),
                "160x90, not the project's 320x180");

        // a file that is no media file at all
        Path broken = shared.resolve("bad").resolve("broken-1.mp4");
        Files.write(broken, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        assertJoinFails(request, List.of(f.get(0), broken, f.get(2), f.get(3)), r.sound(), broken.toString(),
                "could not be read");
        // a file that is no segment
        assertJoinFails(request, List.of(f.get(0), a, f.get(2), f.get(3)), r.sound(), a.toString(), "no segment mark");
        // a missing sound
        Path noSound = shared.resolve("bad").resolve("none.wav");
        assertJoinFails(request, f, noSound, noSound.toString(), "mixSound");
    }

    private void assertJoinFails(ExportRequest request, List<Path> files, Path sound, String... says)
            throws IOException {
        IOException ex = assertThrows(IOException.class, () -> segments.join(request, files, sound));
        LOG.log(Level.INFO, "join refused: {0}", ex.getMessage());
        for (String s : says) {
            assertTrue(ex.getMessage().contains(s), "\"" + s + "\" in: " + ex.getMessage());
        }
        assertFalse(Files.exists(request.output()), "no output");
        try (Stream<Path> left = Files.list(out)) {
            assertEquals(List.of(), left.toList(), "no temporary file is left");
        }
    }

    @Test
    void aCancelledSegmentLeavesNothing() throws Exception {
        ExportRequest request = ExportRequest.whole(project(), out.resolve("x.mov"), ExportFormat.PRORES_PROXY);
        AtomicInteger asked = new AtomicInteger();
        Path file = out.resolve("seg-0.mov");
        assertThrows(CancellationException.class, () -> segments.renderSegment(request, new ExportSegment(0, 0, 60),
                file, () -> asked.incrementAndGet() > 5, p -> { }));
        try (Stream<Path> left = Files.list(out)) {
            assertEquals(List.of(), left.toList(), "no segment and no temporary file");
        }
    }

    @Test
    void aPlanCoversTheRangeInOrderWithoutGapsOrOverlaps() {
        Project p = project();
        Path o = out.resolve("p.mp4");
        int[][] cases = {{0, 100, 30}, {0, 100, 33}, {0, 90, 30}, {10, 95, 30}, {0, 100, 1}, {0, 100, 1000},
            {99, 100, 30}, {0, 100, 97}, {0, 100, 7}};
        for (int[] c : cases) {
            List<ExportSegment> plan = segments.plan(new ExportRequest(p, o, ExportFormat.H264, c[0], c[1]), c[2]);
            String what = "range " + c[0] + "-" + c[1] + " in segments of " + c[2] + ": " + plan;
            assertEquals(c[0], plan.get(0).in(), what);
            assertEquals(c[1], plan.get(plan.size() - 1).out(), what);
            for (int i = 0; i < plan.size(); i++) {
                ExportSegment s = plan.get(i);
                assertEquals(i, s.index(), what);
                if (i > 0) {
                    assertEquals(plan.get(i - 1).out(), s.in(), what);
                }
                if (i < plan.size() - 1) {
                    assertEquals(c[2], s.frames(), what);
                } else {
                    // at least a quarter segment (or the whole range), at most a segment and a tiny tail
                    assertTrue(s.frames() * 4 >= Math.min(c[2], c[1] - c[0]) && s.frames() * 4 < 5L * c[2],
                            "a tiny tail joins the last segment: " + what);
                }
            }
        }
        assertEquals(3, segments.plan(new ExportRequest(p, o, ExportFormat.H264, 0, 100), 33).size(),
                "a 1-frame tail joins the segment before");
        assertEquals(4, segments.plan(new ExportRequest(p, o, ExportFormat.H264, 0, 100), 30).size(),
                "a 10-frame tail of 30 is a segment of its own");
        assertThrows(IllegalArgumentException.class, () -> segments.plan(new ExportRequest(p, o, ExportFormat.H264,
                0, 100), 0));
    }
}
