package org.tsperf.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
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
import org.tsperf.api.tasks.ResourceEstimate;
import org.tsperf.api.tasks.TaskId;
import org.tsperf.api.tasks.TaskInfo;
import org.tsperf.api.tasks.TaskPriority;
import org.tsperf.api.tasks.TaskService;
import org.tsperf.api.tasks.TaskSpec;
import org.tsperf.api.tasks.TaskState;
import org.tsperf.api.tasks.TaskType;
import org.tsperf.api.timeline.Clip;
import org.tsperf.api.timeline.Effect;
import org.tsperf.api.timeline.ExportFormat;
import org.tsperf.api.timeline.ExportRequest;
import org.tsperf.api.timeline.ExportResult;
import org.tsperf.api.timeline.ExportService;
import org.tsperf.api.timeline.FrameRate;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.Track;
import org.tsperf.api.timeline.TrackKind;
import org.tsperf.api.timeline.Transition;

/** Exports through the real task system, decoder, processor and ffmpeg, checked by probing and by SSIM. */
class ExportServiceTest {

    static final FrameRate RATE = new FrameRate(25, 1);

    @TempDir
    static Path media;
    static Path a;
    static Path b;
    static ExportService exports;
    static MediaProbe probe;

    @TempDir
    Path out;

    @BeforeAll
    static void clips() throws Exception {
        exports = Lookup.getDefault().lookup(ExportService.class);
        probe = Lookup.getDefault().lookup(MediaProbe.class);
        assertNotNull(exports, "the export service is registered in Lookup");
        a = TestMedia.clip(media, "a.mp4", "testsrc2=size=320x240:rate=25", 1.2, 440);
        b = TestMedia.clip(media, "b.mp4", "mandelbrot=size=320x240:rate=25", 1.2, 660);
    }

    /** a (colour) 0-25, b (blurred) 20-45, a 5-frame cross-fade; the sound of both on A1, cross-faded too. */
    static Project twoClips(Path first, Path second) {
        Clip ca = new Clip("a", first, 0, 25, 0, List.of(new Effect.ColourAdjust(0.05, 1.1, 1.2, 1)));
        Clip cb = new Clip("b", second, 0, 25, 20, List.of(new Effect.Blur(2)));
        Transition t = new Transition("a", "b", 5);
        return new Project("two", 320, 240, RATE, 48000, List.of(
                new Track("V1", TrackKind.VIDEO, List.of(ca, cb), List.of(t)),
                new Track("A1", TrackKind.AUDIO, List.of(new Clip("sa", first, 0, 25, 0, List.of()),
                        new Clip("sb", second, 0, 25, 20, List.of())), List.of(new Transition("sa", "sb", 5)))));
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void anExportHasEveryFrameTheDurationAndTheFilterGraphsPictures(ExportFormat format) throws Exception {
        Path file = out.resolve("two." + format.extension());
        ExportResult r = exports.export(ExportRequest.whole(twoClips(a, b), file, format), p -> { })
                .result().get(2, TimeUnit.MINUTES);
        assertEquals(file, r.file());
        assertEquals(45, r.frames());
        assertEquals(1.8, r.durationMicros() / 1e6, 0.05);
        assertTrue(r.realTimeSpeed() > 0, "speed measured");
        MediaInfo info = probe.probe(file);
        VideoStreamInfo v = info.mainVideo().orElseThrow();
        assertEquals(45, v.frameCount());
        assertEquals(format == ExportFormat.H264 ? "h264" : "prores", v.codec());
        assertEquals(1, info.audio().size(), "the mixed sound");
        assertEquals(format == ExportFormat.H264 ? "aac" : "pcm_s16le", info.audio().get(0).codec());
        try (Stream<Path> left = Files.list(out)) {
            assertEquals(List.of(file), left.toList(), "only the output is left in its folder");
        }
        Path ref = reference(a, b, format, out.resolve("ref." + format.extension()));
        double ssim = TestMedia.ssim(file, ref);
        assertTrue(ssim > 0.95, format + ": SSIM against the filter graph is " + ssim);
        // a picture of another project is clearly different: the comparison can fail
        Path other = out.resolve("other." + format.extension());
        exports.export(ExportRequest.whole(twoClips(b, a), other, format), p -> { }).result().get(2,
                TimeUnit.MINUTES);
        assertTrue(TestMedia.ssim(other, ref) < 0.8, "swapped clips do not match the reference");
    }

    /** The ffmpeg command line making {@link #twoClips}' pictures: eq, gblur, xfade, and the same encoder. */
    static Path reference(Path first, Path second, ExportFormat format, Path ref) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("-i", first.toString(), "-i", second.toString(),
                "-filter_complex", "[0:v]trim=end_frame=25,setpts=PTS-STARTPTS,format=yuv420p,eq=brightness=0.05"
                        + ":contrast=1.1:saturation=1.2[x];[1:v]trim=end_frame=25,setpts=PTS-STARTPTS,format=yuv420p,"
                        + "gblur=sigma=2:steps=6[y];[x][y]xfade=transition=fade:duration=0.2:offset=0.8,format="
                        + ExportCommands.pixelFormat(format) + "[v]", "-map", "[v]"));
        args.addAll(ExportCommands.videoCodec(format));
        args.add(ref.toString());
        TestMedia.run(args);
        return ref;
    }

    @Test
    void aRangeExportsOnlyItsFrames() throws Exception {
        Path file = out.resolve("range.mp4");
        ExportResult r = exports.export(new ExportRequest(twoClips(a, b), file, ExportFormat.H264, 10, 30),
                p -> { }).result().get(2, TimeUnit.MINUTES);
        assertEquals(20, r.frames());
        assertEquals(0.8, r.durationMicros() / 1e6, 0.05);
    }

    @Test
    void cancelLeavesNothingBehind() throws Exception {
        Path longer = TestMedia.clip(out, "long.mp4", "testsrc2=size=1280x720:rate=25", 8, 0);
        Project p = new Project("long", 1280, 720, RATE, 48000, List.of(new Track("V1", TrackKind.VIDEO,
                List.of(new Clip("l", longer, 0, 200, 0, List.of(new Effect.Blur(4)))), List.of())));
        Path exportDir = Files.createDirectory(out.resolve("export"));
        CountDownLatch started = new CountDownLatch(1);
        ExportService.Export e = exports.export(ExportRequest.whole(p, exportDir.resolve("long.mov"),
                ExportFormat.PRORES_HQ), rp -> {
                    if (rp.framesDone() >= 3) {
                        started.countDown();
                    }
                });
        assertTrue(started.await(2, TimeUnit.MINUTES), "the export made its first frames");
        assertTrue(Lookup.getDefault().lookup(TaskService.class).cancel(e.task(), "test"), "cancel accepted");
        ExecutionException ex = assertThrows(ExecutionException.class, () -> e.result().get(1, TimeUnit.MINUTES));
        assertInstanceOf(CancellationException.class, ex.getCause());
        try (Stream<Path> left = Files.list(exportDir)) {
            assertEquals(List.of(), left.toList(), "no output and no temporary file");
        }
    }

    @Test
    void aMissingSourceFailsNamingIt() throws Exception {
        Path gone = media.resolve("gone.mp4");
        ExecutionException ex = assertThrows(ExecutionException.class, () -> exports.export(
                ExportRequest.whole(twoClips(a, gone), out.resolve("x.mp4"), ExportFormat.H264), p -> { })
                .result().get(2, TimeUnit.MINUTES));
        assertTrue(ex.getCause().getMessage().contains(gone.toString()), ex.getCause().getMessage());
        assertFalse(ex.getCause() instanceof CancellationException);
        try (Stream<Path> left = Files.list(out)) {
            assertEquals(List.of(), left.toList(), "nothing written");
        }
    }

    @Test
    void anExportFoundInTheJournalAfterARestartRemovesItsPartialFilesAndAsksAgain() throws Exception {
        // what a restart leaves: the journal's task (output and tag) and the partial files, no project in memory
        Path file = out.resolve("film.mp4");
        Exporter.Temporaries temp = Exporter.Temporaries.of(file, "t1");
        Files.writeString(temp.video(), "half a video");
        Files.writeString(temp.audio(), "half a mix");
        TaskService tasks = Lookup.getDefault().lookup(TaskService.class);
        TaskSpec spec = new TaskSpec(TaskId.random(), ExportTaskHandler.KIND, "Export film", TaskType.RENDER,
                TaskPriority.HIGH, ResourceEstimate.TRIVIAL, java.util.Map.of(ExportTaskHandler.OUTPUT,
                        file.toString(), ExportTaskHandler.TAG, "t1"), java.util.Set.of());
        TaskInfo info = tasks.completion(tasks.submit(spec)).get(1, TimeUnit.MINUTES);
        assertEquals(TaskState.FAILED, info.state());
        assertTrue(info.reason().contains(file.toString()) && info.reason().contains("export again"), info.reason());
        try (Stream<Path> left = Files.list(out)) {
            assertEquals(List.of(), left.toList(), "the partial files are removed");
        }
    }
}
