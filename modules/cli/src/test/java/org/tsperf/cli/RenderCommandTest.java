package org.tsperf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openide.util.Lookup;
import org.tsperf.api.media.MediaInfo;
import org.tsperf.api.media.MediaProbe;
import org.tsperf.api.media.MediaTools;
import org.tsperf.api.timeline.Clip;
import org.tsperf.api.timeline.Effect;
import org.tsperf.api.timeline.FrameRate;
import org.tsperf.api.timeline.Project;
import org.tsperf.api.timeline.RenderProgress;
import org.tsperf.api.timeline.TimelineService;
import org.tsperf.api.timeline.Track;
import org.tsperf.api.timeline.TrackKind;

/** {@code tsperf render} in-process on the real timeline, render, media, GPU and task modules. */
class RenderCommandTest {

    @TempDir
    Path dir;

    private record Outcome(int code, String out, String err) {
    }

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }

    /** A project file of one 320x240 clip of 1 s with a blur, written by the timeline module. */
    private Path project() throws Exception {
        Path clip = dir.resolve("clip.mp4");
        Process p = new ProcessBuilder(Lookup.getDefault().lookup(MediaTools.class).ffmpeg().toString(),
                "-hide_banner", "-nostdin", "-v", "error", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25",
                "-t", "1", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-metadata",
                "comment=" + System.nanoTime(), clip.toString())
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(1, TimeUnit.MINUTES) && p.exitValue() == 0, "test clip made");
        TimelineService timelines = Lookup.getDefault().lookup(TimelineService.class);
        assertNotNull(timelines, "the timeline module is on the test class path");
        Project project = new Project("cli", 320, 240, new FrameRate(25, 1), 48000, List.of(
                new Track("V1", TrackKind.VIDEO, List.of(new Clip("c", clip, 0, 25, 0,
                        List.of(new Effect.Blur(1.5)))), List.of())));
        Path file = dir.resolve("p.tsproj");
        timelines.write(project, file);
        return file;
    }

    @Test
    void rendersAProjectFileAndSaysWhatItWrote() throws Exception {
        Path project = project();
        Path out = dir.resolve("out.mov");
        Outcome o = run("render", project.toString(), "--out", out.toString(), "--format", "prores_proxy",
                "--range", "5-20", "--json");
        assertEquals(0, o.code(), o.err());
        JsonObject json = JsonParser.parseString(o.out().trim()).getAsJsonObject();
        assertEquals(out.toString(), json.get("file").getAsString());
        assertEquals("prores_proxy", json.get("format").getAsString());
        assertEquals(15, json.get("frames").getAsLong());
        assertEquals(5, json.get("in").getAsLong());
        assertEquals(0.6, json.get("durationSeconds").getAsDouble(), 0.05);
        assertTrue(json.get("realTimeSpeed").getAsDouble() > 0);
        assertTrue(o.err().contains("15/15 frames"), "progress on stderr: " + o.err());
        MediaInfo info = Lookup.getDefault().lookup(MediaProbe.class).probe(out);
        assertEquals("prores", info.mainVideo().orElseThrow().codec());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(Set.of("clip.mp4", "p.tsproj", "out.mov"),
                    files.map(f -> f.getFileName().toString()).collect(Collectors.toSet()), "no temporary left");
        }
    }

    @Test
    void aBrokenProjectFileIsRefusedWithTheTimelineModulesReason() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.tsproj"), "{\"format\": ");
        Outcome o = run("render", broken.toString(), "--out", dir.resolve("o.mp4").toString());
        assertEquals(Main.FAILURE, o.code());
        assertTrue(o.err().contains(broken.toString()), o.err());
        assertTrue(Files.notExists(dir.resolve("o.mp4")));
    }

    @Test
    void previewTakesNoOutputFile() {
        Outcome o = run("render", dir.resolve("p.json").toString(), "--preview", "--out", "x.mp4");
        assertEquals(Main.USAGE, o.code());
        assertTrue(o.err().contains("--preview fills the preview cache: it takes no --out or --range"), o.err());
    }

    @Test
    void previewFillsTheCacheAndASecondRunRendersNothing() throws Exception {
        System.setProperty("tsperf.cache.dir", dir.resolve("cache").toString()); // when this JVM's cache opens here
        Path project = project(); // a clip made now: its content key, so its chunks, are new to any cache
        Outcome first = run("render", project.toString(), "--preview", "--json");
        assertEquals(0, first.code(), first.err());
        JsonObject json = JsonParser.parseString(first.out().trim()).getAsJsonObject();
        assertEquals(1, json.get("chunksRendered").getAsInt(), "one 1-second chunk with a blur: " + first.out());
        assertEquals(25, json.get("frames").getAsLong());
        assertEquals(1.0, json.get("durationSeconds").getAsDouble(), 1e-9);
        assertTrue(json.get("realTimeSpeed").getAsDouble() > 0);
        assertTrue(first.err().contains("25/25 frames"), "progress on stderr: " + first.err());
        Outcome second = run("render", project.toString(), "--preview");
        assertEquals(0, second.code(), second.err());
        assertTrue(second.out().contains("every chunk that needs rendering is in the cache already; nothing"
                + " rendered"), second.out());
    }

    @Test
    void aBadRangeOrFormatIsAUsageError() throws Exception {
        Path project = project();
        Outcome range = run("render", project.toString(), "--out", "x.mp4", "--range", "10-500");
        assertEquals(Main.USAGE, range.code());
        assertTrue(range.err().contains("export range 10-500 is outside the project's 0-25 frames"), range.err());
        Outcome format = run("render", project.toString(), "--out", "x.mp4", "--format", "vp9");
        assertEquals(Main.USAGE, format.code());
        assertTrue(format.err().contains("unknown export format \"vp9\""), format.err());
    }

    @Test
    void progressLinesSayFramesSpeedAndEta() {
        assertEquals("30/120 frames (25 %), 0.50x real time, ETA 6 s",
                RenderCommand.progressLine(new RenderProgress(30, 120, 0.5, 6)));
        assertEquals("1/120 frames (1 %), 0.10x real time", RenderCommand.progressLine(new RenderProgress(1, 120, 0.1,
                -1)));
    }
}
